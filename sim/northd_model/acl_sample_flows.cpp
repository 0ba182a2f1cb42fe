// One ACL's flows in the sample stages. Mirrors northd.c build_acl_sample_flows and its
// helpers: per-ACL flows keyed by the observation point (priorities 1100 and 1200), or,
// when a Sample has exactly one collector and every chassis can sample from registers,
// generic flows shared by every ACL of the switch with that collector (900/1000).
#include "sim/northd_model/flow_builder.hpp"

namespace ovnsim {
namespace {

std::string_view reply_stage_name(AclStage stage) {
    return stage == AclStage::to_lport ? "ls_in_acl_sample" : "ls_out_acl_sample";
}

std::uint32_t acl_point_id(const NbAcl& acl, const NbSample* sample) {
    if (acl.label != 0) return static_cast<std::uint32_t>(acl.label);
    return sample ? static_cast<std::uint32_t>(sample->metadata) : 0;
}

std::string sample_call(const NbSampleCollector& collector, std::uint32_t domain, std::string_view point) {
    return "sample(probability=" + std::to_string(static_cast<std::uint16_t>(collector.probability)) +
           ",collector_set=" + std::to_string(static_cast<std::uint32_t>(collector.set_id)) +
           ",obs_domain=" + std::to_string(domain) + ",obs_point=" + std::string(point) + ");";
}

// build_acl_sample_action(): empty (a drop) without a Sampling_App id for the domain; a
// Sample without collectors gives " next;".
std::string per_acl_action(const FlowBuilder& b, const NbAcl& acl, const NbSample* sample, std::uint8_t domain) {
    if (sample == nullptr || domain == 0) return "";
    const std::uint32_t obs_domain = acl.label != 0 ? 0 : domain;
    const std::string point = std::to_string(acl_point_id(acl, sample));
    std::string out;
    if (b.traits.pkt_sampled && !sample->collectors.empty()) out += "flags.pkt_sampled = 1; ";
    for (const NbSampleCollector* collector : sample->collectors) out += sample_call(*collector, obs_domain, point);
    return out + " next;";
}

std::string generic_action(const FlowBuilder& b, const NbSampleCollector& collector, std::uint8_t domain,
                           std::string_view point) {
    return std::string(b.traits.pkt_sampled ? "flags.pkt_sampled = 1; " : "") + sample_call(collector, domain, point) +
           " next;";
}

std::string new_connection_match(bool stateful, AclStage stage) {
    if (!stateful) return "ip";
    return stage == AclStage::to_lport ? "ip && (ct.new || !ct.trk)" : "ip && ct.new";
}

std::string est_prefix(const FlowBuilder& b) {
    return std::string(b.traits.pkt_sampled ? "flags.pkt_sampled == 0 && " : "") + "ip && ct.trk && (ct.est || ct.rel) && ";
}

bool use_generic_flows(const FlowBuilder& b, const NbSample* sample) {
    return sample != nullptr && sample->collectors.size() == 1 && b.config.features.sample_with_registers;
}

void add_new_flows(FlowBuilder& b, const NbAcl& acl, AclStage stage, bool stateful) {
    const std::string_view stage_name = sample_stage_name(stage);
    if (use_generic_flows(b, acl.sample_new)) {
        const NbSampleCollector& collector = *acl.sample_new->collectors.front();
        b.add(stage_name, stateful ? 1000 : 900,
              new_connection_match(stateful, stage) + " && reg8[0..7] == " +
                  std::to_string(static_cast<std::uint8_t>(collector.id)) +
                  " && reg8[19..20] == " + std::to_string(static_cast<int>(stage)),
              generic_action(b, collector, b.sample_new_domain, "reg3"), FlowOrigin::shared_sample, &acl);
        return;
    }
    if (acl.sample_new == nullptr) return;
    b.add(stage_name, 1100,
          new_connection_match(stateful, stage) + " && reg3 == " + std::to_string(acl_point_id(acl, acl.sample_new)),
          per_acl_action(b, acl, acl.sample_new, b.sample_new_domain), FlowOrigin::acl_sample, &acl);
}

void add_est_flows(FlowBuilder& b, const NbAcl& acl, AclStage stage) {
    const std::string_view stage_name = sample_stage_name(stage);
    if (use_generic_flows(b, acl.sample_est)) {
        const NbSampleCollector& collector = *acl.sample_est->collectors.front();
        const std::string id = std::to_string(static_cast<std::uint8_t>(collector.id));
        const std::string action = generic_action(b, collector, b.sample_est_domain, "ct_label.obs_point_id");
        const std::string prefix = est_prefix(b) + "ct_label.obs_unused == 0 && ";
        b.add(stage_name, 1000,
              prefix + "!ct.rpl && ct_mark.obs_collector_id == " + id +
                  " && ct_mark.obs_stage == " + std::to_string(static_cast<int>(stage)),
              action, FlowOrigin::shared_sample, &acl);
        b.add(reply_stage_name(stage), 1000, prefix + "ct.rpl && ct_mark.obs_collector_id == " + id, action,
              FlowOrigin::shared_sample, &acl);
        return;
    }
    if (acl.sample_est == nullptr) return;
    const std::string label_match = "ct_label.obs_point_id == " + std::to_string(acl_point_id(acl, acl.sample_est)) +
                                    " && ct_label.obs_unused == 0";
    const std::string action = per_acl_action(b, acl, acl.sample_est, b.sample_est_domain);
    b.add(stage_name, 1200, est_prefix(b) + "!ct.rpl && " + label_match, action, FlowOrigin::acl_sample, &acl);
    b.add(reply_stage_name(stage), 1200, est_prefix(b) + "ct.rpl && " + label_match, action, FlowOrigin::acl_sample,
          &acl);
}

}  // namespace

void build_acl_sample_flows(FlowBuilder& b, const NbAcl& acl) {
    const bool sample_established =
        b.sw.has_stateful_acl && acl.sample_est != nullptr && acl.action == AclAction::allow_related;
    const bool stateful = b.sw.has_stateful_acl && acl.action != AclAction::allow_stateless;
    if (acl.sample_new == nullptr && !sample_established) return;
    const AclStage stage = acl_stage(acl);
    add_new_flows(b, acl, stage, stateful);
    if (stateful) add_est_flows(b, acl, stage);
}

}  // namespace ovnsim
