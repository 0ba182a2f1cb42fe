#include "sim/sampling_shadowing.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace ovnsim {
namespace {

// Whether `first` is evaluated before `second` and ends the evaluation when it matches: a
// pass ends its own tier too, but hands the packet to the next one.
bool decides_before(const NbAcl& first, const NbAcl& second) {
    if (first.tier != second.tier) return first.tier < second.tier && first.action != AclAction::pass;
    return first.priority > second.priority;
}

// Where an ACL applies: its switches when the bundle tells, else the rows that own it.
std::vector<const void*> reach(const AclScope& scope, const NbAcl& acl) {
    std::vector<const void*> out;
    if (scope.known()) {
        for (const NbLogicalSwitch* ls : scope.switches(acl)) out.push_back(ls);
    } else {
        for (const NbLogicalSwitch* ls : acl.switches) out.push_back(ls);
        for (const NbPortGroup* pg : acl.port_groups) out.push_back(pg);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::unordered_map<const NbAcl*, const NbAcl*> find_shadowed_acls(const NbModel& nb, const AclScope& scope) {
    std::map<std::tuple<AclDirection, bool, std::string_view>, std::vector<const NbAcl*>> same_match;
    for (const NbAcl& acl : nb.acls) same_match[{acl.direction, acl.apply_after_lb(), acl.match}].push_back(&acl);
    std::unordered_map<const NbAcl*, const NbAcl*> shadowed;
    for (const auto& [key, acls] : same_match) {
        if (acls.size() < 2) continue;
        for (const NbAcl* acl : acls) {
            const auto acl_reach = reach(scope, *acl);
            if (acl_reach.empty()) continue;
            for (const NbAcl* other : acls) {
                if (other == acl || !decides_before(*other, *acl)) continue;
                const auto other_reach = reach(scope, *other);
                if (std::includes(other_reach.begin(), other_reach.end(), acl_reach.begin(), acl_reach.end())) {
                    shadowed.emplace(acl, other);
                    break;
                }
            }
        }
    }
    return shadowed;
}

}  // namespace ovnsim
