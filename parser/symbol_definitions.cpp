// OVN's symbol table, transcribed from lib/logical-fields.c (ovn_init_symtab) of the
// releases 20.03 to 26.03 and include/ovn/logical-fields.h (MLF_* flag bits, OVN_CT_* mark
// and label bits). Field levels and writability follow Open vSwitch (ovs-fields(7)): a field
// OVS can mask bitwise is ordinal, otherwise nominal; read-only fields cannot be assigned.
// A predicate's level is OVN's expr_get_level of its expansion: nominal when it tests a
// nominal field, Boolean otherwise (tests/unit/test_match_resolve.cpp recomputes it).
#include "parser/symbol_definitions.hpp"

#include <array>

namespace ovnsim::symbol_definitions {
namespace {

constexpr Level ord = Level::ordinal;
constexpr Level nom = Level::nominal;
constexpr Level boo = Level::boolean;
constexpr Access rw = Access::read_write;
constexpr Access ro = Access::read_only;
constexpr Access ct_commit = Access::ct_commit_only;

constexpr Definition field(std::string_view name, Storage s, Level level, Access access,
                           std::string_view prerequisites = {}) {
    Definition d;
    d.name = name;
    d.kind = SymbolKind::field;
    d.storage = s;
    d.level = level;
    d.access = access;
    d.prerequisites = prerequisites;
    return d;
}

constexpr Definition subfield(std::string_view name, std::string_view bits,
                              std::string_view prerequisites = {}) {
    Definition d;
    d.name = name;
    d.kind = SymbolKind::subfield;
    d.subfield = bits;
    d.prerequisites = prerequisites;
    return d;
}

constexpr Definition predicate(std::string_view name, Level level, std::string_view expansion) {
    Definition d;
    d.name = name;
    d.kind = SymbolKind::predicate;
    d.expansion = expansion;
    d.level = level;
    return d;
}

constexpr Definition string_field(std::string_view name, Storage s) {
    Definition d;
    d.name = name;
    d.kind = SymbolKind::string_field;
    d.storage = s;
    d.level = Level::nominal;
    d.access = Access::read_write;
    return d;
}

// A definition some releases use and others replaced (bounds as major * 100 + minor).
constexpr Definition until(unsigned last_release, Definition d) {
    d.last_release = last_release;
    return d;
}
constexpr Definition since(unsigned first_release, Definition d) {
    d.first_release = first_release;
    return d;
}

constexpr unsigned kLastPlainMulticast = kLastPlainMulticastRelease;

// icmp4.frag_mtu / icmp6.frag_mtu (expr_symtab_add_ovn_field): set by actions only.
constexpr Definition ovn_field(std::string_view name, Storage s) {
    Definition d = field(name, s, Level::nominal, Access::read_write);
    d.action_only = true;
    return d;
}

constexpr auto kDefinitions = std::to_array<Definition>({
    // Logical ports: names in the match language, port keys in reg14/reg15.
    string_field("inport", Storage::inport),
    string_field("outport", Storage::outport),
    field("__inport", Storage::inport_key, ord, rw),
    field("__outport", Storage::outport_key, ord, rw),
    subfield("from_evpn_vtep", "__inport[31]"),  // 26.03
    subfield("to_evpn_vtep", "__outport[31]"),   // 26.03

    // Logical registers (MFF_N_LOG_REGS = 10): xxreg0 = OpenFlow reg0..reg3, xxreg1 =
    // reg4..reg7, xreg4 = reg8..reg9; the narrower names are subfields of those.
    field("xxreg0", Storage::xxreg0, ord, rw),
    field("xxreg1", Storage::xxreg1, ord, rw),
    subfield("xreg0", "xxreg0[64..127]"),
    subfield("xreg1", "xxreg0[0..63]"),
    subfield("xreg2", "xxreg1[64..127]"),
    subfield("xreg3", "xxreg1[0..63]"),
    field("xreg4", Storage::xreg4, ord, rw),
    subfield("reg0", "xxreg0[96..127]"),
    subfield("reg1", "xxreg0[64..95]"),
    subfield("reg2", "xxreg0[32..63]"),
    subfield("reg3", "xxreg0[0..31]"),
    subfield("reg4", "xxreg1[96..127]"),
    subfield("reg5", "xxreg1[64..95]"),
    subfield("reg6", "xxreg1[32..63]"),
    subfield("reg7", "xxreg1[0..31]"),
    subfield("reg8", "xreg4[32..63]"),
    subfield("reg9", "xreg4[0..31]"),

    // Logical flags (MFF_LOG_FLAGS = reg10, MLF_*_BIT).
    field("flags", Storage::flags, ord, rw),
    subfield("flags.loopback", "flags[0]"),
    subfield("flags.force_snat_for_dnat", "flags[2]"),
    subfield("flags.force_snat_for_lb", "flags[3]"),
    subfield("flags.skip_snat_for_lb", "flags[9]"),
    subfield("flags.use_snat_zone", "flags[11]"),
    subfield("flags.localnet", "flags[15]"),
    subfield("flags.tunnel_rx", "flags[16]"),
    subfield("flags.icmp_snat", "flags[17]"),
    subfield("flags.from_ctrl", "flags[19]"),
    subfield("flags.unsnat_new", "flags[20]"),
    subfield("flags.unsnat_not_tracked", "flags[21]"),
    subfield("flags.igmp_loopback", "flags[22]"),
    subfield("flags.pkt_sampled", "flags[23]"),  // 26.03
    subfield("flags.network_id", "flags[28..31]"),

    // Conntrack mark and label: written only inside ct_commit { }. Subfields of every
    // version (ct_label.blocked/natted/skip_snat/force_snat/ecmp_reply_port are the older
    // releases' homes of bits that later moved to ct_mark; obs_* from 24.09; acl_id and allow_established from
    // 25.03; nf, nf_id, tun_if, tun_if_id from 26.03). Some share bits on purpose.
    field("ct_mark", Storage::ct_mark, ord, ct_commit),
    subfield("ct_mark.blocked", "ct_mark[0]"),
    subfield("ct_mark.natted", "ct_mark[1]"),
    subfield("ct_mark.skip_snat", "ct_mark[2]"),
    subfield("ct_mark.force_snat", "ct_mark[3]"),
    subfield("ct_mark.obs_stage", "ct_mark[4..5]"),
    subfield("ct_mark.allow_established", "ct_mark[6]"),
    subfield("ct_mark.ecmp_reply_port", "ct_mark[16..31]"),
    subfield("ct_mark.obs_collector_id", "ct_mark[16..23]"),
    field("ct_label", Storage::ct_label, ord, ct_commit),
    subfield("ct_label.blocked", "ct_label[0]"),
    subfield("ct_label.natted", "ct_label[1]"),
    subfield("ct_label.skip_snat", "ct_label[2]"),
    subfield("ct_label.force_snat", "ct_label[3]"),
    subfield("ct_label.nf", "ct_label[7]"),
    subfield("ct_label.tun_if", "ct_label[8]"),
    subfield("ct_label.nf_id", "ct_label[17..24]"),
    subfield("ct_label.ecmp_reply_eth", "ct_label[32..79]"),
    subfield("ct_label.ecmp_reply_port", "ct_label[80..95]"),
    subfield("ct_label.acl_id", "ct_label[80..95]"),
    subfield("ct_label.tun_if_id", "ct_label[80..95]"),
    subfield("ct_label.label", "ct_label[96..127]"),
    subfield("ct_label.obs_point_id", "ct_label[96..127]"),
    subfield("ct_label.obs_unused", "ct_label[0..95]"),

    // Conntrack state bits (OVS CS_*_BIT); all but ct.trk need ct.trk.
    field("ct_state", Storage::ct_state, ord, ro),
    subfield("ct.new", "ct_state[0]", "ct.trk"),
    subfield("ct.est", "ct_state[1]", "ct.trk"),
    subfield("ct.rel", "ct_state[2]", "ct.trk"),
    subfield("ct.rpl", "ct_state[3]", "ct.trk"),
    subfield("ct.inv", "ct_state[4]", "ct.trk"),
    subfield("ct.trk", "ct_state[5]"),
    subfield("ct.snat", "ct_state[6]", "ct.trk"),
    subfield("ct.dnat", "ct_state[7]", "ct.trk"),

    // Original-direction tuple of the tracked connection (OVS ct_nw_proto, ct_nw_src, ...),
    // the fields behind 26.03's ACL conntrack translation (ovn_init_acl_ct_symtab).
    field("ct_proto", Storage::ct_proto, nom, ro, "ct.trk"),
    field("ct_nw_src", Storage::ct_nw_src, ord, ro, "ct.trk"),
    field("ct_nw_dst", Storage::ct_nw_dst, ord, ro, "ct.trk"),
    field("ct_ip6_src", Storage::ct_ip6_src, ord, ro, "ct.trk"),
    field("ct_ip6_dst", Storage::ct_ip6_dst, ord, ro, "ct.trk"),
    field("ct_tp_src", Storage::ct_tp_src, ord, ro, "ct.trk"),
    field("ct_tp_dst", Storage::ct_tp_dst, ord, ro, "ct.trk"),

    // Ethernet and VLAN.
    field("eth.src", Storage::eth_src, ord, rw),
    field("eth.dst", Storage::eth_dst, ord, rw),
    field("eth.type", Storage::eth_type, nom, ro),
    predicate("eth.bcast", boo, "eth.dst == ff:ff:ff:ff:ff:ff"),
    subfield("eth.mcast", "eth.dst[40]"),
    predicate("eth.mcastv6", boo, "eth.dst[32..47] == 0x3333"),
    field("vlan.tci", Storage::vlan_tci, ord, rw),
    predicate("vlan.present", boo, "vlan.tci[12]"),
    subfield("vlan.pcp", "vlan.tci[13..15]", "vlan.present"),
    subfield("vlan.vid", "vlan.tci[0..11]", "vlan.present"),

    // IP.
    predicate("ip4", nom, "eth.type == 0x800"),
    predicate("ip6", nom, "eth.type == 0x86dd"),
    predicate("ip", nom, "ip4 || ip6"),
    field("ip.proto", Storage::ip_proto, nom, ro, "ip"),
    field("ip.dscp", Storage::ip_dscp, nom, rw, "ip"),
    field("ip.ecn", Storage::ip_ecn, nom, rw, "ip"),
    field("ip.ttl", Storage::ip_ttl, nom, rw, "ip"),
    field("ip4.src", Storage::ip4_src, ord, rw, "ip4"),
    field("ip4.dst", Storage::ip4_dst, ord, rw, "ip4"),
    predicate("ip4.src_mcast", boo, "ip4.src[28..31] == 0xe"),
    predicate("ip4.mcast", boo, "eth.mcast && ip4.dst[28..31] == 0xe"),
    predicate("icmp4", nom, "ip4 && ip.proto == 1"),
    field("icmp4.type", Storage::icmp4_type, nom, rw, "icmp4"),
    field("icmp4.code", Storage::icmp4_code, nom, rw, "icmp4"),
    until(kLastPlainMulticast, predicate("igmp", nom, "ip4 && ip.proto == 2")),
    since(kLastPlainMulticast + 1, predicate("igmp", nom, "ip4.mcast && ip.proto == 2")),
    field("ip6.src", Storage::ip6_src, ord, rw, "ip6"),
    field("ip6.dst", Storage::ip6_dst, ord, rw, "ip6"),
    field("ip6.label", Storage::ip6_label, ord, rw, "ip6"),
    predicate("ip6.mcast_rsvd", boo, "ip6.dst[116..127] == 0xff0 && ip6.dst[0..111] == 0x0"),
    predicate("ip6.mcast_all_nodes", boo, "ip6.dst == ff01::1 || ip6.dst == ff02::1"),
    predicate("ip6.mcast_all_rtrs", boo,
              "ip6.dst == ff01::2 || ip6.dst == ff02::2 || ip6.dst == ff05::2"),
    predicate("ip6.mcast_sol_node", boo, "ip6.dst == ff02::1:ff00:0000/104"),
    predicate("ip6.mcast_flood", boo,
              "eth.mcastv6 && (ip6.mcast_rsvd || ip6.mcast_all_nodes || ip6.mcast_all_rtrs || "
              "ip6.mcast_sol_node)"),
    predicate("ip6.mcast", boo, "eth.mcastv6 && ip6.dst[120..127] == 0xff"),
    predicate("icmp6", nom, "ip6 && ip.proto == 58"),
    field("icmp6.type", Storage::icmp6_type, nom, rw, "icmp6"),
    field("icmp6.code", Storage::icmp6_code, nom, rw, "icmp6"),
    predicate("icmp", nom, "icmp4 || icmp6"),
    field("ip.frag", Storage::ip_frag, ord, ro, "ip"),
    predicate("ip.is_frag", boo, "ip.frag[0]"),
    predicate("ip.later_frag", boo, "ip.frag[1]"),
    predicate("ip.first_frag", boo, "ip.is_frag && !ip.later_frag"),

    // ARP and RARP (same OpenFlow fields).
    predicate("arp", nom, "eth.type == 0x806"),
    field("arp.op", Storage::arp_op, nom, rw, "arp"),
    field("arp.spa", Storage::arp_spa, ord, rw, "arp"),
    field("arp.sha", Storage::arp_sha, ord, rw, "arp"),
    field("arp.tpa", Storage::arp_tpa, ord, rw, "arp"),
    field("arp.tha", Storage::arp_tha, ord, rw, "arp"),
    predicate("rarp", nom, "eth.type == 0x8035"),
    field("rarp.op", Storage::arp_op, nom, rw, "rarp"),
    field("rarp.spa", Storage::arp_spa, ord, rw, "rarp"),
    field("rarp.sha", Storage::arp_sha, ord, rw, "rarp"),
    field("rarp.tpa", Storage::arp_tpa, ord, rw, "rarp"),
    field("rarp.tha", Storage::arp_tha, ord, rw, "rarp"),

    // IPv6 neighbour discovery and MLD.
    predicate("nd", nom, "icmp6.type == {135, 136} && icmp6.code == 0 && ip.ttl == 255"),
    predicate("nd_ns", nom, "icmp6.type == 135 && icmp6.code == 0 && ip.ttl == 255"),
    predicate("nd_ns_mcast", nom,
              "ip6.mcast && icmp6.type == 135 && icmp6.code == 0 && ip.ttl == 255"),
    predicate("nd_na", nom, "icmp6.type == 136 && icmp6.code == 0 && ip.ttl == 255"),
    predicate("nd_rs", nom, "icmp6.type == 133 && icmp6.code == 0 && ip.ttl == 255"),
    predicate("nd_ra", nom, "icmp6.type == 134 && icmp6.code == 0 && ip.ttl == 255"),
    field("nd.target", Storage::nd_target, ord, rw, "nd"),
    field("nd.sll", Storage::nd_sll, ord, rw, "nd_ns"),
    field("nd.tll", Storage::nd_tll, ord, rw, "nd_na"),
    until(kLastPlainMulticast, predicate("mldv1", nom, "ip6.src == fe80::/10 && icmp6.type == {130, 131, 132}")),
    since(kLastPlainMulticast + 1,
          predicate("mldv1", nom, "eth.mcastv6 && ip6.src == fe80::/10 && icmp6.type == {130, 131, 132}")),
    until(kLastPlainMulticast, predicate("mldv2", nom, "ip6.dst == ff02::16 && icmp6.type == 143")),
    since(kLastPlainMulticast + 1, predicate("mldv2", nom, "eth.mcastv6 && ip6.dst == ff02::16 && icmp6.type == 143")),

    // Transport.
    predicate("tcp", nom, "ip.proto == 6"),
    field("tcp.src", Storage::tcp_src, ord, rw, "tcp"),
    field("tcp.dst", Storage::tcp_dst, ord, rw, "tcp"),
    field("tcp.flags", Storage::tcp_flags, ord, ro, "tcp"),
    predicate("udp", nom, "ip.proto == 17"),
    field("udp.src", Storage::udp_src, ord, rw, "udp"),
    field("udp.dst", Storage::udp_dst, ord, rw, "udp"),
    predicate("sctp", nom, "ip.proto == 132"),
    field("sctp.src", Storage::sctp_src, ord, rw, "sctp"),
    field("sctp.dst", Storage::sctp_dst, ord, rw, "sctp"),

    field("pkt.mark", Storage::pkt_mark, ord, rw),
    ovn_field("icmp4.frag_mtu", Storage::icmp4_frag_mtu),
    ovn_field("icmp6.frag_mtu", Storage::icmp6_frag_mtu),
});

}  // namespace

std::span<const Definition> all() { return kDefinitions; }

}  // namespace ovnsim::symbol_definitions
