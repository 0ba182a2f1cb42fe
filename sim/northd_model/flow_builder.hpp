#pragma once
// Shared state of one run of the northd model over one switch: the switch's context, the
// release family's flow-text differences, NB_Global options, and the flow set it fills.
// Each build_* function mirrors the northd.c function of the same name.
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/nb_model.hpp"
#include "sim/northd_model/generated_flow.hpp"
#include "sim/northd_model/northd_config.hpp"
#include "sim/northd_model/switch_context.hpp"

namespace ovnsim {

// How the flow text of a release family differs (from the real 24.09.3, 25.03.3 and
// 26.03.2 dumps; 25.09 is taken as 25.03's text with 26.03's table layout).
struct FamilyTraits {
    bool pkt_sampled = false;        // 26.03: flags.pkt_sampled in sample and ct_clear flows
    bool allow_established = false;  // 25.03: persist-established flows and commit fields
    bool network_function = false;   // 26.03: reg8[21] = ct_label.nf, NF commits, no !ct.new/!ct.inv
    bool acl_ct_translation = false; // 26.03: NB_Global option acl_ct_translation exists
    static FamilyTraits of(OvnFamily family);
};

// NB_Global options northd reads for switch ACL flows.
struct NorthdGlobalOptions {
    bool default_acl_drop = false;
    bool use_ct_inv_match = true;
    bool acl_ct_translation = false;
    std::uint32_t debug_drop_collector_set = 0;
    std::uint32_t debug_drop_domain_id = 0;
    static NorthdGlobalOptions from(const NbModel& nb);
};

struct FlowBuilder {
    const NbModel& nb;
    const NorthdConfig& config;
    const FamilyTraits traits;
    const NorthdGlobalOptions options;
    const SwitchContext& sw;
    DatapathFlows& out;
    std::uint8_t sample_new_domain = 0;  // Sampling_App acl-new id, 0 when absent
    std::uint8_t sample_est_domain = 0;  // Sampling_App acl-est id

    void add(std::string_view stage, int priority, std::string match, std::string actions,
             FlowOrigin origin = FlowOrigin::fixed, const NbAcl* acl = nullptr);
    // The same flow in an ingress and an egress stage.
    void add_both(std::string_view in_stage, std::string_view out_stage, int priority, const std::string& match,
                  const std::string& actions) {
        add(in_stage, priority, match, actions);
        add(out_stage, priority, match, actions);
    }
    int table(std::string_view stage) const { return config.tables.table(stage); }
    // debug_implicit_drop_action(): `/* drop */`, or a drop sample when debug drop sampling is on.
    std::string implicit_drop_action() const;
};

// `"name"`: a port name as northd's json_key prints it (JSON string).
std::string json_quoted(std::string_view text);

// The stage and observation stage of an ACL's eval and sample flows.
std::string_view eval_stage_name(AclStage stage);
std::string_view sample_stage_name(AclStage stage);

void build_pre_acls(FlowBuilder& b);       // ls_*_pre_acl
void build_pre_lb(FlowBuilder& b);         // ls_*_pre_lb
void build_pre_stateful(FlowBuilder& b);   // ls_*_pre_stateful, with the LB VIP flows
void build_acl_hints(FlowBuilder& b);      // ls_*_acl_hint
void build_acls(FlowBuilder& b);           // ls_*_acl_eval, *_acl_sample, *_acl_action
void build_stateful(FlowBuilder& b);       // ls_*_stateful

// Per ACL (acl_eval_flows.cpp, acl_sample_flows.cpp).
void consider_acl(FlowBuilder& b, const NbAcl& acl);
void build_acl_log_related_flows(FlowBuilder& b, const NbAcl& acl);
void build_stateless_filters(FlowBuilder& b);
void build_acl_sample_flows(FlowBuilder& b, const NbAcl& acl);

}  // namespace ovnsim
