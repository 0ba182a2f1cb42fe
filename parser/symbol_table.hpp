#pragma once
// OVN's symbol table (lib/logical-fields.c:ovn_init_symtab, lib/expr.c) as data: every name
// the match and action languages accept, what it denotes and how it may be used.
//
//   field         a whole storage slot (xxreg0, eth.src, ct_label)
//   subfield      bits of another symbol (reg0 = xxreg0[96..127], ct.new = ct_state[0],
//                 ct_label.obs_point_id = ct_label[96..127])
//   predicate     a 1-bit name that expands to a match expression (ip4, tcp, eth.bcast)
//   string_field  a logical port name (inport, outport)
//
// Every table holds the union of the names OVN 20.03..26.03 define: names only some releases
// have (ct_label.blocked before ct_mark took over, flags.pkt_sampled from 26.03) are all
// present. The few names whose meaning changed (igmp, mldv1 and mldv2 gained a multicast
// destination term after 23.03) take the meaning of the release asked for, the newest in
// standard().
// Prerequisites and predicate expansions are match-language text, parsed by whoever needs
// them (sim/match_resolve).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/symbol_storage.hpp"

namespace ovnsim {

enum class SymbolKind : std::uint8_t { field, subfield, predicate, string_field };

// OVN's measurement levels (lib/expr.h enum expr_level). Nominal fields and predicates may
// only be tested for equality, predicates only positively; Boolean predicates may be tested
// either way; ordinal fields take every relational operator and bit ranges.
enum class Level : std::uint8_t { nominal, boolean, ordinal };

enum class Access : std::uint8_t {
    read_only,
    read_write,
    ct_commit_only,  // writable only inside `ct_commit { ... }` (ct_mark, ct_label, subfields)
};

// Bits [offset, offset + width) of a storage slot. width is 0 for the string slots.
struct FieldBits {
    Storage storage = Storage::xxreg0;
    std::uint8_t offset = 0;
    std::uint8_t width = 0;  // 1..128 (128 stored as 128: fits in uint8_t)
    friend bool operator==(const FieldBits&, const FieldBits&) = default;
};

// A bit selection `[lo..hi]` (or `[lo]`, lo == hi) relative to a symbol.
struct BitRange {
    unsigned lo = 0;
    unsigned hi = 0;
};

struct Symbol {
    std::string_view name;
    SymbolKind kind = SymbolKind::field;
    Level level = Level::ordinal;
    Access access = Access::read_only;
    unsigned width = 0;                 // bits: 0 for string fields, 1 for predicates
    FieldBits bits;                      // fields, subfields and string fields
    const Symbol* parent = nullptr;     // subfields: the symbol they select bits of
    unsigned parent_offset = 0;         // subfields: first bit within `parent`
    std::string_view prerequisites;     // match text ANDed with every use; "" when none
    std::string_view expansion;         // predicates: the match text they stand for
    bool action_only = false;           // icmp4.frag_mtu, icmp6.frag_mtu: never in a match

    bool is_numeric() const noexcept { return kind != SymbolKind::string_field; }

    // Why `[r.lo..r.hi]` cannot be selected from this symbol (OVN's wording), or nothing
    // when it can.
    std::optional<std::string> check_range(BitRange r) const;
    // The storage bits of the whole symbol, or of `range` within it (must be valid:
    // check_range first). Predicates have no storage.
    FieldBits field(std::optional<BitRange> range = std::nullopt) const noexcept;
    // Why this symbol cannot be assigned to (inside a ct_commit block or not), or nothing.
    std::optional<std::string> check_writable(bool inside_ct_commit) const;
};

class SymbolTable {
public:
    // The symbols with the newest meanings (see above). Built once, immutable.
    static const SymbolTable& standard();
    // The symbols with the meanings of OVN release major.minor (20.03 to 26.03).
    static const SymbolTable& for_release(unsigned major, unsigned minor);

    // Null for a name OVN does not define (the caller reports it with a location).
    const Symbol* find(std::string_view name) const noexcept;
    std::span<const Symbol> symbols() const noexcept { return symbols_; }
    // The symbol naming a whole storage slot ("xxreg0", "eth.src", "inport", ...).
    const Symbol& symbol_of(Storage s) const noexcept { return *by_storage_[storage_index(s)]; }

    SymbolTable(const SymbolTable&) = delete;
    SymbolTable& operator=(const SymbolTable&) = delete;

private:
    explicit SymbolTable(unsigned release);
    std::vector<Symbol> symbols_;
    std::unordered_map<std::string_view, const Symbol*> by_name_;
    std::vector<const Symbol*> by_storage_;
};

}  // namespace ovnsim
