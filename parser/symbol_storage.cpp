#include "parser/symbol_storage.hpp"

namespace ovnsim {
namespace {

// Widths are OpenFlow's significant bits (ovs-fields(7)): tcp_flags 12, ip_frag 2,
// ipv6_label 20, ip_dscp 6 (OVN matches the shifted DSCP), ip_ecn 2.
constexpr std::array<StorageInfo, kStorageCount> kStorageInfo{{
    {"xxreg0", 128},
    {"xxreg1", 128},
    {"xreg4", 64},
    {"flags", 32},
    {"__inport", 32},
    {"__outport", 32},
    {"ct_state", 32},
    {"ct_mark", 32},
    {"ct_label", 128},
    {"ct_proto", 8},
    {"ct_nw_src", 32},
    {"ct_nw_dst", 32},
    {"ct_ip6_src", 128},
    {"ct_ip6_dst", 128},
    {"ct_tp_src", 16},
    {"ct_tp_dst", 16},
    {"pkt.mark", 32},
    {"eth.src", 48},
    {"eth.dst", 48},
    {"eth.type", 16},
    {"vlan.tci", 16},
    {"ip.proto", 8},
    {"ip.dscp", 6},
    {"ip.ecn", 2},
    {"ip.ttl", 8},
    {"ip.frag", 2},
    {"ip4.src", 32},
    {"ip4.dst", 32},
    {"ip6.src", 128},
    {"ip6.dst", 128},
    {"ip6.label", 20},
    {"icmp4.type", 8},
    {"icmp4.code", 8},
    {"icmp6.type", 8},
    {"icmp6.code", 8},
    {"arp.op", 16},
    {"arp.spa", 32},
    {"arp.tpa", 32},
    {"arp.sha", 48},
    {"arp.tha", 48},
    {"nd.target", 128},
    {"nd.sll", 48},
    {"nd.tll", 48},
    {"tcp.src", 16},
    {"tcp.dst", 16},
    {"tcp.flags", 12},
    {"udp.src", 16},
    {"udp.dst", 16},
    {"sctp.src", 16},
    {"sctp.dst", 16},
    {"icmp4.frag_mtu", 16},
    {"icmp6.frag_mtu", 32},
    {"inport", 0},
    {"outport", 0},
}};

}  // namespace

const StorageInfo& storage_info(Storage s) noexcept { return kStorageInfo[storage_index(s)]; }

}  // namespace ovnsim
