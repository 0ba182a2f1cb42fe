#pragma once
// OVN-Kubernetes' view of a sampled ACL (ovn-kubernetes go-controller/observability-lib:
// sampledecoder getACLEvent and model.ACLEvent.String(); ovnk-observability.md §A2.3-A2.5),
// reproduced string for string, quirks included.
#include <optional>
#include <string>
#include <string_view>

#include "sim/nb_rows.hpp"

namespace ovnsim::ovnk {

// ACL external_ids keys written by OVN-Kubernetes (libovsdbops db_object_ids.go).
inline constexpr std::string_view kOwnerTypeKey = "k8s.ovn.org/owner-type";
inline constexpr std::string_view kObjectNameKey = "k8s.ovn.org/name";
inline constexpr std::string_view kPrimaryIdKey = "k8s.ovn.org/id";
inline constexpr std::string_view kDirectionKey = "direction";  // unprefixed, literally

// Owner types (libovsdbops db_object_types.go) that the decoder has a message for.
inline constexpr std::string_view kAdminNetworkPolicy = "AdminNetworkPolicy";
inline constexpr std::string_view kBaselineAdminNetworkPolicy = "BaselineAdminNetworkPolicy";
inline constexpr std::string_view kMulticastNamespace = "MulticastNS";
inline constexpr std::string_view kMulticastCluster = "MulticastCluster";
inline constexpr std::string_view kNetpolNode = "NetpolNode";
inline constexpr std::string_view kNetworkPolicy = "NetworkPolicy";
inline constexpr std::string_view kNetpolNamespace = "NetpolNamespace";
inline constexpr std::string_view kEgressFirewall = "EgressFirewall";
inline constexpr std::string_view kUdnIsolation = "UDNIsolation";

// Sampling_App ids OVN-Kubernetes creates and its decoder assumes (observability.go).
inline constexpr std::uint8_t kDropSamplingId = 1;
inline constexpr std::uint8_t kAclNewSamplingId = 2;
inline constexpr std::uint8_t kAclEstSamplingId = 3;

// model.ACLEvent.
struct AclEvent {
    std::string action;  // the NB ACL action, as written
    std::string actor;   // the owner type
    std::string name;
    std::string ns;
    std::string direction;
};

// getACLEvent: the event, or the decoder's error ("expected format namespace:name for
// Object Name, but found: X").
struct AclEventResult {
    std::optional<AclEvent> event;
    std::string error;
};
AclEventResult acl_event(const NbAcl& acl);

// ACLEvent.String(): "<Allowed|Dropped|Delegated to network policy|Action X> by <msg>".
std::string event_message(const AclEvent& event);

// Whether event_message() has a reason for this owner type (otherwise it prints "... by ").
bool has_message_for_actor(std::string_view actor);

}  // namespace ovnsim::ovnk
