// The per-switch flows around ACLs: ls_*_acl_hint, the fixed ls_*_acl_eval flows,
// ls_*_acl_action and ls_*_stateful. Mirrors northd.c build_acl_hints, build_acls,
// build_acl_action_lflows, build_acl_sample_default_flows and build_stateful.
#include "sim/northd_model/flow_builder.hpp"

namespace ovnsim {
namespace {

constexpr std::string_view kIpv6CtOmitMatch = "nd || nd_ra || nd_rs || mldv1 || mldv2";

void add_hints(FlowBuilder& b, std::string_view stage) {
    b.add(stage, 7, "ct.new && !ct.est", "reg0[7] = 1; reg0[9] = 1; reg0[1] = 1; next;");
    b.add(stage, 6, "!ct.new && ct.est && !ct.rpl && ct_mark.blocked == 1",
          "reg0[7] = 1; reg0[9] = 1; reg0[1] = 1; next;");
    b.add(stage, 5, "!ct.trk", "reg0[8] = 1; reg0[9] = 1; next;");
    b.add(stage, 4, "!ct.new && ct.est && !ct.rpl && ct_mark.blocked == 0", "reg0[8] = 1; reg0[10] = 1; next;");
    b.add(stage, 3, "!ct.est", "reg0[9] = 1; next;");
    b.add(stage, 2, "ct.est && ct_mark.blocked == 1", "reg0[9] = 1; next;");
    b.add(stage, 1, "ct.est && ct_mark.blocked == 0", "reg0[10] = 1; next;");
}

// The priority-1 and 65532 conntrack flows of a switch with stateful ACLs or LB VIPs.
void add_stateful_eval_flows(FlowBuilder& b) {
    const bool nf = b.traits.network_function;
    const std::string nf_action = nf ? "reg8[21] = ct_label.nf; " : "";
    for (const char* stage : {"ls_in_acl_eval", "ls_out_acl_eval"}) {
        b.add(stage, 1, "ip && ct.est && ct_mark.blocked == 1", "reg8[16] = 1; next;");
        b.add(stage, 1, "ip && !ct.est", "next;");
        b.add(stage, 65532,
              b.options.use_ct_inv_match ? "ct.inv || (ct.est && ct.rpl && ct_mark.blocked == 1)"
                                         : "(ct.est && ct.rpl && ct_mark.blocked == 1)",
              "reg8[17] = 1; next;");
    }
    // Before 26.03 these two also excluded ct.new and (unless use_ct_inv_match=false) ct.inv.
    const std::string legacy = nf ? "" : b.options.use_ct_inv_match ? " && !ct.new && !ct.inv" : " && !ct.new";
    const std::string est_reply = "ct.est && !ct.rel" + legacy + " && ct.rpl && ct_mark.blocked == 0";
    b.add("ls_in_acl_eval", 65532, est_reply, "reg0[9] = 0; reg0[10] = 0; reg0[17] = 1; " + nf_action + "reg8[16] = 1; next;");
    b.add("ls_out_acl_eval", 65532, est_reply, nf_action + "reg8[16] = 1; next;");
    const std::string related = "!ct.est && ct.rel && !ct.new" + std::string(nf ? "" : b.options.use_ct_inv_match ? " && !ct.inv" : "") +
                                " && ct_mark.blocked == 0";
    b.add("ls_in_acl_eval", 65532, related, "reg0[17] = 1; " + nf_action + "reg8[16] = 1; ct_commit_nat;");
    b.add("ls_out_acl_eval", 65532, related, nf_action + "reg8[16] = 1; ct_commit_nat;");
    b.add("ls_in_acl_after_lb_eval", 65532, "reg0[17] == 1", "reg8[16] = 1; next;");

    if (b.traits.allow_established) {
        const std::string match = "ct.est && ct_mark.allow_established == 1";
        b.add("ls_in_acl_eval", 65532, match, "reg0[21] = 1; " + nf_action + "reg8[16] = 1; next;");
        b.add("ls_out_acl_eval", 65532, match, nf_action + "reg8[16] = 1; next;");
        b.add("ls_in_acl_after_lb_eval", 65532, "reg0[21] == 1", "reg8[16] = 1; next;");
    }
}

void build_acl_action_lflows(FlowBuilder& b) {
    struct Stage {
        const char* action;
        const char* eval;
        AclStage acl_stage;
        bool ingress;
    };
    const Stage stages[] = {
        {"ls_in_acl_action", "ls_in_acl_eval", AclStage::from_lport, true},
        {"ls_in_acl_after_lb_action", "ls_in_acl_after_lb_eval", AclStage::from_lport_after_lb, true},
        {"ls_out_acl_action", "ls_out_acl_eval", AclStage::to_lport, false},
    };
    for (const Stage& stage : stages) {
        if (!b.sw.has_acls) {
            b.add(stage.action, 0, "1", "next;");
            continue;
        }
        const int max_tier = b.sw.max_tier[static_cast<int>(stage.acl_stage)];
        std::string reset = "reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; ";
        if (max_tier > 0) reset += "reg8[30..31] = 0; ";
        b.add(stage.action, 1000, "reg8[16] == 1", reset + "next;");
        b.add(stage.action, 1000, "reg8[17] == 1", reset + b.implicit_drop_action());
        const std::string reject_target =
            stage.ingress ? "next(pipeline=egress,table=" + std::to_string(b.table("ls_out_qos")) + ");"
                          : "next(pipeline=ingress,table=" + std::to_string(b.table("ls_in_l2_lkup")) + ");";
        b.add(stage.action, 1000, "reg8[18] == 1",
              reset + "reg0 = 0; reject { /* eth.dst <-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inport; " +
                  reject_target + " };");
        b.add(stage.action, 0, "1", reset + (b.options.default_acl_drop ? b.implicit_drop_action() : "next;"));
        for (int tier = 0; tier < max_tier; ++tier) {
            b.add(stage.action, 500, "reg8[30..31] == " + std::to_string(tier),
                  "reg8[30..31] = " + std::to_string(tier + 1) + "; next(pipeline=" +
                      (stage.ingress ? "ingress" : "egress") + ",table=" + std::to_string(b.table(stage.eval)) + ");");
        }
    }
}

}  // namespace

void build_acl_hints(FlowBuilder& b) {
    for (const char* stage : {"ls_in_acl_hint", "ls_out_acl_hint"}) {
        if (!b.sw.has_acls && !b.sw.has_lb_vip) {
            b.add(stage, 65535, "1", "next;");
        } else {
            b.add(stage, 0, "1", "next;");
        }
        if (b.sw.has_stateful()) add_hints(b, stage);
    }
}

void build_acls(FlowBuilder& b) {
    const bool no_rules = !b.sw.has_acls && !b.sw.has_lb_vip;
    b.add("ls_in_acl_eval", no_rules ? 65535 : 0, "1", "next;");
    b.add("ls_out_acl_eval", no_rules ? 65535 : 0, "1", "next;");
    b.add("ls_in_acl_after_lb_eval", 0, "1", "next;");

    if (b.sw.has_stateful()) add_stateful_eval_flows(b);

    for (const char* stage : {"ls_in_acl_eval", "ls_out_acl_eval", "ls_in_acl_after_lb_eval"}) {
        b.add(stage, 65532, std::string(kIpv6CtOmitMatch), "reg8[16] = 1; next;");
    }

    // build_acl_sample_default_flows()
    b.add_both("ls_in_acl_sample", "ls_out_acl_sample", 0, "1", "next;");
    b.add("ls_in_acl_after_lb_sample", 0, "1", "next;");

    for (const NbAcl* acl : b.sw.acls) {
        build_acl_log_related_flows(b, *acl);
        consider_acl(b, *acl);
        build_acl_sample_flows(b, *acl);
    }

    if (b.sw.has_acls || b.sw.has_lb_vip) {
        b.add("ls_in_acl_eval", 34000, "eth.dst == $svc_monitor_mac", "reg8[16] = 1; next;");
        b.add("ls_out_acl_eval", 34000, "eth.src == $svc_monitor_mac", "reg8[16] = 1; next;");
    }
    build_acl_action_lflows(b);
}

void build_stateful(FlowBuilder& b) {
    for (const char* stage : {"ls_in_stateful", "ls_out_stateful"}) {
        b.add(stage, 0, "1", "next;");
        std::string label_commit, plain_commit;
        if (!b.traits.allow_established) {
            label_commit = "ct_commit { ct_mark.blocked = 0; ct_mark.obs_stage = reg8[19..20]; "
                           "ct_mark.obs_collector_id = reg8[8..15]; ct_label.obs_point_id = reg9; }; next;";
            plain_commit = "ct_commit { ct_mark.blocked = 0; }; next;";
        } else {
            const std::string nf = b.traits.network_function ? " ct_label.nf = 0; ct_label.nf_id = 0;" : "";
            label_commit = "ct_commit { ct_mark.blocked = 0; ct_mark.allow_established = reg0[20]; "
                           "ct_mark.obs_stage = reg8[19..20]; ct_mark.obs_collector_id = reg8[8..15]; "
                           "ct_label.obs_point_id = reg9; ct_label.acl_id = reg2[16..31];" + nf + " }; next;";
            plain_commit = "ct_commit { ct_mark.blocked = 0; ct_mark.allow_established = reg0[20]; "
                           "ct_label.acl_id = reg2[16..31];" + nf + " }; next;";
        }
        b.add(stage, 100, "reg0[1] == 1 && reg0[13] == 1", label_commit);
        b.add(stage, 100, "reg0[1] == 1 && reg0[13] == 0", plain_commit);
        if (b.traits.network_function) {
            b.add(stage, 110, "reg0[1] == 1 && reg0[13] == 0 && reg8[21] == 1",
                  "ct_commit { ct_mark.blocked = 0; ct_mark.allow_established = reg0[20]; ct_label.acl_id = reg2[16..31]; "
                  "ct_label.nf = 1; ct_label.nf_id = reg0[22..29]; }; next;");
            b.add(stage, 110, "reg0[1] == 1 && reg0[13] == 1 && reg8[21] == 1",
                  "ct_commit { ct_mark.blocked = 0; ct_mark.allow_established = reg0[20]; ct_mark.obs_stage = reg8[19..20]; "
                  "ct_mark.obs_collector_id = reg8[8..15]; ct_label.obs_point_id = reg9; ct_label.acl_id = reg2[16..31]; "
                  "ct_label.nf = 1; ct_label.nf_id = reg0[22..29]; }; next;");
        }
    }
}

}  // namespace ovnsim
