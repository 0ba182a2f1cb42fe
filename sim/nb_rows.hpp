#pragma once
// Typed rows of the OVN Northbound tables a simulator and analyzer need (ovn-nb.xml;
// ovn-reference.md §7). Each row keeps the UUIDs it references (the data) and pointers to
// the referenced rows (derived by NbModel::resolve(); null when the reference dangles or
// the target table was not loaded).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parser/ovsdb_row_reader.hpp"
#include "parser/ovsdb_uuid.hpp"

namespace ovnsim {

struct NbAcl;
struct NbLogicalSwitch;
struct NbLogicalSwitchPort;
struct NbLogicalRouter;
struct NbLogicalRouterPort;
struct NbPortGroup;
struct NbLoadBalancer;
struct NbLoadBalancerGroup;

struct NbSampleCollector {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::int64_t id = 0;  // 1..255
    std::string name;
    std::int64_t probability = 0;  // 0..65535
    std::int64_t set_id = 0;       // the IPFIX collector set (Flow_Sample_Collector_Set id)
    OvsdbStringMap external_ids;
};

struct NbSample {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::int64_t metadata = 0;  // the obs_point_id
    std::vector<Uuid> collector_uuids;
    std::vector<const NbSampleCollector*> collectors;  // resolved, in UUID order
};

struct NbSamplingApp {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string type;  // "drop", "acl-new" or "acl-est"
    std::int64_t id = 0;
    OvsdbStringMap external_ids;
};

enum class AclDirection { from_lport, to_lport };
enum class AclAction { allow, allow_related, allow_stateless, drop, reject, pass, unknown };

struct NbAcl {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::optional<std::string> name;
    std::int64_t priority = 0;
    AclDirection direction = AclDirection::from_lport;
    std::string match;
    AclAction action = AclAction::unknown;
    std::string action_name;  // as written, also for actions this enum does not know
    bool log = false;
    std::optional<std::string> severity;
    std::optional<std::string> meter;
    std::int64_t label = 0;
    std::int64_t tier = 0;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;
    std::optional<Uuid> sample_new_uuid;
    std::optional<Uuid> sample_est_uuid;

    const NbSample* sample_new = nullptr;
    const NbSample* sample_est = nullptr;
    std::vector<const NbLogicalSwitch*> switches;  // owners through Logical_Switch.acls
    std::vector<const NbPortGroup*> port_groups;   // owners through Port_Group.acls

    bool apply_after_lb() const { return ovsdb_option_is_true(options, "apply-after-lb"); }
    bool log_related() const { return ovsdb_option_is_true(options, "log-related"); }
    bool persist_established() const { return ovsdb_option_is_true(options, "persist-established"); }
    // What northd writes as the external_ids:stage-hint of the flows this ACL produces.
    std::uint32_t stage_hint() const { return uuid.prefix32(); }
};

struct NbPortGroup {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::vector<Uuid> port_uuids;  // weak references
    std::vector<Uuid> acl_uuids;
    OvsdbStringMap external_ids;

    std::vector<const NbLogicalSwitchPort*> ports;
    std::vector<const NbAcl*> acls;
};

struct NbAddressSet {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::vector<std::string> addresses;
    OvsdbStringMap external_ids;
};

struct NbLogicalSwitch {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::vector<Uuid> port_uuids;
    std::vector<Uuid> acl_uuids;
    std::vector<Uuid> load_balancer_uuids;
    std::vector<Uuid> load_balancer_group_uuids;
    OvsdbStringMap other_config;
    OvsdbStringMap external_ids;

    std::vector<const NbLogicalSwitchPort*> ports;
    std::vector<const NbAcl*> acls;
    std::vector<const NbLoadBalancer*> load_balancers;
    std::vector<const NbLoadBalancerGroup*> load_balancer_groups;
};

struct NbLogicalSwitchPort {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::string type;  // "" for a VIF, "router", "localnet", "patch", ...
    std::vector<std::string> addresses;
    std::vector<std::string> port_security;
    std::optional<std::string> parent_name;
    std::optional<std::int64_t> tag;
    std::optional<bool> enabled;
    std::optional<bool> up;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;

    const NbLogicalSwitch* logical_switch = nullptr;  // the switch whose ports hold it
    std::vector<const NbPortGroup*> port_groups;
    const NbLogicalRouterPort* router_port = nullptr;  // for type "router": options:router-port

    const std::string* router_port_name() const { return ovsdb_option(options, "router-port"); }
};

struct NbLogicalRouter {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::optional<bool> enabled;
    std::vector<Uuid> port_uuids;
    std::vector<Uuid> load_balancer_uuids;
    std::vector<Uuid> load_balancer_group_uuids;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;

    std::vector<const NbLogicalRouterPort*> ports;
    std::vector<const NbLoadBalancer*> load_balancers;
    std::vector<const NbLoadBalancerGroup*> load_balancer_groups;
};

struct NbLogicalRouterPort {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::string mac;
    std::vector<std::string> networks;  // "10.244.1.1/24"
    std::optional<std::string> peer;    // name of the peer router port (router-to-router)
    std::optional<bool> enabled;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;

    const NbLogicalRouter* router = nullptr;
    const NbLogicalRouterPort* peer_port = nullptr;
    const NbLogicalSwitchPort* switch_port = nullptr;  // the "router" LSP pointing at it
};

struct NbLoadBalancer {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    OvsdbStringMap vips;  // "10.96.0.1:80" -> "10.244.1.5:8080,10.244.2.5:8080"
    std::optional<std::string> protocol;
    std::vector<std::string> selection_fields;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;
};

struct NbLoadBalancerGroup {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::vector<Uuid> load_balancer_uuids;

    std::vector<const NbLoadBalancer*> load_balancers;
};

struct NbGlobal {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::int64_t nb_cfg = 0;
    OvsdbStringMap options;  // default_acl_drop, debug_drop_collector_set, ...
    OvsdbStringMap external_ids;
};

}  // namespace ovnsim
