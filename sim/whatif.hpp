#pragma once
// What-if: the same northd model prices the NB tables before and after a set of edits, and
// sweeps the number of sampled ACLs across the sample-flow modes (per-ACL flows against
// flows shared per collector).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/nb_model.hpp"
#include "sim/northd_model/northd_model.hpp"
#include "sim/whatif_edits.hpp"

namespace ovnsim {

struct WhatIfResult {
    PredictedFlows before;
    PredictedFlows after;
    std::vector<std::string> log;  // what the edits did
    std::uint64_t added = 0;       // flows (by text) after has and before lacks
    std::uint64_t removed = 0;     // and the other way round
    std::size_t changed_switches = 0;
};

// Counts only (flow text is not kept), so that large edits stay cheap.
WhatIfResult run_whatif(const NbModel& nb, const NorthdConfig& config, const WhatIfEdits& edits);

// One way northd can emit sample flows.
struct SweepMode {
    std::string name;        // "per-ACL, 2 collectors"
    std::string key;         // "per_acl_2_collectors" (CSV / JSON)
    std::size_t collectors;  // every Sample's collector count
    bool sample_with_registers;
};
// per-ACL with two collectors; per-ACL with one collector on chassis without registers;
// shared with one collector.
std::vector<SweepMode> sweep_modes();

struct SweepRow {
    std::uint64_t sampled_acls = 0;
    std::vector<std::uint64_t> sampling_flows;  // per mode: sample-stage flows beyond the defaults
    std::vector<std::uint64_t> total_flows;     // per mode: every modeled flow
};

struct SweepResult {
    NbAcl template_acl;  // the ACL copied (its row; references not resolved)
    std::vector<SweepMode> modes;
    std::vector<SweepRow> rows;
};

// For each count N: every ACL unsampled, then N sampled copies of the template ACL (see
// template_acl()), priced in every mode. `kind` is what the copies sample.
SweepResult run_sweep(const NbModel& nb, const NorthdConfig& config, const std::vector<std::uint64_t>& counts,
                      const std::optional<AclSelector>& template_selector, SampleKind kind = SampleKind::both);

// "acls=10,100,1000" -> {10, 100, 1000}; throws InputError naming `option`.
std::vector<std::uint64_t> parse_sweep(std::string_view text, std::string_view option);

}  // namespace ovnsim
