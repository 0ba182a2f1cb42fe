#pragma once
// The logical ports of a bundle as packet endpoints: which datapath each is on, its MAC and
// IP addresses and where those came from, and the router ports each switch can reach.
// NB rows are preferred (Logical_Switch_Port addresses, Logical_Router_Port mac/networks);
// SB Port_Binding fills in what NB lacks (dynamic addresses, bundles without NB tables).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/bundle.hpp"
#include "sim/packet_builder_addresses.hpp"

namespace ovnsim {

struct PortEndpoint {
    std::string name;
    std::string datapath;  // the switch or router name ("" when no table says)
    std::string type;      // "" for a VIF, "router", "patch", ...
    std::optional<Bits128> mac;
    std::vector<IpAddress> ips;
    std::string source;  // "NB Logical_Switch_Port addresses", "SB Port_Binding mac", ...

    std::optional<IpAddress> first_ip(bool v6) const;
};

// A switch's way out: its "router" port and the router port that one names.
struct SwitchGateway {
    std::string switch_port;  // "ls1-lr1"
    PortEndpoint router_port; // "lr1-ls1" with its MAC and networks (IP/LEN)
};

class PortDirectory {
public:
    explicit PortDirectory(const Bundle& bundle);

    // Whether any table describes ports at all.
    bool empty() const { return nb_ports_ == nullptr && sb_ports_ == nullptr; }

    std::optional<PortEndpoint> port(std::string_view name) const;
    // A port (switch or router port) whose addresses include `ip`; the first in table order.
    std::optional<PortEndpoint> port_with_ip(const IpAddress& ip) const;
    // The router ports attached to switch `switch_name`, in port-name order.
    std::vector<SwitchGateway> gateways(std::string_view switch_name) const;

private:
    std::optional<PortEndpoint> nb_switch_port(const NbLogicalSwitchPort& lsp) const;
    std::optional<PortEndpoint> nb_router_port(const NbLogicalRouterPort& lrp) const;
    std::optional<PortEndpoint> sb_port(const SbPortBinding& pb) const;
    std::optional<PortEndpoint> port_named_in_sb(std::string_view name) const;

    const NbModel* nb_ = nullptr;
    const SbModel* sb_ = nullptr;
    const std::vector<NbLogicalSwitchPort>* nb_ports_ = nullptr;
    const std::vector<SbPortBinding>* sb_ports_ = nullptr;
};

}  // namespace ovnsim
