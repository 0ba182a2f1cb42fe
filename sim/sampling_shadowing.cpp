#include "sim/sampling_shadowing.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace ovnsim {
namespace {

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
        std::unordered_map<const NbAcl*, std::vector<const void*>> reaches;
        for (const NbAcl* acl : acls) reaches.emplace(acl, reach(scope, *acl));
        const auto covers = [&](const NbAcl* first, const NbAcl* second) {
            const auto& big = reaches.at(first);
            const auto& small = reaches.at(second);
            return !small.empty() && std::includes(big.begin(), big.end(), small.begin(), small.end());
        };
        // Within a tier the highest priority decides, a pass included (it ends the tier).
        std::unordered_map<const NbAcl*, const NbAcl*> in_tier;
        for (const NbAcl* acl : acls) {
            for (const NbAcl* other : acls) {
                if (other->tier == acl->tier && other->priority > acl->priority && covers(other, acl)) {
                    in_tier.emplace(acl, other);
                    break;
                }
            }
        }
        // An earlier tier decides for good through an ACL that is no pass and decides in its tier.
        for (const NbAcl* acl : acls) {
            if (const auto it = in_tier.find(acl); it != in_tier.end()) {
                shadowed.emplace(acl, it->second);
                continue;
            }
            for (const NbAcl* other : acls) {
                if (other->tier < acl->tier && other->action != AclAction::pass && !in_tier.contains(other) &&
                    covers(other, acl)) {
                    shadowed.emplace(acl, other);
                    break;
                }
            }
        }
    }
    return shadowed;
}

}  // namespace ovnsim
