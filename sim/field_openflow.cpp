#include "sim/field_openflow.hpp"

#include <array>
#include <cstdio>

#include "sim/field_format.hpp"

namespace ovnsim {
namespace {

constexpr unsigned kEthIp = 0x0800, kEthIpv6 = 0x86dd, kEthArp = 0x0806, kEthRarp = 0x8035;
constexpr unsigned kIcmp = 1, kIgmp = 2, kTcp = 6, kUdp = 17, kIcmpv6 = 58, kSctp = 132;

class FlowText {
public:
    void add(std::string_view name, const std::string& value) {
        out_ += name;
        out_ += '=';
        out_ += value;
        out_ += ',';
    }
    void word(std::string_view w) {
        out_ += w;
        out_ += ',';
    }
    std::string take() {
        if (!out_.empty()) out_.pop_back();
        return std::move(out_);
    }

private:
    std::string out_;
};

std::string hex(std::uint64_t v) { return Bits128(v).to_hex(); }
std::string dec(std::uint64_t v) { return std::to_string(v); }
std::string hex_padded(std::uint64_t v, int digits) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%0*llx", digits, static_cast<unsigned long long>(v));
    return buf;
}

// OVS format_flags: the names of the set bits joined by '|', "0" for none.
template <std::size_t N>
std::string flag_names(std::uint64_t flags, const std::array<const char*, N>& names) {
    if (flags == 0) return "0";
    std::string out;
    for (unsigned b = 0; b < 64; ++b) {
        if (!(flags >> b & 1)) continue;
        if (!out.empty()) out += '|';
        out += b < N ? std::string(names[b]) : "[" + hex(std::uint64_t{1} << b).substr(2) + "]";
    }
    return out;
}

constexpr std::array<const char*, 8> kCtStates{"new", "est", "rel", "rpl", "inv", "trk", "snat", "dnat"};
constexpr std::array<const char*, 9> kTcpFlags{"fin", "syn", "rst", "psh", "ack", "urg", "ece", "cwr", "ns"};

const char* protocol_word(unsigned eth_type, unsigned proto) {
    if (eth_type == kEthIp) {
        switch (proto) {
        case kIcmp: return "icmp";
        case kTcp: return "tcp";
        case kUdp: return "udp";
        case kSctp: return "sctp";
        default: return "ip";
        }
    }
    if (eth_type == kEthIpv6) {
        switch (proto) {
        case kIcmpv6: return "icmp6";
        case kTcp: return "tcp6";
        case kUdp: return "udp6";
        case kSctp: return "sctp6";
        default: return "ipv6";
        }
    }
    if (eth_type == kEthArp) return "arp";
    if (eth_type == kEthRarp) return "rarp";
    return nullptr;
}

std::uint64_t u(const Packet& p, Storage s) { return p.get(s).low(); }

void add_registers(FlowText& f, const Packet& p) {
    std::array<std::uint64_t, 16> regs{};
    for (unsigned i = 0; i < 4; ++i) {
        regs[i] = p.get(Storage::xxreg0).extract(96 - 32 * i, 32).low();
        regs[4 + i] = p.get(Storage::xxreg1).extract(96 - 32 * i, 32).low();
    }
    regs[8] = p.get(Storage::xreg4).extract(32, 32).low();
    regs[9] = p.get(Storage::xreg4).extract(0, 32).low();
    regs[10] = u(p, Storage::flags);
    regs[11] = p.dnat_zone;
    regs[12] = p.snat_zone;
    regs[13] = p.ct_zone;
    regs[14] = u(p, Storage::inport_key);
    regs[15] = u(p, Storage::outport_key);
    for (unsigned i = 0; i < regs.size(); ++i)
        if (regs[i]) f.add("reg" + std::to_string(i), hex(regs[i]));
}

void add_vlan(FlowText& f, const Packet& p) {
    // OVS shows every VLAN header up to and including the first absent one.
    const auto tci = u(p, Storage::vlan_tci);
    if (tci == 0) {
        f.add("vlan_tci", hex_padded(tci, 4));
        return;
    }
    if (tci & 0x1000) {
        f.add("dl_vlan", dec(tci & 0xfff));
        f.add("dl_vlan_pcp", dec(tci >> 13));
    } else {
        f.add("vlan_tci", hex_padded(tci, 4));
    }
    f.add("vlan_tci1", "0x0000");
}

void add_ip_fields(FlowText& f, const Packet& p, unsigned eth_type, unsigned proto) {
    f.add("nw_tos", dec(u(p, Storage::ip_dscp) << 2));
    f.add("nw_ecn", dec(u(p, Storage::ip_ecn)));
    f.add("nw_ttl", dec(u(p, Storage::ip_ttl)));
    const auto frag = u(p, Storage::ip_frag);
    f.add("nw_frag", frag & 1 ? (frag & 2 ? "later" : "first") : (frag & 2 ? "<error>" : "no"));
    if (frag & 2) return;  // no transport header in later fragments
    if (eth_type == kEthIp && proto == kIcmp) {
        f.add("icmp_type", dec(u(p, Storage::icmp4_type)));
        f.add("icmp_code", dec(u(p, Storage::icmp4_code)));
    } else if (eth_type == kEthIp && proto == kIgmp) {
        f.add("tp_src", "0");  // OVS keeps IGMP's type and code there; OVN names neither
        f.add("tp_dst", "0");
    } else if (eth_type == kEthIpv6 && proto == kIcmpv6) {
        const auto type = u(p, Storage::icmp6_type);
        const auto code = u(p, Storage::icmp6_code);
        f.add("icmp_type", dec(type));
        f.add("icmp_code", dec(code));
        if ((type == 135 || type == 136) && code == 0) {
            f.add("nd_target", format_ipv6(p.get(Storage::nd_target)));
            f.add("nd_sll", format_mac(p.get(Storage::nd_sll)));
            f.add("nd_tll", format_mac(p.get(Storage::nd_tll)));
        }
    } else if (proto == kTcp) {
        f.add("tp_src", dec(u(p, Storage::tcp_src)));
        f.add("tp_dst", dec(u(p, Storage::tcp_dst)));
        f.add("tcp_flags", flag_names(u(p, Storage::tcp_flags), kTcpFlags));
    } else if (proto == kUdp) {
        f.add("tp_src", dec(u(p, Storage::udp_src)));
        f.add("tp_dst", dec(u(p, Storage::udp_dst)));
    } else if (proto == kSctp) {
        f.add("tp_src", dec(u(p, Storage::sctp_src)));
        f.add("tp_dst", dec(u(p, Storage::sctp_dst)));
    }
}

}  // namespace

