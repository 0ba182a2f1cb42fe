#pragma once
// A field named in text, "reg0", "ct_label.obs_point_id" or "xxreg0[96..127]", resolved to
// the storage bits it denotes (for tests, the Python module and command-line options).
#include <string_view>

#include "parser/symbol_table.hpp"

namespace ovnsim {

struct FieldSelection {
    const Symbol* symbol = nullptr;
    FieldBits bits;  // width 0 for inport/outport
};

// Throws InputError (file `origin`, line 1, the column of the problem) for an unknown name,
// a predicate, malformed brackets or an invalid bit range.
FieldSelection select_field(std::string_view text, std::string_view origin = "<field>",
                            const SymbolTable& symbols = SymbolTable::standard());

}  // namespace ovnsim
