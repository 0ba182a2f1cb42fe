#pragma once
// What-if results as text, JSON and (for sweeps) CSV.
#include <string>

#include <nlohmann/json.hpp>

#include "sim/whatif.hpp"

namespace ovnsim {

// The edits, then before / after / delta per modeled stage, the total and the sampling flows.
std::string format_whatif(const WhatIfResult& result);
// {"edits": [...], "before": {"family", "sample_with_registers", "total", "sampling_flows",
//  "by_stage": {}}, "after": {...}, "delta": {"total", "sampling_flows", "by_stage": {}},
//  "flows_added", "flows_removed", "by_datapath": {dp: {"before": N, "after": N}}, "warnings": [...]}
nlohmann::json whatif_json(const WhatIfResult& result);

std::string format_sweep(const SweepResult& sweep);
// sampled_acls,<mode key>... with the sampling flows of each mode.
std::string sweep_csv(const SweepResult& sweep);
// {"template": {"uuid", "acl"}, "modes": [{"name", "key", "collectors", "sample_with_registers"}],
//  "rows": [{"sampled_acls", "sampling_flows": {key: N}, "total_flows": {key: N}}]}
nlohmann::json sweep_json(const SweepResult& sweep);

}  // namespace ovnsim
