#include "sim/ovnk_acl_event.hpp"

#include <array>

namespace ovnsim::ovnk {
namespace {

std::string external_id(const NbAcl& acl, std::string_view key) {
    const std::string* value = ovsdb_option(acl.external_ids, key);
    return value ? *value : std::string();
}

std::string action_word(const std::string& action) {
    if (action == "allow" || action == "allow-related" || action == "allow-stateless") return "Allowed";
    if (action == "drop") return "Dropped";
    if (action == "pass") return "Delegated to network policy";
    return "Action " + action;  // "Action reject": the decoder has no word for reject
}

}  // namespace

AclEventResult acl_event(const NbAcl& acl) {
    AclEvent event;
    event.action = acl.action_name;
    event.actor = external_id(acl, kOwnerTypeKey);
    const std::string& actor = event.actor;
    if (actor == kNetworkPolicy) {
        const std::string object_name = external_id(acl, kObjectNameKey);
        const auto colon = object_name.find(':');  // strings.SplitN(name, ":", 2)
        if (colon == std::string::npos) {
            return {std::nullopt, "expected format namespace:name for Object Name, but found: " + object_name};
        }
        event.ns = object_name.substr(0, colon);
        event.name = object_name.substr(colon + 1);
        event.direction = external_id(acl, kDirectionKey);
    } else if (actor == kAdminNetworkPolicy || actor == kBaselineAdminNetworkPolicy) {
        event.name = external_id(acl, kObjectNameKey);
        event.direction = external_id(acl, kDirectionKey);
    } else if (actor == kMulticastNamespace || actor == kNetpolNamespace) {
        event.ns = external_id(acl, kObjectNameKey);
        event.direction = external_id(acl, kDirectionKey);
    } else if (actor == kMulticastCluster) {
        event.direction = external_id(acl, kDirectionKey);
    } else if (actor == kEgressFirewall) {
        event.ns = external_id(acl, kObjectNameKey);
        event.direction = "Egress";
    } else if (actor == kUdnIsolation) {
        event.name = external_id(acl, kObjectNameKey);
    } else if (actor == kNetpolNode) {
        event.direction = "Ingress";
    }
    return {std::move(event), {}};
}

std::string event_message(const AclEvent& e) {
    std::string msg;
    const std::string& actor = e.actor;
    if (actor == kAdminNetworkPolicy) {
        msg = "admin network policy " + e.name + ", direction " + e.direction;
    } else if (actor == kBaselineAdminNetworkPolicy) {
        msg = "baseline admin network policy " + e.name + ", direction " + e.direction;
    } else if (actor == kMulticastNamespace) {
        msg = "multicast in namespace " + e.ns + ", direction " + e.direction;
    } else if (actor == kMulticastCluster) {
        msg = "cluster multicast policy, direction " + e.direction;
    } else if (actor == kNetpolNode) {
        msg = "default allow from local node policy, direction " + e.direction;
    } else if (actor == kNetworkPolicy) {
        msg = e.ns.empty() ? "network policy " + e.name + ", direction " + e.direction
                           : "network policy " + e.name + " in namespace " + e.ns + ", direction " + e.direction;
    } else if (actor == kNetpolNamespace) {
        msg = "network policies isolation in namespace " + e.ns + ", direction " + e.direction;
    } else if (actor == kEgressFirewall) {
        msg = "egress firewall in namespace " + e.ns;
    } else if (actor == kUdnIsolation) {
        msg = "UDN isolation of type " + e.name;
    }
    return action_word(e.action) + " by " + msg;
}

bool has_message_for_actor(std::string_view actor) {
    constexpr std::array known{kAdminNetworkPolicy, kBaselineAdminNetworkPolicy, kMulticastNamespace,
                               kMulticastCluster,   kNetpolNode,                 kNetworkPolicy,
                               kNetpolNamespace,    kEgressFirewall,             kUdnIsolation};
    for (std::string_view k : known) {
        if (k == actor) return true;
    }
    return false;
}

}  // namespace ovnsim::ovnk
