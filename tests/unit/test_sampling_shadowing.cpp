// Shadowing by identical match text: tiers, pass, priorities and the switches ACLs reach.
#include <doctest/doctest.h>

#include "sim/sampling_shadowing.hpp"

using namespace ovnsim;

namespace {

NbAcl acl(std::uint64_t id, AclAction action, std::int64_t tier, std::int64_t priority, std::string match = "ip4") {
    NbAcl row;
    row.uuid = Uuid{id, id};
    row.action = action;
    row.tier = tier;
    row.priority = priority;
    row.match = std::move(match);
    return row;
}

NbLogicalSwitch logical_switch(std::uint64_t id, std::string name, std::vector<std::uint64_t> acls) {
    NbLogicalSwitch row;
    row.uuid = Uuid{0xabc, id};
    row.name = std::move(name);
    for (std::uint64_t a : acls) row.acl_uuids.push_back(Uuid{a, a});
    return row;
}

const NbAcl* shadow_of(const std::unordered_map<const NbAcl*, const NbAcl*>& shadowed, const NbModel& nb,
                       std::uint64_t id) {
    const auto it = shadowed.find(nb.acl(Uuid{id, id}));
    return it == shadowed.end() ? nullptr : it->second;
}

}  // namespace

TEST_CASE("Shadowing: the ACL evaluated first with the same direction, stage and match text") {
    NbModel nb;
    nb.acls = {
        acl(1, AclAction::pass, 1, 100),          // tier 1 pass: ends tier 1, hands over to tier 2
        acl(2, AclAction::allow_related, 2, 50),  // tier 2: not shadowed by the pass
        acl(3, AclAction::drop, 2, 10),           // shadowed by 2 (same tier, higher priority)
        acl(4, AclAction::allow, 1, 5),           // shadowed by the pass of its own tier
        acl(5, AclAction::drop, 3, 900),          // shadowed by 2 (lower tier, not a pass)
        acl(6, AclAction::drop, 2, 1, "ip6"),     // another match
        acl(7, AclAction::drop, 2, 1),            // on ls2 too, where nothing shadows it
    };
    nb.acls[4].options["apply-after-lb"] = "false";
    nb.logical_switches = {logical_switch(1, "ls1", {1, 2, 3, 4, 5, 6, 7}), logical_switch(2, "ls2", {7})};
    nb.loaded_tables = {"ACL", "Logical_Switch"};
    nb.resolve();
    const AclScope scope(nb);
    REQUIRE(scope.known());
    const auto shadowed = find_shadowed_acls(nb, scope);
    CHECK(shadow_of(shadowed, nb, 1) == nullptr);
    CHECK(shadow_of(shadowed, nb, 2) == nullptr);
    CHECK(shadow_of(shadowed, nb, 3) == nb.acl(Uuid{2, 2}));
    CHECK(shadow_of(shadowed, nb, 4) == nb.acl(Uuid{1, 1}));
    CHECK(shadow_of(shadowed, nb, 5) == nb.acl(Uuid{2, 2}));
    CHECK(shadow_of(shadowed, nb, 6) == nullptr);
    CHECK(shadow_of(shadowed, nb, 7) == nullptr);
    CHECK(shadowed.size() == 3);

    SUBCASE("another direction or stage is another evaluation") {
        nb.acls[1].direction = AclDirection::to_lport;        // 2 leaves the group
        nb.acls[0].options["apply-after-lb"] = "true";        // and so does the pass
        nb.resolve();
        const auto again = find_shadowed_acls(nb, AclScope(nb));
        CHECK(shadow_of(again, nb, 4) == nullptr);            // now the first of tier 1
        CHECK(shadow_of(again, nb, 3) == nb.acl(Uuid{4, 4}));  // which decides before tier 2
        CHECK(shadow_of(again, nb, 2) == nullptr);
    }
}
