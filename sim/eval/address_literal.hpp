#pragma once
// The address strings OVN tables hold (Address_Set.addresses, Port_Binding.mac,
// Logical_Switch_Port.addresses, ct_lb backends, --lb-dst): IPv4 / IPv6 addresses with an
// optional /prefix or /mask, MAC addresses, and decimal or hex integers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/bits128.hpp"

namespace ovnsim {

struct AddressLiteral {
    enum class Kind : std::uint8_t { ipv4, ipv6, mac, integer };
    Kind kind = Kind::integer;
    Bits128 value;  // right-aligned, bits outside mask cleared
    Bits128 mask;   // all ones of the kind's width when no mask was written
    bool masked = false;
    unsigned width() const { return kind == Kind::ipv4 ? 32 : kind == Kind::ipv6 ? 128 : kind == Kind::mac ? 48 : 128; }
};

std::optional<AddressLiteral> parse_address_literal(std::string_view text);

// "MAC [IP...]" as in Logical_Switch_Port.addresses / Port_Binding.mac / port_security:
// the MAC (nullopt when the first word is not one, e.g. "unknown", "router", "dynamic")
// and each IPv4 / IPv6 address that follows (prefixes dropped).
struct PortAddresses {
    std::optional<Bits128> mac;
    std::vector<Bits128> ipv4;
    std::vector<Bits128> ipv6;
};
PortAddresses parse_port_addresses(std::string_view text);

// "IP", "IP:PORT", "[IPv6]:PORT" (ct_lb backends, --lb-dst).
struct AddressPort {
    AddressLiteral address;
    std::optional<std::uint16_t> port;
};
std::optional<AddressPort> parse_address_port(std::string_view text);

}  // namespace ovnsim
