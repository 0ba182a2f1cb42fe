#include "sim/field_selector.hpp"

#include <charconv>
#include <string>

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

[[noreturn]] void fail(std::string_view origin, std::size_t offset, std::string message) {
    throw InputError(std::string(origin), {1, static_cast<std::uint32_t>(offset + 1)},
                     std::move(message));
}

// Reads decimal digits at `pos`; advances `pos`.
unsigned read_bit(std::string_view text, std::size_t& pos, std::string_view origin) {
    unsigned v = 0;
    const char* begin = text.data() + pos;
    const auto [end, ec] = std::from_chars(begin, text.data() + text.size(), v);
    if (ec != std::errc{} || end == begin) fail(origin, pos, "expecting a bit number");
    pos += static_cast<std::size_t>(end - begin);
    return v;
}

}  // namespace

FieldSelection select_field(std::string_view text, std::string_view origin,
                            const SymbolTable& symbols) {
    const auto open = text.find('[');
    const auto name = text.substr(0, open);
    const Symbol* symbol = symbols.find(name);
    if (!symbol) fail(origin, 0, "unknown field `" + std::string(name) + "'");
    if (symbol->kind == SymbolKind::predicate)
        fail(origin, 0, "`" + std::string(name) + "' is a predicate, not a field");
    if (open == std::string_view::npos) return {symbol, symbol->field()};

    std::size_t pos = open + 1;
    BitRange range;
    range.lo = read_bit(text, pos, origin);
    range.hi = range.lo;
    if (text.substr(pos, 2) == "..") {
        pos += 2;
        range.hi = read_bit(text, pos, origin);
    }
    if (pos >= text.size() || text[pos] != ']') fail(origin, pos, "expecting `]'");
    if (pos + 1 != text.size()) fail(origin, pos + 1, "unexpected text after `]'");
    if (auto problem = symbol->check_range(range)) fail(origin, open, *problem);
    return {symbol, symbol->field(range)};
}

}  // namespace ovnsim
