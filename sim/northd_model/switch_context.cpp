#include "sim/northd_model/switch_context.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>

namespace ovnsim {
namespace {

std::optional<std::string> normalized_ip(const std::string& text, bool ipv6) {
    unsigned char buffer[16];
    if (inet_pton(ipv6 ? AF_INET6 : AF_INET, text.c_str(), buffer) != 1) return std::nullopt;
    char out[INET6_ADDRSTRLEN];
    if (inet_ntop(ipv6 ? AF_INET6 : AF_INET, buffer, out, sizeof out) == nullptr) return std::nullopt;
    return std::string(out);
}

bool valid_port(std::string_view text) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value > 0 && value <= 65535;
}

// Port groups that have a port on each switch, in Port_Group table order.
std::unordered_map<const NbLogicalSwitch*, std::vector<const NbPortGroup*>> port_groups_by_switch(const NbModel& nb) {
    std::unordered_map<const NbLogicalSwitch*, std::vector<const NbPortGroup*>> out;
    for (const NbPortGroup& pg : nb.port_groups) {
        std::set<const NbLogicalSwitch*> switches;
        for (const NbLogicalSwitchPort* port : pg.ports) {
            if (port->logical_switch != nullptr) switches.insert(port->logical_switch);
        }
        for (const NbLogicalSwitch* ls : switches) out[ls].push_back(&pg);
    }
    return out;
}

// northd lists a router-type port only when its router port exists; without the
// Logical_Router_Port table the bundle cannot tell, so the port is taken as connected.
bool is_connected_router_port(const NbModel& nb, const NbLogicalSwitchPort& port) {
    if (port.type != "router" || port.router_port_name() == nullptr) return false;
    return port.router_port != nullptr || !nb.has_table("Logical_Router_Port");
}

void add_acls(SwitchContext& context, const std::vector<const NbAcl*>& acls) {
    if (acls.empty()) return;
    context.has_acls = true;
    for (const NbAcl* acl : acls) {
        context.acls.push_back(acl);
        if (acl->action == AclAction::allow_related) context.has_stateful_acl = true;
        int& tier = context.max_tier[static_cast<int>(acl_stage(*acl))];
        tier = std::max(tier, static_cast<int>(acl->tier));
    }
}

void add_load_balancer(SwitchContext& context, const NbLoadBalancer& lb) {
    if (!lb.vips.empty()) context.has_lb_vip = true;
    const std::string protocol = lb.protocol && !lb.protocol->empty() ? *lb.protocol : "tcp";
    for (const auto& [key, backends] : lb.vips) {
        if (auto vip = parse_lb_vip(key, protocol)) context.lb_vips.push_back(std::move(*vip));
    }
}

}  // namespace

std::optional<LbVip> parse_lb_vip(const std::string& key, const std::string& protocol) {
    LbVip vip;
    vip.protocol = protocol;
    std::string address = key;
    if (!key.empty() && key.front() == '[') {
        const auto close = key.find(']');
        if (close == std::string::npos) return std::nullopt;
        address = key.substr(1, close - 1);
        const std::string rest = key.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':' || !valid_port(rest.substr(1))) return std::nullopt;
            vip.port = rest.substr(1);
        }
        vip.ipv6 = true;
    } else if (std::count(key.begin(), key.end(), ':') == 1) {
        const auto colon = key.find(':');
        address = key.substr(0, colon);
        if (!valid_port(key.substr(colon + 1))) return std::nullopt;
        vip.port = key.substr(colon + 1);
    } else {
        vip.ipv6 = key.find(':') != std::string::npos;
    }
    auto normalized = normalized_ip(address, vip.ipv6);
    if (!normalized) return std::nullopt;
    vip.address = std::move(*normalized);
    return vip;
}

AclStage acl_stage(const NbAcl& acl) {
    if (acl.direction == AclDirection::to_lport) return AclStage::to_lport;
    return acl.apply_after_lb() ? AclStage::from_lport_after_lb : AclStage::from_lport;
}

std::vector<SwitchContext> build_switch_contexts(const NbModel& nb) {
    const auto groups = port_groups_by_switch(nb);
    std::vector<SwitchContext> contexts;
    contexts.reserve(nb.logical_switches.size());
    for (const NbLogicalSwitch& ls : nb.logical_switches) {
        SwitchContext context;
        context.ls = &ls;
        add_acls(context, ls.acls);
        if (const auto it = groups.find(&ls); it != groups.end()) {
            for (const NbPortGroup* pg : it->second) add_acls(context, pg->acls);
        }
        for (const NbLogicalSwitchPort* port : ls.ports) {
            if (is_connected_router_port(nb, *port)) context.router_ports.push_back(port);
            if (port->type == "switch") context.switch_ports.push_back(port);
            if (port->type == "localnet") context.localnet_ports.push_back(port);
        }
        for (const NbLoadBalancer* lb : ls.load_balancers) add_load_balancer(context, *lb);
        for (const NbLoadBalancerGroup* group : ls.load_balancer_groups) {
            for (const NbLoadBalancer* lb : group->load_balancers) add_load_balancer(context, *lb);
        }
        contexts.push_back(std::move(context));
    }
    return contexts;
}

}  // namespace ovnsim
