#pragma once
// Benchmark (b): parse every flow's match and actions into ASTs.
#include <cstddef>
#include <optional>

#include "parser/lflow_dump.hpp"

namespace ovnsim::bench {

// Parses flow.match and flow.actions of every flow of `dump` into ASTs and returns how many
// were parsed. Returns std::nullopt while the match and action parsers are not wired in
// (full_parse_hook.cpp): the benchmark then prints "(b) not available yet".
std::optional<std::size_t> parse_all_matches_and_actions(const LflowDump& dump);

}  // namespace ovnsim::bench
