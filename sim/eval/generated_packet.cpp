#include "sim/eval/generated_packet.hpp"

namespace ovnsim {
namespace {

constexpr std::uint64_t kIp6 = 0x86dd;
constexpr std::uint8_t kIcmp4 = 1, kTcp = 6, kSctp = 132, kIcmp6 = 58;

bool is_ip6(const Packet& p) { return p.get(Storage::eth_type).low() == kIp6; }

void swap_slots(Packet& p, Storage a, Storage b) {
    const Bits128 x = p.get(a);
    p.set(a, p.get(b));
    p.set(b, x);
}

void swap_addresses(Packet& p) {
    swap_slots(p, Storage::eth_src, Storage::eth_dst);
    if (is_ip6(p)) {
        swap_slots(p, Storage::ip6_src, Storage::ip6_dst);
    } else {
        swap_slots(p, Storage::ip4_src, Storage::ip4_dst);
    }
}

GeneratedPacket transport_reset(const Packet& original, bool back, std::uint8_t protocol, std::string_view name) {
    GeneratedPacket g{original, name};
    Packet& p = g.packet;
    if (back) {
        swap_addresses(p);
        swap_slots(p, Storage::tcp_src, Storage::tcp_dst);
        swap_slots(p, Storage::sctp_src, Storage::sctp_dst);
    }
    p.set(Storage::ip_proto, protocol);
    p.set(Storage::ip_ttl, 255);
    if (protocol == kTcp) p.set(Storage::tcp_flags, 0x04);
    return g;
}

GeneratedPacket unreachable(const Packet& original, bool back, bool v6) {
    GeneratedPacket g{original, v6 ? "icmp6" : "icmp4"};
    Packet& p = g.packet;
    if (back) swap_addresses(p);
    p.set(Storage::ip_proto, v6 ? kIcmp6 : kIcmp4);
    p.set(Storage::ip_ttl, 255);
    p.set(v6 ? Storage::icmp6_type : Storage::icmp4_type, v6 ? 1 : 3);
    p.set(v6 ? Storage::icmp6_code : Storage::icmp4_code, 1);
    return g;
}

}  // namespace

std::optional<GeneratedPacket> generated_packet(NestedAction::Kind kind, const Packet& original) {
    GeneratedPacket g{original, nested_action_name(kind)};
    Packet& p = g.packet;
    switch (kind) {
        case NestedAction::Kind::Clone:
            return g;
        case NestedAction::Kind::Reject: {
            const auto proto = original.get(Storage::ip_proto).low();
            const bool v6 = is_ip6(original);
            const bool rst = original.get(Storage::tcp_flags) == Bits128(0x04);
            const bool unreachable_already = v6 ? proto == kIcmp6 && original.get(Storage::icmp6_type) == Bits128(1)
                                                : proto == kIcmp4 && original.get(Storage::icmp4_type) == Bits128(3);
            if (((proto == kTcp || proto == kSctp) && rst) || unreachable_already) return std::nullopt;
            if (proto == kTcp) g = transport_reset(original, true, kTcp, "tcp_reset");
            else if (proto == kSctp) g = transport_reset(original, true, kSctp, "sctp_abort");
            else g = unreachable(original, true, is_ip6(original));
            break;
        }
        case NestedAction::Kind::TcpReset:
            g = transport_reset(original, false, kTcp, "tcp_reset");
            break;
        case NestedAction::Kind::SctpAbort:
            g = transport_reset(original, false, kSctp, "sctp_abort");
            break;
        case NestedAction::Kind::Icmp4:
        case NestedAction::Kind::Icmp4Error:
            g = unreachable(original, false, false);
            g.name = nested_action_name(kind);
            break;
        case NestedAction::Kind::Icmp6:
        case NestedAction::Kind::Icmp6Error:
            g = unreachable(original, false, true);
            g.name = nested_action_name(kind);
            break;
        case NestedAction::Kind::Arp:
            p.set(Storage::eth_type, 0x0806);
            p.set(Storage::arp_op, 1);
            p.set(Storage::arp_sha, original.get(Storage::eth_src));
            p.set(Storage::arp_tha, 0);
            p.set(Storage::arp_spa, original.get(Storage::ip4_src));
            p.set(Storage::arp_tpa, original.get(Storage::ip4_dst));
            p.set(Storage::ip_ttl, 0);
            p.set(Storage::tcp_flags, 0);
            break;
        case NestedAction::Kind::NdNs: {
            // Solicited-node multicast of the destination, and its Ethernet address.
            const Bits128 dst = original.get(Storage::ip6_dst);
            const std::uint64_t low24 = dst.low() & 0xffffff;
            p.set(Storage::eth_dst, (0x3333ULL << 32) | 0xff000000ULL | low24);
            p.set(Storage::icmp6_type, 135);
            p.set(Storage::nd_target, dst);
            p.set(Storage::nd_sll, 0);
            p.set(Storage::nd_tll, original.get(Storage::eth_dst));
            break;
        }
        case NestedAction::Kind::NdNa:
        case NestedAction::Kind::NdNaRouter:
            p.set(Storage::eth_src, original.get(Storage::eth_dst));
            p.set(Storage::eth_dst, original.get(Storage::eth_src));
            p.set(Storage::ip6_dst, original.get(Storage::ip6_src));
            p.set(Storage::ip6_src, original.get(Storage::nd_target));
            p.set(Storage::icmp6_type, 136);
            p.set(Storage::nd_sll, 0);
            p.set(Storage::nd_tll, original.get(Storage::eth_dst));
            break;
    }
    return g;
}

}  // namespace ovnsim
