#include "sim/packet_builder_ports.hpp"

#include <algorithm>

namespace ovnsim {
namespace {

// The first entry of `entries` that gives a MAC (and its IPs), skipping "unknown" and
// anything unparseable; `router` and `dynamic` entries are reported to the caller.
struct FirstEntry {
    std::optional<PortAddressEntry> usable;  // kind addresses
    bool router = false;
    std::optional<PortAddressEntry> dynamic;
};

FirstEntry first_entry(const std::vector<std::string>& entries) {
    FirstEntry out;
    for (const std::string& text : entries) {
        PortAddressEntry e = parse_port_address_entry(text);
        switch (e.kind) {
        case PortAddressEntry::Kind::addresses: out.usable = std::move(e); return out;
        case PortAddressEntry::Kind::router: out.router = true; return out;
        case PortAddressEntry::Kind::dynamic: out.dynamic = std::move(e); return out;
        case PortAddressEntry::Kind::unknown:
        case PortAddressEntry::Kind::other: break;
        }
    }
    return out;
}

bool has_ip(const PortEndpoint& port, const IpAddress& ip) {
    return std::find(port.ips.begin(), port.ips.end(), ip) != port.ips.end();
}

}  // namespace

std::optional<IpAddress> PortEndpoint::first_ip(bool v6) const {
    for (const IpAddress& ip : ips)
        if (ip.v6 == v6) return ip;
    return std::nullopt;
}

PortDirectory::PortDirectory(const Bundle& bundle) {
    if (bundle.has_nb()) {
        nb_ = &bundle.nb();
        if (nb_->has_table("Logical_Switch_Port")) nb_ports_ = &nb_->logical_switch_ports;
    }
    if (bundle.has_sb()) {
        sb_ = &bundle.sb_without_logical_flows();
        if (sb_->has_table("Port_Binding")) sb_ports_ = &sb_->port_bindings;
    }
}

std::optional<PortEndpoint> PortDirectory::nb_switch_port(const NbLogicalSwitchPort& lsp) const {
    const SbPortBinding* binding = sb_ ? sb_->port_binding(lsp.name) : nullptr;
    std::optional<PortEndpoint> from_sb = binding ? sb_port(*binding) : std::nullopt;
    PortEndpoint port;
    port.name = lsp.name;
    port.type = lsp.type;
    port.datapath = lsp.logical_switch ? lsp.logical_switch->name : from_sb ? from_sb->datapath : std::string();
    const FirstEntry entry = first_entry(lsp.addresses);
    if (entry.usable) {
        port.mac = entry.usable->mac;
        port.ips = entry.usable->ips;
        port.source = "NB Logical_Switch_Port " + lsp.name + " addresses";
        return port;
    }
    if (entry.router) {
        std::optional<PortEndpoint> router_port;
        if (lsp.router_port) router_port = nb_router_port(*lsp.router_port);
        else if (const std::string* name = lsp.router_port_name()) router_port = port_named_in_sb(*name);
        if (router_port && router_port->mac) {
            port.mac = router_port->mac;
            port.ips = router_port->ips;
            port.source = router_port->source + " (\"router\" addresses of " + lsp.name + ")";
            return port;
        }
    }
    if (from_sb && from_sb->mac) {
        // Dynamic addresses live in SB Port_Binding mac; keep a MAC NB fixed.
        if (entry.dynamic && entry.dynamic->mac) from_sb->mac = entry.dynamic->mac;
        from_sb->type = lsp.type;
        if (from_sb->datapath.empty()) from_sb->datapath = port.datapath;
        return from_sb;
    }
    if (entry.dynamic) {
        port.mac = entry.dynamic->mac;
        port.ips = entry.dynamic->ips;
        port.source = "NB Logical_Switch_Port " + lsp.name + " addresses (dynamic, no SB Port_Binding)";
    }
    return port;
}

std::optional<PortEndpoint> PortDirectory::nb_router_port(const NbLogicalRouterPort& lrp) const {
    PortEndpoint port;
    port.name = lrp.name;
    port.type = "patch";
    port.datapath = lrp.router ? lrp.router->name : std::string();
    if (port.datapath.empty() && sb_) {
        if (const SbPortBinding* pb = sb_->port_binding(lrp.name); pb && pb->datapath) port.datapath = pb->datapath->name;
    }
    port.mac = parse_mac_address(lrp.mac);
    for (const std::string& network : lrp.networks)
        if (auto ip = parse_ip_address(network)) port.ips.push_back(*ip);
    port.source = "NB Logical_Router_Port " + lrp.name + " mac and networks";
    return port;
}

std::optional<PortEndpoint> PortDirectory::sb_port(const SbPortBinding& pb) const {
    PortEndpoint port;
    port.name = pb.logical_port;
    port.type = pb.type;
    port.datapath = pb.datapath ? pb.datapath->name : std::string();
    const FirstEntry entry = first_entry(pb.mac);
    if (entry.usable) {
        port.mac = entry.usable->mac;
        port.ips = entry.usable->ips;
        port.source = "SB Port_Binding " + pb.logical_port + " mac";
    } else if (entry.router && pb.peer) {
        const FirstEntry peer = first_entry(pb.peer->mac);
        if (peer.usable) {
            port.mac = peer.usable->mac;
            port.ips = peer.usable->ips;
            port.source = "SB Port_Binding " + pb.peer->logical_port + " mac (peer of " + pb.logical_port + ")";
        }
    }
    return port;
}

std::optional<PortEndpoint> PortDirectory::port_named_in_sb(std::string_view name) const {
    if (sb_ports_ == nullptr) return std::nullopt;
    const SbPortBinding* pb = sb_->port_binding(name);
    return pb ? sb_port(*pb) : std::nullopt;
}

std::optional<PortEndpoint> PortDirectory::port(std::string_view name) const {
    if (nb_ports_ != nullptr) {
        if (const NbLogicalSwitchPort* lsp = nb_->logical_switch_port(name)) return nb_switch_port(*lsp);
    }
    if (nb_ != nullptr && nb_->has_table("Logical_Router_Port")) {
        if (const NbLogicalRouterPort* lrp = nb_->logical_router_port(name)) return nb_router_port(*lrp);
    }
    return port_named_in_sb(name);
}

std::optional<PortEndpoint> PortDirectory::port_with_ip(const IpAddress& ip) const {
    if (nb_ports_ != nullptr) {
        for (const NbLogicalSwitchPort& lsp : *nb_ports_) {
            if (lsp.type == "router") continue;  // its addresses are the router port's
            if (auto p = nb_switch_port(lsp); p && has_ip(*p, ip)) return p;
        }
    }
    if (nb_ != nullptr) {
        for (const NbLogicalRouterPort& lrp : nb_->logical_router_ports)
            if (auto p = nb_router_port(lrp); p && has_ip(*p, ip)) return p;
    }
    if (sb_ports_ != nullptr) {
        for (const SbPortBinding& pb : *sb_ports_) {
            if (!pb.mac.empty() && pb.mac.front() == "router") continue;
            if (auto p = sb_port(pb); p && has_ip(*p, ip)) return port(pb.logical_port);
        }
    }
    return std::nullopt;
}

std::vector<SwitchGateway> PortDirectory::gateways(std::string_view switch_name) const {
    std::vector<SwitchGateway> out;
    const NbLogicalSwitch* ls = nb_ && nb_->has_table("Logical_Switch") ? nb_->logical_switch(switch_name) : nullptr;
    if (ls != nullptr && nb_ports_ != nullptr) {
        for (const NbLogicalSwitchPort* lsp : ls->ports) {
            if (lsp->type != "router") continue;
            std::optional<PortEndpoint> router_port;
            if (lsp->router_port) router_port = nb_router_port(*lsp->router_port);
            else if (const std::string* name = lsp->router_port_name()) router_port = port_named_in_sb(*name);
            if (router_port && router_port->mac) out.push_back({lsp->name, std::move(*router_port)});
        }
    } else if (sb_ports_ != nullptr) {
        const SbDatapathBinding* dp = sb_->datapath(switch_name);
        for (const SbPortBinding* pb : dp ? dp->ports : std::vector<const SbPortBinding*>{}) {
            if (pb->type != "patch" || pb->peer == nullptr || pb->peer->datapath == dp) continue;
            if (pb->peer->datapath && pb->peer->datapath->kind == DatapathKind::logical_switch) continue;
            if (auto router_port = sb_port(*pb->peer); router_port && router_port->mac)
                out.push_back({pb->logical_port, std::move(*router_port)});
        }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.switch_port < b.switch_port; });
    return out;
}

}  // namespace ovnsim
