#pragma once
// Measured flow cost of a dump: logical flows per datapath, pipeline and stage; the sampling
// overhead; and each ACL-derived flow attributed to its NB ACL (sim/acl_flow_index), summed
// per ACL and per owner (OVN-Kubernetes external_ids k8s.ovn.org/owner-type and
// k8s.ovn.org/name).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/acl_flow_index.hpp"
#include "sim/logical_flows.hpp"
#include "sim/nb_model.hpp"
#include "sim/sb_model.hpp"

namespace ovnsim {

using StageCounts = std::map<std::string, std::uint64_t, std::less<>>;

struct DatapathCost {
    std::string name;  // LogicalDatapath::label() without quotes when named
    std::string uuid;
    StageCounts ingress;  // by stage name
    StageCounts egress;
    std::uint64_t total = 0;
};

struct SamplingOverhead {
    std::uint64_t sample_stage_flows = 0;   // every flow of ls_*_acl_sample and ls_in_acl_after_lb_sample
    std::uint64_t default_flows = 0;        // their priority-0 `1` flows (3 per switch)
    std::uint64_t beyond_defaults = 0;      // sample_stage_flows - default_flows: the cost of sampling
    std::uint64_t per_acl = 0;              // of those, flows of one ACL (observation point in the match)
    std::uint64_t shared = 0;               // of those, flows shared per collector and stage
    std::uint64_t with_sample_action = 0;   // flows in any stage whose actions call sample()
};

struct AclCost {
    const NbAcl* acl = nullptr;
    std::uint64_t flows = 0;           // every flow attributed to it (with its own sample flows)
    std::uint64_t sampling_flows = 0;  // of which its own sample flows
    std::uint64_t shared_sampling_flows_used = 0;  // shared sample flows it samples through
    std::uint64_t shared_with_other_acls = 0;      // flows whose text another ACL produces too
    StageCounts by_stage;
    std::map<std::string, std::uint64_t, std::less<>> by_method;  // "stage-hint" / "match" / "observation-point"
};

struct OwnerKey {
    std::string type;  // k8s.ovn.org/owner-type, "" when absent
    std::string name;  // k8s.ovn.org/name
    friend auto operator<=>(const OwnerKey&, const OwnerKey&) = default;
};
OwnerKey owner_of(const NbAcl& acl);

struct OwnerCost {
    OwnerKey owner;
    std::size_t acls = 0;
    std::uint64_t flows = 0;           // distinct flows of its ACLs
    std::uint64_t sampling_flows = 0;  // of which their own sample flows
};

struct MeasuredCost {
    std::uint64_t total = 0;
    StageCounts by_stage;                    // summed over datapaths
    std::vector<std::string> stage_order;    // stage names in dump order (pipeline, table)
    std::vector<DatapathCost> by_datapath;   // dump order
    SamplingOverhead sampling;
    std::vector<AclCost> by_acl;             // ACLs with at least one flow, most flows first
    std::vector<OwnerCost> by_owner;         // most flows first
    std::uint64_t acl_flows = 0;             // flows attributed to at least one ACL
    bool attributed = false;                 // the bundle had NB ACLs to attribute to
    bool used_stage_hints = false;           // SB Logical_Flow stage-hints were available
};

// `nb` and `sb` may be null (a lone dump: counts only).
MeasuredCost measure_cost(const LogicalFlows& flows, const NbModel* nb, const SbModel* sb);

}  // namespace ovnsim
