#pragma once
// What the dump's ACL sample stages (ls_in_acl_sample, ls_in_acl_after_lb_sample,
// ls_out_acl_sample) show, to check predictions against what northd really emitted:
// per-ACL flows (`reg3 == N`, `ct_label.obs_point_id == N`), shared flows
// (`reg8[0..7] == C`, `ct_mark.obs_collector_id == C`), the collector_set values the
// sample actions print, and flows whose action is empty (they drop).
#include <cstdint>
#include <set>
#include <string_view>

#include "parser/lflow_dump.hpp"

namespace ovnsim {

// The sample stage of an ACL eval stage's family: "ls_in_acl_sample",
// "ls_in_acl_after_lb_sample", "ls_out_acl_sample".
bool is_acl_sample_stage(std::string_view stage);

struct DumpSampleFlows {
    std::size_t flows = 0;                       // in the sample stages, every datapath
    std::set<std::uint32_t> per_acl_new_points;  // N of `reg3 == N`
    std::set<std::uint32_t> per_acl_est_points;  // N of `ct_label.obs_point_id == N`
    std::set<std::uint32_t> shared_collector_ids;  // C of `reg8[0..7] == C` / `ct_mark.obs_collector_id == C`
    std::set<std::uint32_t> collector_sets;      // collector_set=S of the sample actions
    // Established-traffic flows (`ct.est || ct.rel`), and those testing
    // `flags.pkt_sampled == 0` (26.03+): without it an established packet is sampled once per
    // tier pass (§9).
    std::size_t established_flows = 0;
    std::size_t guarded_established_flows = 0;
    bool established_flows_unguarded() const { return established_flows > 0 && guarded_established_flows == 0; }
    std::size_t empty_action_flows = 0;
    const DumpFlow* first_empty_action = nullptr;
};

DumpSampleFlows scan_sample_flows(const LflowDump& dump);

}  // namespace ovnsim
