#pragma once
// What northd knows about one logical switch before it builds the ACL flows (its
// ls_stateful_record and port lists): the ACLs that apply to it (its own and those of every
// port group with a port on it), whether any is allow-related, whether it has load
// balancer VIPs, the highest tier per ACL stage, and the ports that skip conntrack.
#include <optional>
#include <string>
#include <vector>

#include "sim/nb_model.hpp"

namespace ovnsim {

// One VIP as northd's ovn_lb_vip sees it: "10.96.0.10:80" -> {"10.96.0.10", "80"}.
struct LbVip {
    std::string address;  // normalized text, without brackets
    bool ipv6 = false;
    std::optional<std::string> port;
    std::string protocol;  // "tcp", "udp" or "sctp"
};

// Parses a Load_Balancer vips key; nullopt for keys northd would reject (or templates).
std::optional<LbVip> parse_lb_vip(const std::string& key, const std::string& protocol);

// The three ACL pipelines of a switch, in northd's acl_observation_stage order.
enum class AclStage { from_lport = 0, from_lport_after_lb = 1, to_lport = 2 };
AclStage acl_stage(const NbAcl& acl);

struct SwitchContext {
    const NbLogicalSwitch* ls = nullptr;
    std::vector<const NbAcl*> acls;  // Logical_Switch.acls, then each port group's
    bool has_acls = false;
    bool has_stateful_acl = false;  // any allow-related ACL
    bool has_lb_vip = false;
    int max_tier[3] = {0, 0, 0};    // by AclStage
    std::vector<const NbLogicalSwitchPort*> router_ports;
    std::vector<const NbLogicalSwitchPort*> switch_ports;
    std::vector<const NbLogicalSwitchPort*> localnet_ports;
    std::vector<LbVip> lb_vips;     // every VIP of every load balancer on the switch

    bool has_stateful() const { return has_stateful_acl || has_lb_vip; }
};

// One context per NB Logical_Switch, in table order.
std::vector<SwitchContext> build_switch_contexts(const NbModel& nb);

}  // namespace ovnsim
