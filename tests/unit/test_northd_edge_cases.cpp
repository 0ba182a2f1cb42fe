// The northd model on small hand-built NB tables, for cases the corpora do not cover. The
// expected flows are read off northd.c (v26.03 unless a family is named): build_acl_sample_*,
// consider_acl, build_acl_log_related_flows, build_acl_action_lflows, build_pre_acls,
// build_pre_lb, build_lb_rules_pre_stateful and debug.c; ovn-reference.md §9 confirms the
// no-collector, missing Sampling_App and log-related ones against a real northd.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "sim/nb_model.hpp"
#include "sim/northd_model/northd_model.hpp"

namespace ovnsim {
namespace {

// Builds NB rows by name and resolves them.
class NbBuilder {
public:
    NbBuilder() {
        nb_.loaded_tables = {"ACL", "Sample", "Sample_Collector", "Sampling_App", "Logical_Switch",
                             "Logical_Switch_Port", "Logical_Router_Port", "Load_Balancer", "Port_Group", "NB_Global"};
        nb_.logical_switches.push_back(NbLogicalSwitch{});
        nb_.logical_switches.back().uuid = next_uuid();
        nb_.logical_switches.back().name = "sw";
    }

    Uuid collector(std::int64_t id, std::int64_t set_id) {
        NbSampleCollector c;
        c.uuid = next_uuid();
        c.id = id;
        c.set_id = set_id;
        c.probability = 65535;
        nb_.sample_collectors.push_back(c);
        return c.uuid;
    }
    Uuid sample(std::int64_t metadata, std::vector<Uuid> collectors) {
        NbSample s;
        s.uuid = next_uuid();
        s.metadata = metadata;
        s.collector_uuids = std::move(collectors);
        nb_.samples.push_back(s);
        return s.uuid;
    }
    void app(const std::string& type, std::int64_t id) { nb_.sampling_apps.push_back({next_uuid(), {}, type, id, {}}); }
    NbAcl& acl(AclDirection direction, int priority, std::string match, AclAction action, std::string action_name) {
        NbAcl acl;
        acl.uuid = next_uuid();
        acl.direction = direction;
        acl.priority = priority;
        acl.match = std::move(match);
        acl.action = action;
        acl.action_name = std::move(action_name);
        nb_.logical_switches.front().acl_uuids.push_back(acl.uuid);
        nb_.acls.push_back(std::move(acl));
        return nb_.acls.back();
    }
    NbLogicalSwitchPort& port(std::string name, std::string type) {
        NbLogicalSwitchPort port;
        port.uuid = next_uuid();
        port.name = std::move(name);
        port.type = std::move(type);
        nb_.logical_switches.front().port_uuids.push_back(port.uuid);
        nb_.logical_switch_ports.push_back(std::move(port));
        return nb_.logical_switch_ports.back();
    }
    void router_port(const std::string& lsp, const std::string& lrp) {
        port(lsp, "router").options["router-port"] = lrp;
        NbLogicalRouterPort router_port;
        router_port.uuid = next_uuid();
        router_port.name = lrp;
        nb_.logical_router_ports.push_back(router_port);
    }
    void load_balancer(OvsdbStringMap vips, std::string protocol) {
        NbLoadBalancer lb;
        lb.uuid = next_uuid();
        lb.vips = std::move(vips);
        lb.protocol = std::move(protocol);
        nb_.logical_switches.front().load_balancer_uuids.push_back(lb.uuid);
        nb_.load_balancers.push_back(std::move(lb));
    }
    void global_option(const std::string& key, const std::string& value) {
        if (!nb_.global) nb_.global = NbGlobal{};
        nb_.global->options[key] = value;
    }

