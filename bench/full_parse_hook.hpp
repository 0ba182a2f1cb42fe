#pragma once
// Benchmark (b): parse every flow's match and actions into ASTs.
#include <cstddef>

#include "parser/lflow_dump.hpp"

namespace ovnsim::bench {

// Parses flow.match and flow.actions of every flow of `dump` into ASTs, all kept alive
// until the end, and returns how many were parsed.
std::size_t parse_all_matches_and_actions(const LflowDump& dump);

}  // namespace ovnsim::bench
