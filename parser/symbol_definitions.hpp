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
};

std::span<const Definition> all();

}  // namespace ovnsim::symbol_definitions
