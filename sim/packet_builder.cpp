#include "sim/packet_builder.hpp"

#include "sim/field_format.hpp"
#include "sim/packet_builder_ports.hpp"

namespace ovnsim {
namespace {

[[noreturn]] void fail(const char* option, std::string message) {
    throw InputError(option, {}, std::move(message));
}

std::string in_quotes(std::string_view s) {
    std::string out(1, '"');
    out += s;
    out += '"';
    return out;
}

PortEndpoint find_port(const PortDirectory& ports, const std::string& name, const char* option) {
    if (ports.empty())
        fail(option, "the bundle has no nb/Logical_Switch_Port or sb/Port_Binding table to find port " + in_quotes(name) +
                         " in; give DATAPATH and a MICROFLOW instead");
    auto port = ports.port(name);
    if (!port) fail(option, "no logical port named " + in_quotes(name) + " (NB Logical_Switch_Port, Logical_Router_Port, SB Port_Binding)");
    return std::move(*port);
}

struct Destination {
    IpAddress ip;
    std::optional<PortEndpoint> port;  // the port that has `ip`, when one does
    std::string ip_reason;             // why this IP ("" when the user gave it)
};

Destination find_destination(const PortDirectory& ports, const PortEndpoint& from, const std::string& to) {
    Destination d;
    if (auto ip = parse_ip_address(to); ip && ip->prefix == ip->width()) {
        d.ip = *ip;
        d.port = ports.port_with_ip(*ip);
        return d;
    }
    if (to.find('/') != std::string::npos && parse_ip_address(to))
        fail("--to", "give one address, not a network: " + to);
    d.port = find_port(ports, to, "--to");
    const PortEndpoint& port = *d.port;
    if (port.ips.empty()) fail("--to", "port " + in_quotes(to) + " has no IP address (" + port.source + ")");
    for (bool v6 : {false, true}) {
        if (auto ip = port.first_ip(v6); ip && from.first_ip(v6)) {
            d.ip = *ip;
            d.ip.prefix = d.ip.width();
            d.ip_reason = "first IPv" + std::string(v6 ? "6" : "4") + " address of " + port.name + " (" + port.source + ")";
            return d;
        }
    }
    fail("--to", "ports " + in_quotes(from.name) + " and " + in_quotes(to) + " have no address family in common");
}

// The gateway `from` uses for `ip`: the router port whose network holds the source address,
// else the first router port of the switch.
const SwitchGateway* choose_gateway(const std::vector<SwitchGateway>& gateways, const IpAddress& source) {
    for (const SwitchGateway& g : gateways)
        for (const IpAddress& network : g.router_port.ips)
            if (network.network_contains(source)) return &g;
    return gateways.empty() ? nullptr : &gateways.front();
}

// Whether a router port of the switch puts `source` and `destination` in different subnets.
bool different_subnets(const std::vector<SwitchGateway>& gateways, const IpAddress& source, const IpAddress& destination) {
    for (const SwitchGateway& g : gateways)
        for (const IpAddress& network : g.router_port.ips)
            if (network.network_contains(source)) return !network.network_contains(destination);
    return false;
}

class Builder {
public:
    Builder(const Bundle& bundle, const PortPacketRequest& request) : ports_(bundle), request_(request) {}

    PortPacket build() {
        const PortEndpoint from = find_port(ports_, request_.from, "--from");
        if (from.datapath.empty())
            fail("--from", "cannot tell which datapath port " + in_quotes(from.name) +
                               " is on (no nb/Logical_Switch nor sb/Port_Binding entry for it)");
        if (!from.mac) fail("--from", "port " + in_quotes(from.name) + " has no MAC address (" + describe_source(from) + ")");
        const Destination to = find_destination(ports_, from, request_.to);
        const auto source_ip = from.first_ip(to.ip.v6);
        if (!source_ip)
            fail("--from", "port " + in_quotes(from.name) + " has no IPv" + (to.ip.v6 ? "6" : "4") + " address (" +
                               describe_source(from) + ")");
        if (request_.protocol == PortProtocol::icmp && (request_.source_port || request_.destination_port))
            fail("--sport", "--sport and --dport need --tcp or --udp");

        packet_.datapath = from.datapath;
        packet_.destination_port = to.port ? to.port->name : std::string();
        const std::string ip = to.ip.v6 ? "ip6" : "ip4";
        add("inport", in_quotes(from.name), "");
        add("eth.src", format_mac(*from.mac), "MAC of " + from.name + " (" + from.source + ")");
        add_destination_mac(from, *source_ip, to);
        add(ip + ".src", source_ip->to_string(),
            "first IPv" + std::string(to.ip.v6 ? "6" : "4") + " address of " + from.name + " (" + from.source + ")");
        add(ip + ".dst", to.ip.to_string(), to.ip_reason);
        add("ip.ttl", "64", "default TTL");
        add_transport(to.ip.v6);
        return std::move(packet_);
    }

private:
    static std::string describe_source(const PortEndpoint& p) { return p.source.empty() ? "no address entry" : p.source; }

