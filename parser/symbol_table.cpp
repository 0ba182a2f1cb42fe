#include "parser/symbol_table.hpp"

#include <charconv>
#include <stdexcept>

#include "parser/symbol_definitions.hpp"

namespace ovnsim {
namespace {

std::string cat(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (auto p : parts) s += p;
    return s;
}

std::string num(unsigned v) { return std::to_string(v); }

unsigned parse_bit(std::string_view text) {
    unsigned v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw std::logic_error("symbol table: bad bit number '" + std::string(text) + "'");
    return v;
}

struct SubfieldSpec {
    std::string_view parent;
    BitRange range;
};

// "xxreg0[96..127]" or "ct_state[0]" (the form OVN's definitions use).
SubfieldSpec parse_subfield(std::string_view spec) {
    const auto open = spec.find('[');
    if (open == std::string_view::npos || spec.back() != ']')
        throw std::logic_error("symbol table: bad subfield '" + std::string(spec) + "'");
    const auto inside = spec.substr(open + 1, spec.size() - open - 2);
    const auto dots = inside.find("..");
    BitRange r;
    r.lo = parse_bit(inside.substr(0, dots));
    r.hi = dots == std::string_view::npos ? r.lo : parse_bit(inside.substr(dots + 2));
    return {spec.substr(0, open), r};
}

}  // namespace

std::optional<std::string> Symbol::check_range(BitRange r) const {
    if (kind == SymbolKind::string_field)
        return cat({"Cannot select subfield of string field ", name, "."});
    if (r.lo > r.hi) return cat({"Invalid bit range ", num(r.lo), " to ", num(r.hi), "."});
    if (r.hi >= width)
        return cat({"Cannot select bits ", num(r.lo), " to ", num(r.hi), " of ", num(width),
                    "-bit field ", name, "."});
    if (level == Level::nominal && (r.lo != 0 || r.hi != width - 1))
        return cat({"Cannot select subfield of nominal field ", name, "."});
    return std::nullopt;
}

FieldBits Symbol::field(std::optional<BitRange> range) const noexcept {
    if (!range) return bits;
    FieldBits f = bits;
    f.offset = static_cast<std::uint8_t>(bits.offset + range->lo);
    f.width = static_cast<std::uint8_t>(range->hi - range->lo + 1);
    return f;
}

std::optional<std::string> Symbol::check_writable(bool inside_ct_commit) const {
    if (kind == SymbolKind::predicate)
        return cat({"Predicate symbol ", name, " used where lvalue required."});
    if (access == Access::read_only) return cat({"Field ", name, " is not modifiable."});
    if (access == Access::ct_commit_only && !inside_ct_commit)
        return cat({"Field ", name, " can only be modified inside ct_commit."});
    return std::nullopt;
}

namespace {
constexpr unsigned kNewestRelease = 9999;
}

const SymbolTable& SymbolTable::standard() {
    static const SymbolTable table(kNewestRelease);
    return table;
}

const SymbolTable& SymbolTable::for_release(unsigned major, unsigned minor) {
    static const SymbolTable plain_multicast(symbol_definitions::kLastPlainMulticastRelease);
    return major * 100 + minor <= symbol_definitions::kLastPlainMulticastRelease ? plain_multicast : standard();
}

const Symbol* SymbolTable::find(std::string_view name) const noexcept {
    const auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
}

SymbolTable::SymbolTable(unsigned release) : by_storage_(kStorageCount, nullptr) {
    const auto defs = symbol_definitions::all();
    symbols_.reserve(defs.size());  // pointers into symbols_ stay valid
    for (const auto& d : defs) {
        if ((d.first_release && release < d.first_release) || (d.last_release && release > d.last_release))
            continue;
        Symbol s;
        s.name = d.name;
        s.kind = d.kind;
        s.prerequisites = d.prerequisites;
        s.action_only = d.action_only;
        switch (d.kind) {
        case SymbolKind::field:
        case SymbolKind::string_field:
            s.level = d.level;
            s.access = d.access;
            s.width = storage_info(d.storage).width;
            s.bits = {d.storage, 0, static_cast<std::uint8_t>(s.width)};
            break;
        case SymbolKind::subfield: {
            const auto spec = parse_subfield(d.subfield);
            const Symbol* parent = find(spec.parent);
            if (!parent || parent->check_range(spec.range))
                throw std::logic_error("symbol table: bad subfield of " + std::string(d.name));
            s.parent = parent;
            s.parent_offset = spec.range.lo;
            s.level = parent->level;
            s.access = parent->access;
            s.width = spec.range.hi - spec.range.lo + 1;
            s.bits = parent->field(spec.range);
            break;
        }
        case SymbolKind::predicate:
            s.level = d.level;
            s.access = Access::read_only;
            s.width = 1;
            s.expansion = d.expansion;
            break;
        }
        symbols_.push_back(s);
        const Symbol* stored = &symbols_.back();
        if (!by_name_.emplace(stored->name, stored).second)
            throw std::logic_error("symbol table: duplicate " + std::string(d.name));
        if (d.kind != SymbolKind::subfield && d.kind != SymbolKind::predicate &&
            !by_storage_[storage_index(d.storage)])
            by_storage_[storage_index(d.storage)] = stored;
    }
    for (std::size_t i = 0; i < kStorageCount; ++i)
        if (!by_storage_[i]) throw std::logic_error("symbol table: a storage slot has no symbol");
}

}  // namespace ovnsim
