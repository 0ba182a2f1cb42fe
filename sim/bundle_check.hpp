#pragma once
// `ovnsim parse`: read every file of a bundle and every line of its dump, parse every
// match and action, resolve every match against the symbol table, and collect each problem
// (FILE:LINE:COL) instead of stopping at the first one.
#include <cstddef>
#include <map>
#include <string>

#include "parser/source_location.hpp"

namespace ovnsim {

struct BundleCheck {
    Diagnostics errors;    // bad input: the command exits 2
    Diagnostics warnings;  // worth a look, not fatal (dangling weak references, ...)
    std::size_t flows = 0;
    std::size_t matches_parsed = 0;
    std::size_t actions_parsed = 0;
    std::size_t tables_read = 0;
    std::size_t files_read = 0;
    // Well-formed actions ovnsim keeps without modelling them, by name.
    std::map<std::string, std::size_t, std::less<>> generic_actions;
};

// Never throws for bad input: every problem lands in the result.
BundleCheck check_bundle(const std::string& path);

}  // namespace ovnsim
