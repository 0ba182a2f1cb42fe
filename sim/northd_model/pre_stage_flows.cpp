// ls_*_pre_acl, ls_*_pre_lb and ls_*_pre_stateful: which packets go to conntrack.
// Mirrors northd.c build_pre_acls, build_ls_stateful_rec_pre_acls, build_pre_lb,
// build_ls_stateful_rec_pre_lb, skip_port_from_conntrack, build_pre_stateful and
// build_lb_rules_pre_stateful.
#include "sim/northd_model/flow_builder.hpp"

namespace ovnsim {
namespace {

constexpr std::string_view kNdMatch = "nd || nd_rs || nd_ra || mldv1 || mldv2";

// skip_port_from_conntrack(): a port whose traffic must not see ct().
void skip_port_from_conntrack(FlowBuilder& b, const NbLogicalSwitchPort& port, bool has_stateful_acl,
                              std::string_view in_stage, std::string_view out_stage) {
    const bool clear_ct = !has_stateful_acl || port.type == "localnet";
    std::string egress = "next;";
    if (clear_ct) egress = b.traits.pkt_sampled ? "flags.pkt_sampled = 0; ct_clear; next;" : "ct_clear; next;";
    const std::string key = json_quoted(port.name);
    b.add(in_stage, 110, "ip && inport == " + key, "next;", FlowOrigin::port);
    b.add(out_stage, 110, "ip && outport == " + key, egress, FlowOrigin::port);
}

void build_stateless_filter(FlowBuilder& b, const NbAcl& acl) {
    const std::string_view stage = acl.direction == AclDirection::from_lport ? "ls_in_pre_acl" : "ls_out_pre_acl";
    b.add(stage, static_cast<int>(acl.priority) + 1000, acl.match, "reg0[16] = 1; next;", FlowOrigin::acl, &acl);
}

}  // namespace

void build_stateless_filters(FlowBuilder& b) {
    for (const NbAcl* acl : b.sw.acls) {
        if (acl->action == AclAction::allow_stateless) build_stateless_filter(b, *acl);
    }
}

void build_pre_acls(FlowBuilder& b) {
    b.add_both("ls_in_pre_acl", "ls_out_pre_acl", 0, "1", "next;");
    b.add("ls_in_pre_acl", 110, "eth.dst == $svc_monitor_mac", "next;");
    b.add("ls_out_pre_acl", 110, "eth.src == $svc_monitor_mac", "next;");

    if (b.sw.has_stateful_acl) {
        for (const NbLogicalSwitchPort* port : b.sw.router_ports) {
            if (ovsdb_option_is_true(port->options, "enable_router_port_acl")) continue;
            skip_port_from_conntrack(b, *port, true, "ls_in_pre_acl", "ls_out_pre_acl");
        }
        for (const NbLogicalSwitchPort* port : b.sw.switch_ports) {
            skip_port_from_conntrack(b, *port, true, "ls_in_pre_acl", "ls_out_pre_acl");
        }
        for (const NbLogicalSwitchPort* port : b.sw.localnet_ports) {
            skip_port_from_conntrack(b, *port, true, "ls_in_pre_acl", "ls_out_pre_acl");
        }
        build_stateless_filters(b);
        const std::string nd = std::string(kNdMatch) + " || (udp && udp.src == 546 && udp.dst == 547)";
        b.add_both("ls_in_pre_acl", "ls_out_pre_acl", 110, nd, "next;");
        if (!(b.traits.acl_ct_translation && b.options.acl_ct_translation)) {
            b.add_both("ls_in_pre_acl", "ls_out_pre_acl", 110, "eth.mcast", "next;");
        }
        b.add("ls_in_pre_acl", 110,
              "((ip4 && icmp4.type == 3 && icmp4.code == 4) || (ip6 && icmp6.type == 2 && icmp6.code == 0)) && "
              "flags.tunnel_rx == 1",
              "next;");
        b.add_both("ls_in_pre_acl", "ls_out_pre_acl", 100, "ip", "reg0[0] = 1; next;");
    } else if (b.sw.has_lb_vip) {
        build_stateless_filters(b);
    }
}

void build_pre_lb(FlowBuilder& b) {
    b.add_both("ls_in_pre_lb", "ls_out_pre_lb", 110, "eth.mcast", "next;");
    b.add_both("ls_in_pre_lb", "ls_out_pre_lb", 110, std::string(kNdMatch), "next;");
    b.add("ls_in_pre_lb", 110,
          "((ip4 && icmp4.type == 3 && icmp4.code == 4) ||(ip6 && icmp6.type == 2 && icmp6.code == 0)) && "
          "flags.tunnel_rx == 1",
          "next;");
    b.add("ls_in_pre_lb", 110, "eth.dst == $svc_monitor_mac", "next;");
    b.add("ls_out_pre_lb", 110, "eth.src == $svc_monitor_mac", "next;");
    b.add_both("ls_in_pre_lb", "ls_out_pre_lb", 0, "1", "next;");
    b.add_both("ls_in_pre_lb", "ls_out_pre_lb", 110, "reg0[16] == 1", "next;");

    for (const NbLogicalSwitchPort* port : b.sw.router_ports) {
        skip_port_from_conntrack(b, *port, b.sw.has_stateful_acl, "ls_in_pre_lb", "ls_out_pre_lb");
    }
    for (const NbLogicalSwitchPort* port : b.sw.switch_ports) {
        skip_port_from_conntrack(b, *port, true, "ls_in_pre_lb", "ls_out_pre_lb");
    }
    // Localnet traffic needs conntrack only to be load balanced.
    if (!b.sw.has_lb_vip) {
        for (const NbLogicalSwitchPort* port : b.sw.localnet_ports) {
            skip_port_from_conntrack(b, *port, b.sw.has_stateful_acl, "ls_in_pre_lb", "ls_out_pre_lb");
        }
    }
    if (b.sw.has_lb_vip) {
        b.add_both("ls_in_pre_lb", "ls_out_pre_lb", 100, "ip", "reg0[2] = 1; next;");
    }
}

void build_pre_stateful(FlowBuilder& b) {
    b.add_both("ls_in_pre_stateful", "ls_out_pre_stateful", 0, "1", "next;");
    b.add("ls_in_pre_stateful", 115, "reg0[2] == 1 && ip.is_frag", "reg0[19] = 1; ct_lb_mark;");
    b.add_both("ls_in_pre_stateful", "ls_out_pre_stateful", 110, "reg0[2] == 1", "ct_lb_mark;");
    b.add_both("ls_in_pre_stateful", "ls_out_pre_stateful", 100, "reg0[0] == 1", "ct_next;");

    // build_lb_rules_pre_stateful(): remember the VIP for the hairpin stages.
    for (const LbVip& vip : b.sw.lb_vips) {
        const std::string family = vip.ipv6 ? "ip6" : "ip4";
        std::string match = "reg0[2] == 1 && " + family + ".dst == " + vip.address;
        std::string actions = std::string(vip.ipv6 ? "xxreg1" : "reg4") + " = " + vip.address + "; ";
        if (vip.port) {
            match += " && " + vip.protocol + ".dst == " + *vip.port;
            actions += "reg2[0..15] = " + *vip.port + "; ";
        }
        actions += "ct_lb_mark;";
        b.add("ls_in_pre_stateful", 120, std::move(match), std::move(actions), FlowOrigin::load_balancer);
    }
}

}  // namespace ovnsim
