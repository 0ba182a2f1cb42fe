#pragma once
// A model of the flows ovn-northd emits around ACLs, a pure function of the NB tables, the
// OVN release family and the chassis features: per logical switch, the flows of the stages
// in modeled_stages(). The flows are real text (stage, priority, match, actions) so that they
// can be compared with a dump as multisets; counts follow.
//
// Not modeled (documented, rare in ACL-heavy deployments): persist-established ACL ids
// (SB ACL_ID), network-function groups, DNS records (34000 flow in ls_out_acl_eval),
// EVPN VTEPs, interconnect IGMP snooping and stateless-NAT load balancers.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sim/nb_model.hpp"
#include "sim/northd_model/generated_flow.hpp"
#include "sim/northd_model/northd_config.hpp"

namespace ovnsim {

// The logical switch stages the model predicts completely.
std::span<const std::string_view> modeled_stages();
bool is_modeled_stage(std::string_view stage);
// ls_in_acl_sample, ls_in_acl_after_lb_sample, ls_out_acl_sample.
bool is_sample_stage(std::string_view stage);
// The flows each switch has in the sample stages whatever its ACLs (one per stage).
inline constexpr int kDefaultSampleFlowsPerSwitch = 3;

struct PredictOptions {
    bool keep_text = true;  // false: count only (large what-if sweeps)
};

struct PredictedFlows {
    OvnFamily family = kNewestOvnFamily;
    NorthdFeatures features;
    std::vector<DatapathFlows> datapaths;  // one per NB Logical_Switch, named after it
    std::vector<std::string> warnings;     // NB references the model had to ignore

    const DatapathFlows* datapath(std::string_view name) const;
    std::uint64_t total() const;
    std::uint64_t count(std::string_view stage) const;  // summed over datapaths
    // Flows in the sample stages beyond the per-switch defaults.
    std::uint64_t sampling_flows() const;
};

PredictedFlows predict_acl_flows(const NbModel& nb, const NorthdConfig& config, const PredictOptions& options = {});

}  // namespace ovnsim
