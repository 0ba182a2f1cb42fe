#include "sim/field_format.hpp"

#include <charconv>
#include <cstdio>

namespace ovnsim {
namespace {

enum class Notation { decimal, hex, mac, ipv4, ipv6 };

Notation notation_of(Storage s) {
    switch (s) {
    case Storage::eth_src:
    case Storage::eth_dst:
    case Storage::arp_sha:
    case Storage::arp_tha:
    case Storage::nd_sll:
    case Storage::nd_tll: return Notation::mac;
    case Storage::ip4_src:
    case Storage::ip4_dst:
    case Storage::arp_spa:
    case Storage::arp_tpa:
    case Storage::ct_nw_src:
    case Storage::ct_nw_dst: return Notation::ipv4;
    case Storage::ip6_src:
    case Storage::ip6_dst:
    case Storage::nd_target:
    case Storage::ct_ip6_src:
    case Storage::ct_ip6_dst: return Notation::ipv6;
    case Storage::xxreg0:
    case Storage::xxreg1:
    case Storage::xreg4:
    case Storage::flags:
    case Storage::ct_state:
    case Storage::ct_mark:
    case Storage::ct_label:
    case Storage::eth_type:
    case Storage::vlan_tci:
    case Storage::tcp_flags:
    case Storage::pkt_mark: return Notation::hex;
    default: return Notation::decimal;
    }
}

}  // namespace

std::string format_field_bits(Storage s, unsigned lo, unsigned width) {
    std::string out(storage_info(s).name);
    if (lo == 0 && width == storage_info(s).width) return out;
    out += '[' + std::to_string(lo);
    if (width > 1) out += ".." + std::to_string(lo + width - 1);
    return out + ']';
}

BitRun contiguous_run(Bits128 mask) {
    if (mask.is_zero()) return {};
    unsigned lo = 0;
    while (!mask.bit(lo)) ++lo;
    const Bits128 run = mask >> lo;
    const unsigned n = run.bit_width();
    return run == Bits128::ones(n) ? BitRun{lo, n} : BitRun{};
}

// Both print once or more per traced packet: std::to_chars and a digit table, not snprintf.
std::string format_mac(Bits128 value) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const auto v = value.low();
    std::string out(17, ':');
    for (int i = 0; i < 6; ++i) {
        const unsigned byte = unsigned(v >> (40 - 8 * i) & 0xff);
        out[3 * i] = kDigits[byte >> 4];
        out[3 * i + 1] = kDigits[byte & 0xf];
    }
    return out;
}

std::string format_ipv4(Bits128 value) {
    char buf[16];
    char* p = buf;
    const auto v = value.low();
    for (int i = 0; i < 4; ++i) {
        if (i > 0) *p++ = '.';
        p = std::to_chars(p, buf + sizeof buf, unsigned(v >> (24 - 8 * i) & 0xff)).ptr;
    }
    return std::string(buf, p);
}

std::string format_ipv6(Bits128 value) {
    unsigned groups[8];
    for (int i = 0; i < 8; ++i) groups[i] = static_cast<unsigned>(value.extract(112 - 16 * i, 16).low());
    // The longest run of two or more zero groups (the first one on a tie) becomes "::".
    int best = -1, best_len = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0) ++j;
        if (j - i > best_len) best = i, best_len = j - i;
        i = j;
    }
    std::string out;
    char buf[8];
    for (int i = 0; i < 8; ++i) {
        if (i == best) {
            out += "::";
            i += best_len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        std::snprintf(buf, sizeof buf, "%x", groups[i]);
        out += buf;
    }
    return out;
}

std::string format_field_value(Storage s, Bits128 value, unsigned width) {
    const bool whole = width == storage_info(s).width;
    const Notation n = whole ? notation_of(s) : (width <= 16 ? Notation::decimal : Notation::hex);
    switch (n) {
    case Notation::mac: return format_mac(value);
    case Notation::ipv4: return format_ipv4(value);
    case Notation::ipv6: return format_ipv6(value);
    case Notation::hex: return value.to_hex();
    case Notation::decimal: return value.to_decimal();
    }
    return value.to_hex();
}

}  // namespace ovnsim
