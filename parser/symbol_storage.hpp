#pragma once
// The storage slots of a logical packet: one per OpenFlow field that OVN's symbol table
// names (lib/logical-fields.c). Symbols are views of bits of one slot, so aliases cost
// nothing: reg0 is bits 96..127 of xxreg0, ct_mark.blocked is bit 0 of ct_mark, rarp.spa
// and arp.spa are the same slot. inport and outport are the two string slots (logical port
// names); the numeric port keys OVN keeps in the same registers are `__inport`/`__outport`.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ovnsim {

enum class Storage : std::uint8_t {
    // Logical registers (OpenFlow reg0..reg10, reg14, reg15).
    xxreg0,       // reg0..reg3, xreg0..xreg1
    xxreg1,       // reg4..reg7, xreg2..xreg3
    xreg4,        // reg8 (high half), reg9 (low half)
    flags,        // reg10
    inport_key,   // reg14 as a number (__inport)
    outport_key,  // reg15 as a number (__outport)
    // Conntrack state of the packet (set by ct actions).
    ct_state,
    ct_mark,
    ct_label,
    ct_proto,   // original-direction tuple of the connection
    ct_nw_src,
    ct_nw_dst,
    ct_ip6_src,
    ct_ip6_dst,
    ct_tp_src,
    ct_tp_dst,
    // Packet headers and metadata.
    pkt_mark,
    eth_src,
    eth_dst,
    eth_type,
    vlan_tci,
    ip_proto,
    ip_dscp,
    ip_ecn,
    ip_ttl,
    ip_frag,
    ip4_src,
    ip4_dst,
    ip6_src,
    ip6_dst,
    ip6_label,
    icmp4_type,
    icmp4_code,
    icmp6_type,
    icmp6_code,
    arp_op,
    arp_spa,
    arp_tpa,
    arp_sha,
    arp_tha,
    nd_target,
    nd_sll,
    nd_tll,
    tcp_src,
    tcp_dst,
    tcp_flags,
    udp_src,
    udp_dst,
    sctp_src,
    sctp_dst,
    icmp4_frag_mtu,  // OVN-only fields, written by actions, never matched
    icmp6_frag_mtu,
    // String slots (logical port names).
    inport,
    outport,
};

inline constexpr std::size_t kNumericStorageCount = static_cast<std::size_t>(Storage::inport);
inline constexpr std::size_t kStorageCount = static_cast<std::size_t>(Storage::outport) + 1;

struct StorageInfo {
    std::string_view name;  // the symbol that names the whole slot ("xxreg0", "eth.src", "__inport")
    unsigned width;         // significant bits; 0 for the string slots
};

const StorageInfo& storage_info(Storage s) noexcept;

constexpr bool is_string_storage(Storage s) noexcept {
    return s == Storage::inport || s == Storage::outport;
}

constexpr std::size_t storage_index(Storage s) noexcept { return static_cast<std::size_t>(s); }

}  // namespace ovnsim
