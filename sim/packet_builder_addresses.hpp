#pragma once
// The address notations of the NB and SB port tables, as the packet builder needs them:
// Logical_Switch_Port `addresses` and Port_Binding `mac` entries ("MAC IP...", "router",
// "dynamic", "unknown"), Logical_Router_Port `mac` and `networks` ("10.0.0.1/24").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/bits128.hpp"

namespace ovnsim {

struct IpAddress {
    bool v6 = false;
    Bits128 value;
    unsigned prefix = 0;  // the network's length when written as IP/LEN, else the full width

    unsigned width() const { return v6 ? 128 : 32; }
    // Whether `other` (same family) lies in this address's network.
    bool network_contains(const IpAddress& other) const;
    std::string to_string() const;  // without the prefix
    friend bool operator==(const IpAddress& a, const IpAddress& b) { return a.v6 == b.v6 && a.value == b.value; }
};

// "10.0.0.1", "fd01::1", "10.0.0.1/24"; nullopt for anything else.
std::optional<IpAddress> parse_ip_address(std::string_view text);
// "0a:58:0a:f4:01:04"; nullopt for anything else.
std::optional<Bits128> parse_mac_address(std::string_view text);

// What one `addresses` entry says.
struct PortAddressEntry {
    enum class Kind { addresses, router, dynamic, unknown, other };
    Kind kind = Kind::other;
    std::optional<Bits128> mac;   // "MAC ..." and "MAC dynamic"
    std::vector<IpAddress> ips;   // IPs written after the MAC (or after "dynamic")
};

PortAddressEntry parse_port_address_entry(std::string_view entry);

}  // namespace ovnsim