    void add(const std::string& field, const std::string& value, const std::string& reason) {
        if (!packet_.microflow.empty()) packet_.microflow += " && ";
        packet_.microflow += field + " == " + value;
        if (!reason.empty()) packet_.chosen.push_back({field, value, reason});
    }
    void add_predicate(const std::string& name, const std::string& reason) {
        packet_.microflow += " && " + name;
        if (!reason.empty()) packet_.chosen.push_back({"protocol", name, reason});
    }

    void add_destination_mac(const PortEndpoint& from, const IpAddress& source, const Destination& to) {
        const std::vector<SwitchGateway> gateways = ports_.gateways(from.datapath);
        const bool same_switch = to.port && to.port->datapath == from.datapath && to.port->mac;
        if (same_switch && !different_subnets(gateways, source, to.ip)) {
            add("eth.dst", format_mac(*to.port->mac), "MAC of " + to.port->name + " (" + to.port->source + ")");
            return;
        }
        const SwitchGateway* gateway = choose_gateway(gateways, source);
        const std::string where = to.port ? (to.port->datapath.empty() ? "port " + to.port->name
                                                                        : "port " + to.port->name + " on " + to.port->datapath)
                                          : "no port of " + from.datapath;
        if (gateway == nullptr)
            fail("--to", to.ip.to_string() + " is " + (to.port ? "on " + where : "not an address of any port") +
                             " and switch " + in_quotes(from.datapath) + " has no router port to reach it through");
        add("eth.dst", format_mac(*gateway->router_port.mac),
            "MAC of router port " + gateway->router_port.name + " (" + gateway->router_port.source + "), " +
                from.name + "'s gateway: " + to.ip.to_string() + " is behind a router (" + where + ")");
    }

    void add_transport(bool v6) {
        const bool defaulted = !request_.protocol;
        const PortProtocol protocol = request_.protocol.value_or(PortProtocol::tcp);
        const std::string why_protocol = defaulted ? "default protocol" : "";
        if (protocol == PortProtocol::icmp) {
            const std::string icmp = v6 ? "icmp6" : "icmp4";
            add_predicate(icmp, why_protocol);
            add(icmp + ".type", v6 ? "128" : "8", "echo request");
            add(icmp + ".code", "0", "echo request");
            return;
        }
        const std::string l4 = protocol == PortProtocol::tcp ? "tcp" : "udp";
        add_predicate(l4, why_protocol);
        add(l4 + ".src", std::to_string(request_.source_port.value_or(kDefaultSourcePort)),
            request_.source_port ? "" : "default source port (first IANA dynamic port)");
        const std::uint16_t default_dport = protocol == PortProtocol::tcp ? 80 : 53;
        add(l4 + ".dst", std::to_string(request_.destination_port.value_or(default_dport)),
            request_.destination_port ? "" : "default destination port (" + std::string(protocol == PortProtocol::tcp ? "HTTP" : "DNS") + ")");
        if (protocol == PortProtocol::tcp) add("tcp.flags", "0x002", "SYN: the first packet of a connection");
    }

    PortDirectory ports_;
    const PortPacketRequest& request_;
    PortPacket packet_;
};

}  // namespace

PortPacket build_port_packet(const Bundle& bundle, const PortPacketRequest& request) {
    return Builder(bundle, request).build();
}

}  // namespace ovnsim
