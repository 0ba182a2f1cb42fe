#pragma once
// ACLs that never decide because another ACL with the same direction, stage and match text
// decides first wherever they apply: one of the same tier at a higher priority (a pass too:
// it ends the tier), or one of a lower tier that is no pass and decides in its own tier.
// Only identical match text is detected: an ACL hidden by a broader match needs the match
// semantics, not the text.
#include <unordered_map>

#include "sim/sampling_acl_scope.hpp"

namespace ovnsim {

// ACL -> the ACL that shadows it (one of them when several do).
std::unordered_map<const NbAcl*, const NbAcl*> find_shadowed_acls(const NbModel& nb, const AclScope& scope);

}  // namespace ovnsim