std::string format_openflow_flow(const Packet& p) {
    FlowText f;
    const auto eth_type = static_cast<unsigned>(u(p, Storage::eth_type));
    const auto proto = static_cast<unsigned>(u(p, Storage::ip_proto));
    const bool ip = eth_type == kEthIp || eth_type == kEthIpv6;
    const bool arp = eth_type == kEthArp || eth_type == kEthRarp;

    if (u(p, Storage::pkt_mark)) f.add("pkt_mark", hex(u(p, Storage::pkt_mark)));
    if (u(p, Storage::ct_state)) f.add("ct_state", flag_names(u(p, Storage::ct_state), kCtStates));
    if (u(p, Storage::ct_mark)) f.add("ct_mark", hex(u(p, Storage::ct_mark)));
    if (!p.get(Storage::ct_label).is_zero()) f.add("ct_label", p.get(Storage::ct_label).to_hex());
    if (ip && u(p, Storage::ct_proto)) {
        if (eth_type == kEthIp) {
            f.add("ct_nw_src", format_ipv4(p.get(Storage::ct_nw_src)));
            f.add("ct_nw_dst", format_ipv4(p.get(Storage::ct_nw_dst)));
        } else {
            f.add("ct_ipv6_src", format_ipv6(p.get(Storage::ct_ip6_src)));
            f.add("ct_ipv6_dst", format_ipv6(p.get(Storage::ct_ip6_dst)));
        }
        f.add("ct_nw_proto", dec(u(p, Storage::ct_proto)));
        f.add("ct_tp_src", dec(u(p, Storage::ct_tp_src)));
        f.add("ct_tp_dst", dec(u(p, Storage::ct_tp_dst)));
    }
    const char* protocol = protocol_word(eth_type, proto);
    if (protocol) f.word(protocol);
    add_registers(f, p);
    if (p.datapath_key) f.add("metadata", hex(p.datapath_key));
    add_vlan(f, p);
    f.add("dl_src", format_mac(p.get(Storage::eth_src)));
    f.add("dl_dst", format_mac(p.get(Storage::eth_dst)));
    if (!protocol) f.add("dl_type", hex_padded(eth_type, 4));
    if (eth_type == kEthIpv6) {
        f.add("ipv6_src", format_ipv6(p.get(Storage::ip6_src)));
        f.add("ipv6_dst", format_ipv6(p.get(Storage::ip6_dst)));
        f.add("ipv6_label", hex_padded(u(p, Storage::ip6_label), 5));
    } else if (arp) {
        f.add("arp_spa", format_ipv4(p.get(Storage::arp_spa)));
        f.add("arp_tpa", format_ipv4(p.get(Storage::arp_tpa)));
        f.add("arp_op", dec(u(p, Storage::arp_op) & 0xff));  // OVS keeps the op in nw_proto
        f.add("arp_sha", format_mac(p.get(Storage::arp_sha)));
        f.add("arp_tha", format_mac(p.get(Storage::arp_tha)));
    } else if (eth_type == kEthIp) {
        f.add("nw_src", format_ipv4(p.get(Storage::ip4_src)));
        f.add("nw_dst", format_ipv4(p.get(Storage::ip4_dst)));
    }
    if (ip && std::string_view(protocol) == (eth_type == kEthIp ? "ip" : "ipv6")) f.add("nw_proto", dec(proto));
    if (ip) add_ip_fields(f, p, eth_type, proto);
    return f.take();
}

}  // namespace ovnsim
