#pragma once
// Where ACLs apply, as northd sees it: the logical switches an ACL reaches through
// Logical_Switch.acls and through Port_Groups that have a port on the switch, and which
// switches are stateful — S in ovn-reference.md §5.2: at least one allow-related ACL of
// its own or through its port groups.
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sim/nb_model.hpp"

namespace ovnsim {

class AclScope {
public:
    explicit AclScope(const NbModel& nb);

    // The switches `acl` applies to, by name; empty when it reaches none.
    std::span<const NbLogicalSwitch* const> switches(const NbAcl& acl) const;
    bool stateful(const NbLogicalSwitch& logical_switch) const { return stateful_.contains(&logical_switch); }
    // Whether the bundle has what it takes to know (Logical_Switch and, for port-group
    // ACLs, Port_Group and Logical_Switch_Port).
    bool known() const { return known_; }

private:
    std::unordered_map<const NbAcl*, std::vector<const NbLogicalSwitch*>> switches_;
    std::unordered_set<const NbLogicalSwitch*> stateful_;
    bool known_ = false;
};

}  // namespace ovnsim
