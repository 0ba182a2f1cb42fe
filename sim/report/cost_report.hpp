#pragma once
// Measured flow cost as text and JSON: counts per stage and datapath, the sampling
// overhead, per-ACL and per-owner totals.
#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "sim/cost.hpp"

namespace ovnsim {

struct CostTextOptions {
    std::size_t top_acls = 10;  // ACLs and owners listed
    bool per_datapath = false;  // every datapath's stage table
};

std::string format_cost(const MeasuredCost& cost, const CostTextOptions& options = {});

// {"measured": {"total", "by_stage", "by_pipeline", "by_datapath": {dp: {"uuid", "total",
//   "ingress": {stage: N}, "egress": {...}}}},
//  "sampling_flows": {"beyond_defaults", "sample_stage_flows", "default_flows", "per_acl",
//   "shared", "with_sample_action"},
//  "by_acl": [{"uuid", "name", "direction", "priority", "action", "tier", "apply_after_lb",
//   "match", "owner_type", "owner", "flows", "sampling_flows", "shared_sampling_flows_used",
//   "shared_with_other_acls", "by_stage", "by_method"}],
//  "by_owner": [{"owner_type", "owner", "acls", "flows", "sampling_flows"}],
//  "attribution": {"acl_flows", "stage_hints"}}
nlohmann::json cost_json(const MeasuredCost& cost);

// "network policy demo:allow-iperf", "ACLs without owner": for sentences.
std::string describe_owner(const OwnerKey& owner);
// `NP:demo:allow-iperf (from-lport 1001 allow-related)` or the match when unnamed.
std::string describe_acl(const NbAcl& acl);

}  // namespace ovnsim
