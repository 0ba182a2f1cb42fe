#pragma once
// The CI gate: flow counts written once (`ovnsim cost --write-baseline`) and later compared
// (`--baseline FILE --tolerance PCT`). A count that grows by more than the tolerance fails
// the check; shrinking never does.
//
// File (JSON): {"ovnsim_flow_baseline": 1, "bundle": "...", "total": N,
//               "sampling_flows": N, "by_stage": {"ls_in_acl_eval": N, ...}}
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/cost.hpp"

namespace ovnsim {

struct FlowBaseline {
    std::string bundle;  // where it was measured, for humans
    std::uint64_t total = 0;
    std::uint64_t sampling_flows = 0;  // sample-stage flows beyond the defaults
    StageCounts by_stage;
};

FlowBaseline baseline_of(const MeasuredCost& cost, std::string bundle);
nlohmann::json baseline_json(const FlowBaseline& baseline);
// Throws InputError (FILE:LINE:COL) for unreadable files, bad JSON or a wrong shape.
FlowBaseline read_flow_baseline(const std::string& path);
void write_flow_baseline(const FlowBaseline& baseline, const std::string& path);

struct BaselineDelta {
    std::string what;  // "total", "sampling flows" or a stage name
    std::uint64_t baseline = 0;
    std::uint64_t current = 0;
    bool exceeded = false;  // grew by more than the tolerance
    std::int64_t change() const { return static_cast<std::int64_t>(current) - static_cast<std::int64_t>(baseline); }
};

struct BaselineCheck {
    double tolerance_percent = 0;
    std::vector<BaselineDelta> changes;  // only what changed: total, sampling flows, then stages
    bool passed() const;
};

// A count may grow up to baseline * (1 + tolerance/100); a stage the baseline lacks may not
// appear with flows at all.
BaselineCheck check_against_baseline(const FlowBaseline& baseline, const FlowBaseline& current,
                                     double tolerance_percent);

}  // namespace ovnsim
