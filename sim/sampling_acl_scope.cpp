#include "sim/sampling_acl_scope.hpp"

#include <algorithm>

namespace ovnsim {
namespace {

void add_unique(std::vector<const NbLogicalSwitch*>& switches, const NbLogicalSwitch* logical_switch) {
    if (std::find(switches.begin(), switches.end(), logical_switch) == switches.end()) {
        switches.push_back(logical_switch);
    }
}

}  // namespace

AclScope::AclScope(const NbModel& nb) {
    known_ = nb.has_table("Logical_Switch") &&
             (nb.port_groups.empty() || (nb.has_table("Port_Group") && nb.has_table("Logical_Switch_Port")));
    std::unordered_map<const NbPortGroup*, std::vector<const NbLogicalSwitch*>> port_group_switches;
    for (const NbPortGroup& group : nb.port_groups) {
        auto& switches = port_group_switches[&group];
        for (const NbLogicalSwitchPort* port : group.ports) {
            if (port->logical_switch) add_unique(switches, port->logical_switch);
        }
    }
    for (const NbAcl& acl : nb.acls) {
        auto& switches = switches_[&acl];
        for (const NbLogicalSwitch* logical_switch : acl.switches) add_unique(switches, logical_switch);
        for (const NbPortGroup* group : acl.port_groups) {
            for (const NbLogicalSwitch* ls : port_group_switches[group]) add_unique(switches, ls);
        }
        std::sort(switches.begin(), switches.end(),
                  [](const NbLogicalSwitch* a, const NbLogicalSwitch* b) { return a->name < b->name; });
        if (acl.action == AclAction::allow_related) {
            for (const NbLogicalSwitch* logical_switch : switches) stateful_.insert(logical_switch);
        }
    }
}

std::span<const NbLogicalSwitch* const> AclScope::switches(const NbAcl& acl) const {
    const auto it = switches_.find(&acl);
    if (it == switches_.end()) return {};
    return it->second;
}

}  // namespace ovnsim
