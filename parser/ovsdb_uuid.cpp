#include "parser/ovsdb_uuid.hpp"

namespace ovnsim {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_dash_position(std::size_t i) { return i == 8 || i == 13 || i == 18 || i == 23; }

}  // namespace

std::optional<Uuid> Uuid::parse(std::string_view text) {
    if (text.size() != 36) return std::nullopt;
    Uuid uuid;
    int digits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_dash_position(i)) {
            if (text[i] != '-') return std::nullopt;
            continue;
        }
        const int v = hex_value(text[i]);
        if (v < 0) return std::nullopt;
        std::uint64_t& half = digits < 16 ? uuid.hi : uuid.lo;
        half = (half << 4) | static_cast<std::uint64_t>(v);
        ++digits;
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
