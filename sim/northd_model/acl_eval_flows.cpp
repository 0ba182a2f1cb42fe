// One ACL's flows in its eval stage. Mirrors northd.c consider_acl, build_acl_log,
// build_acl_sample_label_action and build_acl_log_related_flows.
#include "sim/northd_model/flow_builder.hpp"

namespace ovnsim {
namespace {

std::string_view log_verdict(AclAction action) {
    switch (action) {
        case AclAction::drop: return "verdict=drop, ";
        case AclAction::reject: return "verdict=reject, ";
        case AclAction::pass: return "verdict=pass, ";
        case AclAction::allow:
        case AclAction::allow_related:
        case AclAction::allow_stateless: return "verdict=allow, ";
        case AclAction::unknown: return "";
    }
    return "";
}

// build_acl_log(): `log(name="N", severity=S, verdict=V, meter="M"); ` when the ACL logs.
std::string log_action(const FlowBuilder& b, const NbAcl& acl) {
    if (!acl.log) return "";
    std::string out = "log(";
    if (acl.name) out += "name=\"" + *acl.name + "\", ";
    out += "severity=" + (acl.severity ? *acl.severity : std::string("info")) + ", ";
    out += log_verdict(acl.action);
    if (acl.meter) {
        // A fair meter is shared by name but rate-limits each ACL on its own copy.
        const bool fair = b.config.fair_meters.contains(*acl.meter);
        out += "meter=\"" + *acl.meter + (fair ? "__" + acl.uuid.to_string() : "") + "\", ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (!out.empty() && out.back() == ',') out.pop_back();
    return out + "); ";
}

std::string_view verdict_action(AclAction action) {
    switch (action) {
        case AclAction::drop: return "reg8[17] = 1; ";
        case AclAction::reject: return "reg8[18] = 1; ";
        case AclAction::pass: return "";
        default: return "reg8[16] = 1; ";
    }
}

std::uint32_t point_id(const NbSample* sample) {
    return sample ? static_cast<std::uint32_t>(sample->metadata) : 0;
}

std::uint8_t single_collector_id(const NbSample* sample) {
    if (sample == nullptr || sample->collectors.size() != 1) return 0;
    return static_cast<std::uint8_t>(sample->collectors.front()->id);
}

// build_acl_sample_label_action(): load the observation ids into registers for the
// sample and stateful stages.
std::string sample_registers(const NbAcl& acl, const NbSample* sample_new, const NbSample* sample_est,
                             AclStage stage) {
    if (acl.label == 0 && sample_new == nullptr && sample_est == nullptr) return "";
    std::uint32_t point_new = 0, point_est = 0;
    std::uint8_t collector_new = 0, collector_est = 0;
    if (acl.label != 0) {
        point_new = point_est = static_cast<std::uint32_t>(acl.label);
    } else {
        point_new = point_id(sample_new);
        point_est = point_id(sample_est);
        collector_new = single_collector_id(sample_new);
        collector_est = single_collector_id(sample_est);
    }
    return "reg0[13] = 1; reg3 = " + std::to_string(point_new) + "; reg9 = " + std::to_string(point_est) +
           "; reg8[0..7] = " + std::to_string(collector_new) + "; reg8[8..15] = " + std::to_string(collector_est) +
           "; reg8[19..20] = " + std::to_string(static_cast<int>(stage)) + "; ";
}

}  // namespace

void consider_acl(FlowBuilder& b, const NbAcl& acl) {
    const AclStage stage = acl_stage(acl);
    const std::string_view stage_name = eval_stage_name(stage);
    const int priority = static_cast<int>(acl.priority) + 1000;
    const std::string base = log_action(b, acl) + std::string(verdict_action(acl.action));
    const std::string tier =
        b.sw.max_tier[static_cast<int>(stage)] > 0 ? "reg8[30..31] == " + std::to_string(acl.tier) + " && " : "";
    const auto add = [&](std::string match, std::string actions) {
        b.add(stage_name, priority, std::move(match), std::move(actions), FlowOrigin::acl, &acl);
    };

    if (!b.sw.has_stateful() || acl.action == AclAction::pass || acl.action == AclAction::allow_stateless) {
        add(tier + "(" + acl.match + ")", base + sample_registers(acl, acl.sample_new, nullptr, stage) + "next;");
        return;
    }
    if (acl.action == AclAction::allow || acl.action == AclAction::allow_related) {
        // persist-established ACLs also load their SB ACL_ID (reg2[16..31] = ID; reg0[20] = 1;),
        // which the NB tables do not hold.
        const std::string registers = sample_registers(acl, acl.sample_new, acl.sample_est, stage);
        add(tier + "reg0[7] == 1 && (" + acl.match + ")", base + registers + "next;");
        const bool commit = acl.label != 0 || acl.sample_est != nullptr;
        add(tier + "reg0[8] == 1 && (" + acl.match + ")", base + (commit ? "reg0[1] = 1; " : "") + registers + "next;");
    } else if (acl.action == AclAction::drop || acl.action == AclAction::reject) {
        const std::string registers = sample_registers(acl, acl.sample_new, nullptr, stage);
        add(tier + "reg0[9] == 1 && (" + acl.match + ")", base + registers + "next;");
        add(tier + "reg0[10] == 1 && (" + acl.match + ")",
            base + registers + "ct_commit { ct_mark.blocked = 1; ct_label.obs_point_id = " +
                std::to_string(point_id(acl.sample_est)) + "; }; next;");
    }
}

void build_acl_log_related_flows(FlowBuilder& b, const NbAcl& acl) {
    if (acl.action != AclAction::allow && acl.action != AclAction::allow_related) return;
    if (!b.sw.has_stateful() || !acl.log || acl.label == 0 || !acl.log_related()) return;
    const std::string actions =
        log_action(b, acl) + (b.traits.network_function ? "reg8[21] = ct_label.nf; " : "") + "reg8[16] = 1; next;";
    // Reply and related traffic shows up in the opposite pipeline.
    const std::string_view stage = acl.direction == AclDirection::from_lport ? "ls_out_acl_eval" : "ls_in_acl_eval";
    const bool nf = b.traits.network_function;
    const std::string legacy = nf ? "" : b.options.use_ct_inv_match ? " && !ct.new && !ct.inv" : " && !ct.new";
    const std::string label = " && ct_label.label == " + std::to_string(acl.label);
    b.add(stage, 65533, "ct.est && !ct.rel" + legacy + " && ct.rpl && ct_mark.blocked == 0" + label, actions,
          FlowOrigin::acl, &acl);
    b.add(stage, 65533,
          "!ct.est && ct.rel && !ct.new" + std::string(nf ? "" : b.options.use_ct_inv_match ? " && !ct.inv" : "") +
              " && ct_mark.blocked == 0" + label,
          actions, FlowOrigin::acl, &acl);
}

}  // namespace ovnsim
