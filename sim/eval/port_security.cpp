#include "sim/eval/port_security.hpp"

#include <algorithm>

#include "sim/eval/address_literal.hpp"

namespace ovnsim {
namespace {

constexpr std::uint64_t kIp4 = 0x0800, kArp = 0x0806, kIp6 = 0x86dd;

bool contains(const std::vector<Bits128>& v, Bits128 x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// fe80::/64 with the EUI-64 of `mac` (U/L bit flipped, ff:fe in the middle).
Bits128 link_local(Bits128 mac) {
    const std::uint64_t m = mac.low();
    const std::uint64_t eui = ((m >> 24) << 40) | (0xfffeULL << 24) | (m & 0xffffff);
    return Bits128::from_parts(0xfe80000000000000ULL, eui ^ (0x02ULL << 56));
}

bool in_ip4_allowed(const Packet& p, const PortAddresses& a) {
    if (a.ipv4.empty() && a.ipv6.empty()) return true;
    const Bits128 src = p.get(Storage::ip4_src);
    if (contains(a.ipv4, src)) return true;
    // DHCP discover from 0.0.0.0 to the broadcast address.
    return p.get(Storage::ip_proto) == Bits128(17) && p.get(Storage::udp_src) == Bits128(68) &&
           p.get(Storage::udp_dst) == Bits128(67) && src.is_zero() && p.get(Storage::ip4_dst) == Bits128(0xffffffff);
}

bool in_arp_allowed(const Packet& p, const PortAddresses& a) {
    if (p.get(Storage::arp_sha) != *a.mac) return false;
    return a.ipv4.empty() || contains(a.ipv4, p.get(Storage::arp_spa));
}

bool in_ip6_allowed(const Packet& p, const PortAddresses& a) {
    if (a.ipv4.empty() && a.ipv6.empty()) return true;
    const Bits128 src = p.get(Storage::ip6_src);
    return contains(a.ipv6, src) || src == link_local(*a.mac);
}

bool out_ip4_allowed(const Packet& p, const PortAddresses& a) {
    if (a.ipv4.empty() && a.ipv6.empty()) return true;
    if (a.ipv4.empty()) return false;
    const Bits128 dst = p.get(Storage::ip4_dst);
    return contains(a.ipv4, dst) || dst == Bits128(0xffffffff) || (dst.low() >> 28) == 0xe;
}

bool out_ip6_allowed(const Packet& p, const PortAddresses& a) {
    if (a.ipv4.empty() && a.ipv6.empty()) return true;
    if (a.ipv6.empty()) return false;
    const Bits128 dst = p.get(Storage::ip6_dst);
    return contains(a.ipv6, dst) || dst == link_local(*a.mac) || (dst.high() >> 56) == 0xff;
}

}  // namespace

bool violates_in_port_security(const Packet& packet, std::span<const std::string> port_security) {
    if (port_security.empty()) return false;
    const auto eth_type = packet.get(Storage::eth_type).low();
    for (const std::string& entry : port_security) {
        const PortAddresses a = parse_port_addresses(entry);
        if (!a.mac || packet.get(Storage::eth_src) != *a.mac) continue;
        if (eth_type == kIp4) return !in_ip4_allowed(packet, a);
        if (eth_type == kArp) return !in_arp_allowed(packet, a);
        if (eth_type == kIp6) return !in_ip6_allowed(packet, a);
        return false;
    }
    return true;
}

bool violates_out_port_security(const Packet& packet, std::span<const std::string> port_security) {
    if (port_security.empty()) return false;
    const auto eth_type = packet.get(Storage::eth_type).low();
    for (const std::string& entry : port_security) {
        const PortAddresses a = parse_port_addresses(entry);
        if (!a.mac || packet.get(Storage::eth_dst) != *a.mac) continue;
        if (eth_type == kIp4) return !out_ip4_allowed(packet, a);
        if (eth_type == kIp6) return !out_ip6_allowed(packet, a);
        return false;
    }
    return true;
}

}  // namespace ovnsim