    PredictedFlows predict(OvnFamily family = OvnFamily::v26_03, bool registers = true) {
        nb_.resolve();
        NorthdConfig config;
        config.family = family;
        config.features.sample_with_registers = registers;
        config.tables = StageTables::for_family(family);
        return predict_acl_flows(nb_, config);
    }

private:
    Uuid next_uuid() {
        ++counter_;
        return Uuid{0x1234567800000000ULL + (counter_ << 16), 0x9e3779b97f4a7c15ULL * counter_};
    }
    NbModel nb_;
    std::uint64_t counter_ = 0;
};

// "priority | match | actions" of every flow of `stage`.
std::set<std::string> flows(const PredictedFlows& predicted, std::string_view stage) {
    std::set<std::string> out;
    for (const GeneratedFlow& flow : predicted.datapaths.at(0).flows()) {
        if (flow.stage == stage) out.insert(std::to_string(flow.priority) + " | " + flow.match + " | " + flow.actions);
    }
    return out;
}

constexpr std::string_view kEstOrig =
    "flags.pkt_sampled == 0 && ip && ct.trk && (ct.est || ct.rel) && !ct.rpl && ct_label.obs_point_id == 7 && "
    "ct_label.obs_unused == 0";
constexpr std::string_view kEstReply =
    "flags.pkt_sampled == 0 && ip && ct.trk && (ct.est || ct.rel) && ct.rpl && ct_label.obs_point_id == 7 && "
    "ct_label.obs_unused == 0";

TEST_CASE("northd edge case: a Sample without collectors gives per-ACL flows that only forward") {
    NbBuilder nb;
    nb.app("acl-new", 1);
    nb.app("acl-est", 2);
    const Uuid sample = nb.sample(7, {});
    NbAcl& acl = nb.acl(AclDirection::from_lport, 100, "ip4", AclAction::allow_related, "allow-related");
    acl.sample_new_uuid = acl.sample_est_uuid = sample;
    const auto predicted = nb.predict();
    CHECK(flows(predicted, "ls_in_acl_sample") == std::set<std::string>{
              "0 | 1 | next;", "1100 | ip && ct.new && reg3 == 7 |  next;", "1200 | " + std::string(kEstOrig) + " |  next;"});
    CHECK(flows(predicted, "ls_out_acl_sample") ==
          std::set<std::string>{"0 | 1 | next;", "1200 | " + std::string(kEstReply) + " |  next;"});
    CHECK(flows(predicted, "ls_in_acl_eval").contains(
        "1100 | reg0[7] == 1 && (ip4) | reg8[16] = 1; reg0[13] = 1; reg3 = 7; reg9 = 7; reg8[0..7] = 0; "
        "reg8[8..15] = 0; reg8[19..20] = 0; next;"));
}

TEST_CASE("northd edge case: without Sampling_App rows per-ACL flows drop, shared flows sample with domain 0") {
    NbBuilder nb;
    const Uuid c1 = nb.collector(1, 5), c2 = nb.collector(2, 6);
    NbAcl& two = nb.acl(AclDirection::from_lport, 100, "ip4", AclAction::allow_related, "allow-related");
    two.sample_new_uuid = two.sample_est_uuid = nb.sample(7, {c1, c2});
    NbAcl& one = nb.acl(AclDirection::to_lport, 100, "ip6", AclAction::drop, "drop");
    one.sample_new_uuid = nb.sample(8, {c1});
    const auto predicted = nb.predict();
    const auto in = flows(predicted, "ls_in_acl_sample");
    CHECK(in.contains("1100 | ip && ct.new && reg3 == 7 | "));
    CHECK(in.contains("1200 | " + std::string(kEstOrig) + " | "));
    CHECK(flows(predicted, "ls_out_acl_sample")
              .contains("1000 | ip && (ct.new || !ct.trk) && reg8[0..7] == 1 && reg8[19..20] == 2 | "
                        "flags.pkt_sampled = 1; sample(probability=65535,collector_set=5,obs_domain=0,obs_point=reg3); "
                        "next;"));
}

TEST_CASE("northd edge case: a label replaces the observation point and zeroes the collector registers") {
    for (const bool registers : {true, false}) {
        CAPTURE(registers);
        NbBuilder nb;
        nb.app("acl-new", 1);
        NbAcl& acl = nb.acl(AclDirection::from_lport, 100, "tcp", AclAction::allow_related, "allow-related");
        acl.label = 42;
        acl.sample_new_uuid = nb.sample(7, {nb.collector(1, 5)});
        const auto predicted = nb.predict(OvnFamily::v26_03, registers);
        CHECK(flows(predicted, "ls_in_acl_eval")
                  .contains("1100 | reg0[8] == 1 && (tcp) | reg8[16] = 1; reg0[1] = 1; reg0[13] = 1; reg3 = 42; "
                            "reg9 = 42; reg8[0..7] = 0; reg8[8..15] = 0; reg8[19..20] = 0; next;"));
        // Shared flows match the collector register, which a labelled ACL leaves 0: they never
        // fire for it. Per-ACL flows sample the label with domain 0.
        const std::string sampled = registers
                                        ? "1000 | ip && ct.new && reg8[0..7] == 1 && reg8[19..20] == 0 | flags.pkt_sampled "
                                          "= 1; sample(probability=65535,collector_set=5,obs_domain=1,obs_point=reg3); next;"
                                        : "1100 | ip && ct.new && reg3 == 42 | flags.pkt_sampled = 1; "
                                          "sample(probability=65535,collector_set=5,obs_domain=0,obs_point=42); next;";
        CHECK(flows(predicted, "ls_in_acl_sample").contains(sampled));
    }
}

TEST_CASE("northd edge case: tiers prefix the eval match and loop back from the action stage") {
    NbBuilder nb;
    NbAcl& pass = nb.acl(AclDirection::from_lport, 50, "ip4.src == 10.0.0.1", AclAction::pass, "pass");
    pass.tier = 1;
    nb.acl(AclDirection::from_lport, 1001, "tcp", AclAction::allow_related, "allow-related").tier = 2;
    const auto predicted = nb.predict();
    const auto eval = flows(predicted, "ls_in_acl_eval");
    CHECK(eval.contains("1050 | reg8[30..31] == 1 && (ip4.src == 10.0.0.1) | next;"));
    CHECK(eval.contains("2001 | reg8[30..31] == 2 && reg0[7] == 1 && (tcp) | reg8[16] = 1; next;"));
    CHECK(eval.contains("2001 | reg8[30..31] == 2 && reg0[8] == 1 && (tcp) | reg8[16] = 1; next;"));
    CHECK(flows(predicted, "ls_in_acl_action") ==
          std::set<std::string>{
              "1000 | reg8[16] == 1 | reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; reg8[30..31] = 0; next;",
              "1000 | reg8[17] == 1 | reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; reg8[30..31] = 0; /* drop */",
              "1000 | reg8[18] == 1 | reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; reg8[30..31] = 0; reg0 = 0; reject { /* "
              "eth.dst <-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inport; next(pipeline=egress,table=10); };",
              "0 | 1 | reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; reg8[30..31] = 0; next;",
              "500 | reg8[30..31] == 0 | reg8[30..31] = 1; next(pipeline=ingress,table=9);",
              "500 | reg8[30..31] == 1 | reg8[30..31] = 2; next(pipeline=ingress,table=9);"});
    // Untiered stages keep the plain reset.
    CHECK(flows(predicted, "ls_out_acl_action").contains("1000 | reg8[16] == 1 | reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; next;"));
}

TEST_CASE("northd edge case: apply-after-lb ACLs sample in the after-lb stage, replies in egress") {
    NbBuilder nb;
    nb.app("acl-new", 2);
    nb.app("acl-est", 3);
    NbAcl& acl = nb.acl(AclDirection::from_lport, 1001, "tcp", AclAction::allow_related, "allow-related");
    acl.options["apply-after-lb"] = "true";
    acl.sample_new_uuid = acl.sample_est_uuid = nb.sample(7, {nb.collector(4, 42)});
    const auto predicted = nb.predict(OvnFamily::v25_03);
    const std::string est = "sample(probability=65535,collector_set=42,obs_domain=3,obs_point=ct_label.obs_point_id); next;";
    CHECK(flows(predicted, "ls_in_acl_after_lb_sample") ==
          std::set<std::string>{"0 | 1 | next;",
                                "1000 | ip && ct.new && reg8[0..7] == 4 && reg8[19..20] == 1 | "
                                "sample(probability=65535,collector_set=42,obs_domain=2,obs_point=reg3); next;",
                                "1000 | ip && ct.trk && (ct.est || ct.rel) && ct_label.obs_unused == 0 && !ct.rpl && "
                                "ct_mark.obs_collector_id == 4 && ct_mark.obs_stage == 1 | " + est});
    CHECK(flows(predicted, "ls_out_acl_sample")
              .contains("1000 | ip && ct.trk && (ct.est || ct.rel) && ct_label.obs_unused == 0 && ct.rpl && "
                        "ct_mark.obs_collector_id == 4 | " + est));
    CHECK(flows(predicted, "ls_in_acl_after_lb_eval")
              .contains("2001 | reg0[7] == 1 && (tcp) | reg8[16] = 1; reg0[13] = 1; reg3 = 7; reg9 = 7; reg8[0..7] = 4; "
                        "reg8[8..15] = 4; reg8[19..20] = 1; next;"));
}

TEST_CASE("northd edge case: allow-stateless bypasses conntrack and samples new packets only") {
    NbBuilder nb;
    nb.app("acl-new", 1);
    nb.app("acl-est", 2);
    NbAcl& stateless = nb.acl(AclDirection::to_lport, 300, "udp", AclAction::allow_stateless, "allow-stateless");
    stateless.sample_new_uuid = stateless.sample_est_uuid = nb.sample(7, {nb.collector(1, 5)});
    nb.acl(AclDirection::from_lport, 100, "tcp", AclAction::allow_related, "allow-related");
    const auto predicted = nb.predict(OvnFamily::v26_03, false);
    CHECK(flows(predicted, "ls_out_pre_acl").contains("1300 | udp | reg0[16] = 1; next;"));
    CHECK(flows(predicted, "ls_out_acl_eval")
              .contains("1300 | (udp) | reg8[16] = 1; reg0[13] = 1; reg3 = 7; reg9 = 0; reg8[0..7] = 1; "
                        "reg8[8..15] = 0; reg8[19..20] = 2; next;"));
    CHECK(flows(predicted, "ls_out_acl_sample") ==
          std::set<std::string>{"0 | 1 | next;", "1100 | ip && reg3 == 7 | flags.pkt_sampled = 1; "
                                                 "sample(probability=65535,collector_set=5,obs_domain=1,obs_point=7); next;"});
    CHECK(flows(predicted, "ls_in_acl_sample") == std::set<std::string>{"0 | 1 | next;"});
}

TEST_CASE("northd edge case: log-related ACLs log reply and related traffic in the opposite stage") {
    NbBuilder nb;
    NbAcl& acl = nb.acl(AclDirection::from_lport, 100, "tcp", AclAction::allow_related, "allow-related");
    acl.log = true;
    acl.name = "web";
    acl.severity = "alert";
    acl.label = 9;
    acl.options["log-related"] = "true";
    const auto predicted = nb.predict();
    const std::string log = "log(name=\"web\", severity=alert, verdict=allow); ";
    const auto out = flows(predicted, "ls_out_acl_eval");
    CHECK(out.contains("65533 | ct.est && !ct.rel && ct.rpl && ct_mark.blocked == 0 && ct_label.label == 9 | " + log +
                       "reg8[21] = ct_label.nf; reg8[16] = 1; next;"));
    CHECK(out.contains("65533 | !ct.est && ct.rel && !ct.new && ct_mark.blocked == 0 && ct_label.label == 9 | " + log +
                       "reg8[21] = ct_label.nf; reg8[16] = 1; next;"));
    CHECK(flows(predicted, "ls_in_acl_eval")
              .contains("1100 | reg0[8] == 1 && (tcp) | " + log + "reg8[16] = 1; reg0[1] = 1; reg0[13] = 1; reg3 = 9; "
                        "reg9 = 9; reg8[0..7] = 0; reg8[8..15] = 0; reg8[19..20] = 0; next;"));

    NbBuilder without;
    NbAcl& plain = without.acl(AclDirection::from_lport, 100, "tcp", AclAction::allow_related, "allow-related");
    plain.log = true;
    plain.label = 9;
    CHECK(flows(without.predict(), "ls_out_acl_eval").size() + 2 == out.size());
}

TEST_CASE("northd edge case: a switch without allow-related ACL or load balancer is stateless") {
    NbBuilder nb;
    nb.app("acl-new", 1);
    NbAcl& drop = nb.acl(AclDirection::from_lport, 10, "ip4", AclAction::drop, "drop");
    drop.sample_new_uuid = drop.sample_est_uuid = nb.sample(7, {nb.collector(1, 5), nb.collector(2, 6)});
    const auto predicted = nb.predict(OvnFamily::v24_09);
    CHECK(flows(predicted, "ls_in_acl_hint") == std::set<std::string>{"0 | 1 | next;"});
    CHECK(flows(predicted, "ls_in_pre_acl") ==
          std::set<std::string>{"0 | 1 | next;", "110 | eth.dst == $svc_monitor_mac | next;"});
    CHECK(flows(predicted, "ls_in_acl_eval") ==
          std::set<std::string>{"0 | 1 | next;", "65532 | nd || nd_ra || nd_rs || mldv1 || mldv2 | reg8[16] = 1; next;",
                                "34000 | eth.dst == $svc_monitor_mac | reg8[16] = 1; next;",
                                "1010 | (ip4) | reg8[17] = 1; reg0[13] = 1; reg3 = 7; reg9 = 0; reg8[0..7] = 0; "
                                "reg8[8..15] = 0; reg8[19..20] = 0; next;"});
    CHECK(flows(predicted, "ls_in_acl_sample") ==
          std::set<std::string>{"0 | 1 | next;", "1100 | ip && reg3 == 7 | sample(probability=65535,collector_set=5,"
                                                 "obs_domain=1,obs_point=7);sample(probability=65535,collector_set=6,"
                                                 "obs_domain=1,obs_point=7); next;"});
}

TEST_CASE("northd edge case: a switch without ACLs or load balancers lets everything through at 65535") {
    NbBuilder nb;
    const auto predicted = nb.predict();
    CHECK(flows(predicted, "ls_in_acl_hint") == std::set<std::string>{"65535 | 1 | next;"});
    CHECK(flows(predicted, "ls_out_acl_eval") ==
          std::set<std::string>{"65535 | 1 | next;", "65532 | nd || nd_ra || nd_rs || mldv1 || mldv2 | reg8[16] = 1; next;"});
    CHECK(flows(predicted, "ls_in_acl_action") == std::set<std::string>{"0 | 1 | next;"});
    CHECK(predicted.sampling_flows() == 0);
}

TEST_CASE("northd edge case: load balancer VIPs make the switch stateful and remember the VIP") {
    NbBuilder nb;
    nb.load_balancer({{"10.0.0.10:80", "10.0.1.1:8080"}, {"[fd00:0::10]:8080", "[fd00::1]:80"}, {"10.0.0.11", "10.0.1.2"}},
                     "udp");
    const auto predicted = nb.predict();
    CHECK(flows(predicted, "ls_in_pre_stateful") ==
          std::set<std::string>{"0 | 1 | next;", "115 | reg0[2] == 1 && ip.is_frag | reg0[19] = 1; ct_lb_mark;",
                                "110 | reg0[2] == 1 | ct_lb_mark;", "100 | reg0[0] == 1 | ct_next;",
                                "120 | reg0[2] == 1 && ip4.dst == 10.0.0.10 && udp.dst == 80 | reg4 = 10.0.0.10; "
                                "reg2[0..15] = 80; ct_lb_mark;",
                                "120 | reg0[2] == 1 && ip6.dst == fd00::10 && udp.dst == 8080 | xxreg1 = fd00::10; "
                                "reg2[0..15] = 8080; ct_lb_mark;",
                                "120 | reg0[2] == 1 && ip4.dst == 10.0.0.11 | reg4 = 10.0.0.11; ct_lb_mark;"});
    CHECK(flows(predicted, "ls_out_pre_lb").contains("100 | ip | reg0[2] = 1; next;"));
    CHECK(flows(predicted, "ls_in_acl_hint").size() == 8);
    CHECK(flows(predicted, "ls_in_acl_eval").contains("0 | 1 | next;"));
}

TEST_CASE("northd edge case: debug drop sampling and default_acl_drop change the action stage") {
    NbBuilder nb;
    nb.acl(AclDirection::from_lport, 10, "ip4", AclAction::drop, "drop");
    nb.global_option("debug_drop_collector_set", "7");
    nb.global_option("debug_drop_domain_id", "3");
    nb.global_option("default_acl_drop", "true");
    const std::string reset = "reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; ";
    const std::string drop = "sample(probability=65535,collector_set=7,obs_domain=3,obs_point=$cookie); /* drop */";
    auto action = flows(nb.predict(), "ls_in_acl_action");
    CHECK(action.contains("1000 | reg8[17] == 1 | " + reset + drop));
    CHECK(action.contains("0 | 1 | " + reset + drop));
    nb.app("drop", 1);  // overrides debug_drop_domain_id
    action = flows(nb.predict(), "ls_in_acl_action");
    CHECK(action.contains("1000 | reg8[17] == 1 | " + reset +
                          "sample(probability=65535,collector_set=7,obs_domain=1,obs_point=$cookie); /* drop */"));
}

TEST_CASE("northd edge case: router and localnet ports skip conntrack") {
    for (const OvnFamily family : {OvnFamily::v24_09, OvnFamily::v26_03}) {
        const std::string clear = family == OvnFamily::v26_03 ? "flags.pkt_sampled = 0; ct_clear; next;" : "ct_clear; next;";
        NbBuilder stateless;
        stateless.router_port("rp", "lrp");
        stateless.port("ln", "localnet");
        const auto no_acl = stateless.predict(family);
        CHECK(flows(no_acl, "ls_out_pre_lb").contains("110 | ip && outport == \"rp\" | " + clear));
        CHECK(flows(no_acl, "ls_out_pre_lb").contains("110 | ip && outport == \"ln\" | " + clear));
        CHECK_FALSE(flows(no_acl, "ls_in_pre_acl").contains("110 | ip && inport == \"rp\" | next;"));

        NbBuilder stateful;
        stateful.router_port("rp", "lrp");
        stateful.port("ln", "localnet");
        stateful.acl(AclDirection::from_lport, 1, "ip", AclAction::allow_related, "allow-related");
        const auto with_acl = stateful.predict(family);
        CHECK(flows(with_acl, "ls_in_pre_acl").contains("110 | ip && inport == \"rp\" | next;"));
        CHECK(flows(with_acl, "ls_out_pre_acl").contains("110 | ip && outport == \"rp\" | next;"));
        CHECK(flows(with_acl, "ls_out_pre_acl").contains("110 | ip && outport == \"ln\" | " + clear));
        CHECK(flows(with_acl, "ls_out_pre_lb").contains("110 | ip && outport == \"rp\" | next;"));
    }
}

}  // namespace
}  // namespace ovnsim
