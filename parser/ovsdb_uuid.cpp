#include "parser/ovsdb_uuid.hpp"

#include <array>

namespace ovnsim {
namespace {

// Hex digit values, -1 for anything else: UUID parsing is hot when reading large databases.
constexpr std::array<signed char, 256> hex_table = [] {
    std::array<signed char, 256> table{};
    for (auto& v : table) v = -1;
    for (int c = '0'; c <= '9'; ++c) table[c] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c) table[c] = static_cast<signed char>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c) table[c] = static_cast<signed char>(c - 'A' + 10);
    return table;
}();

bool is_dash_position(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

// Reads `count` hex digits at `p` into `value`; false on a non-hex character.
bool read_hex(const char* p, int count, std::uint64_t& value) {
    for (int i = 0; i < count; ++i) {
        const int v = hex_table[static_cast<unsigned char>(p[i])];
        if (v < 0) return false;
        value = (value << 4) | static_cast<std::uint64_t>(v);
    }
    return true;
}

}  // namespace

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36 || text[8] != '-' || text[13] != '-' || text[18] != '-' || text[23] != '-') {
        return std::nullopt;
    }
    const char* p = text.data();
    Uuid uuid;
    if (!read_hex(p, 8, uuid.hi) || !read_hex(p + 9, 4, uuid.hi) || !read_hex(p + 14, 4, uuid.hi) ||
        !read_hex(p + 19, 4, uuid.lo) || !read_hex(p + 24, 12, uuid.lo)) {
        return std::nullopt;
    }
    return uuid;
}

std::string Uuid::to_string() const {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(36, '-');
    int digit = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (is_dash_position(i)) continue;
        const std::uint64_t half = digit < 16 ? hi : lo;
        const int shift = 60 - 4 * (digit % 16);
        out[i] = hex[(half >> shift) & 0xF];
        ++digit;
    }
    return out;
}

}  // namespace ovnsim
