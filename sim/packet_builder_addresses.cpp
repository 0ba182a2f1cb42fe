#include "sim/packet_builder_addresses.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

#include "sim/field_format.hpp"

namespace ovnsim {
namespace {

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) out.push_back(text.substr(start, i - start));
    }
    return out;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool IpAddress::network_contains(const IpAddress& other) const {
    if (other.v6 != v6) return false;
    const Bits128 mask = Bits128::mask(width() - prefix, prefix);
    return (value & mask) == (other.value & mask);
}

std::string IpAddress::to_string() const { return v6 ? format_ipv6(value) : format_ipv4(value); }

std::optional<IpAddress> parse_ip_address(std::string_view text) {
    std::string address(text.substr(0, text.find('/')));
    IpAddress ip;
    unsigned char bytes[16];
    if (inet_pton(AF_INET, address.c_str(), bytes) == 1) {
        ip.value = (std::uint64_t{bytes[0]} << 24) | (std::uint64_t{bytes[1]} << 16) | (std::uint64_t{bytes[2]} << 8) |
                   bytes[3];
    } else if (inet_pton(AF_INET6, address.c_str(), bytes) == 1) {
        ip.v6 = true;
        for (unsigned char b : bytes) ip.value = (ip.value << 8) | Bits128(b);
    } else {
        return std::nullopt;
    }
    ip.prefix = ip.width();
    if (address.size() < text.size()) {
        const std::string_view len = text.substr(address.size() + 1);
        unsigned prefix = 0;
        const auto [end, ec] = std::from_chars(len.data(), len.data() + len.size(), prefix);
        if (ec != std::errc() || end != len.data() + len.size() || len.empty() || prefix > ip.width())
            return std::nullopt;
        ip.prefix = prefix;
    }
    return ip;
}

std::optional<Bits128> parse_mac_address(std::string_view text) {
    if (text.size() != 17) return std::nullopt;
    Bits128 mac;
    for (std::size_t i = 0; i < 17; i += 3) {
        const int hi = hex_digit(text[i]);
        const int lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0 || (i + 2 < 17 && text[i + 2] != ':')) return std::nullopt;
        mac = (mac << 8) | Bits128(static_cast<std::uint64_t>(hi * 16 + lo));
    }
    return mac;
}

PortAddressEntry parse_port_address_entry(std::string_view entry) {
    PortAddressEntry out;
    const auto w = words(entry);
    if (w.empty()) return out;
    if (w.size() == 1 && w[0] == "router") {
        out.kind = PortAddressEntry::Kind::router;
        return out;
    }
    if (w.size() == 1 && w[0] == "unknown") {
        out.kind = PortAddressEntry::Kind::unknown;
        return out;
    }
    std::size_t next = 0;
    if (w[0] == "dynamic") {
        out.kind = PortAddressEntry::Kind::dynamic;
        next = 1;
    } else if (auto mac = parse_mac_address(w[0])) {
        out.mac = mac;
        out.kind = PortAddressEntry::Kind::addresses;
        next = 1;
    } else {
        return out;
    }
    for (; next < w.size(); ++next) {
        if (w[next] == "dynamic") {
            out.kind = PortAddressEntry::Kind::dynamic;
        } else if (auto ip = parse_ip_address(w[next])) {
            out.ips.push_back(*ip);
        } else {
            out.kind = PortAddressEntry::Kind::other;
            return out;
        }
    }
    return out;
}

}  // namespace ovnsim
