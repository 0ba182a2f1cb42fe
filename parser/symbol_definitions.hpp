#pragma once
// The definitions the symbol table is built from, in the order and form of OVN's
// ovn_init_symtab (private to parser/symbol_table.cpp and its tests).
#include <span>
#include <string_view>

#include "parser/symbol_table.hpp"

namespace ovnsim::symbol_definitions {

struct Definition {
    std::string_view name;
    SymbolKind kind = SymbolKind::field;
    Storage storage = Storage::xxreg0;  // fields and string fields
    std::string_view subfield;          // subfields: "parent[lo..hi]" or "parent[bit]"
    std::string_view expansion;         // predicates
    std::string_view prerequisites;
    Level level = Level::ordinal;       // fields and predicates; subfields inherit
    Access access = Access::read_only;  // fields; subfields inherit
    bool action_only = false;
    // The releases that define it this way, as major * 100 + minor (0: no bound).
    unsigned first_release = 0;
    unsigned last_release = 0;
};

std::span<const Definition> all();

// The last release whose multicast predicates (igmp, mldv1, mldv2) lack the multicast
// destination term: ovn-trace 23.03.1 builds an IGMP packet to 0.0.0.0 and an MLDv2 one to a
// unicast MAC, 24.09's symbol table has the terms; 23.06 to 24.03 are assumed to have them.
// The only meanings that differ between releases.
inline constexpr unsigned kLastPlainMulticastRelease = 2303;

}  // namespace ovnsim::symbol_definitions
