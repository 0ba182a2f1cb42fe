#pragma once
// Packets the way people think of them: "from pod vif1 to vif2 (or to 10.244.2.6), TCP port
// 8080". The builder looks the ports up in the bundle (sim/packet_builder_ports.hpp), picks
// the addresses a real sender would use and writes the microflow ovn-trace would take:
//   - source MAC and IP: the first address entry of the `from` port (same family as the
//     destination; IPv4 when both families are possible);
//   - destination IP: the `to` address, or the first address of the `to` port;
//   - destination MAC: the `to` port's MAC when it is on the same switch and subnet, else
//     the MAC of the switch's router port (the sender's gateway) — NB Logical_Router_Port
//     mac through the switch's "router" port, or SB Port_Binding mac of its patch peer;
//   - TCP by default, source port 49152 (the first IANA dynamic port), destination port 80
//     (TCP) or 53 (UDP), SYN flags for TCP, ICMP echo request, ip.ttl 64.
// Every value the user did not give is listed with where it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/bundle.hpp"

namespace ovnsim {

enum class PortProtocol { tcp, udp, icmp };

struct PortPacketRequest {
    std::string from;  // a logical port
    std::string to;    // a logical port, or an IPv4/IPv6 address
    std::optional<PortProtocol> protocol;
    std::optional<std::uint16_t> source_port;
    std::optional<std::uint16_t> destination_port;
};

// A value the builder filled in.
struct ChosenValue {
    std::string field;   // "eth.dst"
    std::string value;   // as written in the microflow: "0a:00:00:00:ff:01"
    std::string reason;  // "router port lr1-ls1 (NB Logical_Router_Port lr1-ls1 mac and networks): ..."
    friend bool operator==(const ChosenValue&, const ChosenValue&) = default;
};

struct PortPacket {
    std::string datapath;   // the datapath `from` is on: where the trace starts
    std::string microflow;  // ovn-trace microflow syntax
    std::vector<ChosenValue> chosen;
    std::string destination_port;  // the port owning the destination address ("" when unknown)
};

// Throws InputError (file "--from" or "--to") for an unknown port, a port with no usable
// address, no common address family, an address no port has on a switch without a router
// port, or --sport/--dport with ICMP.
PortPacket build_port_packet(const Bundle& bundle, const PortPacketRequest& request);

inline constexpr std::uint16_t kDefaultSourcePort = 49152;

}  // namespace ovnsim
