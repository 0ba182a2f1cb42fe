// The typed NB model on real databases: references, owners, lookups, problems.
#include <doctest/doctest.h>

#include <algorithm>

#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_text_listing.hpp"
#include "sim/nb_model.hpp"
#include "test_ovsdb_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ovnsim;

namespace {

std::vector<std::int64_t> collector_set_ids(const NbSample& sample) {
    std::vector<std::int64_t> ids;
    for (const auto* collector : sample.collectors) ids.push_back(collector->set_id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The ovn-26.03 talk scenario, whichever source the NB came from.
void check_talk_scenario(const NbModel& nb) {
    CHECK(nb.problems().empty());
    REQUIRE(nb.acls.size() == 3);
    const auto acl3_matches = nb.acls_by_uuid_prefix("878ba823");
    REQUIRE(acl3_matches.size() == 1);
    const NbAcl& acl3 = *acl3_matches.front();
    CHECK(acl3.uuid.to_string() == "878ba823-18e7-4494-9dc2-d1314021e34b");
    CHECK(acl3.stage_hint() == 0x878ba823u);
    CHECK(acl3.match == "inport == \"vif1\" && ip4.dst == 10.244.2.6");
    CHECK(acl3.action == AclAction::allow_related);
    CHECK(acl3.direction == AclDirection::from_lport);
    CHECK(acl3.priority == 2000);
    REQUIRE(acl3.sample_new != nullptr);
    REQUIRE(acl3.sample_est != nullptr);
    CHECK(acl3.sample_new->metadata == 1011);
    CHECK(acl3.sample_est->metadata == 1012);
    CHECK(collector_set_ids(*acl3.sample_new) == std::vector<std::int64_t>{100, 200});
    CHECK(collector_set_ids(*acl3.sample_est) == std::vector<std::int64_t>{100, 200});
    REQUIRE(nb.samples_by_metadata(1011).size() == 1);
    CHECK(nb.samples_by_metadata(1011).front() == acl3.sample_new);
    REQUIRE(nb.sampling_app("acl-new") != nullptr);
    REQUIRE(nb.sampling_app("acl-est") != nullptr);
    CHECK(nb.sampling_app("acl-new")->id == 42);
    CHECK(nb.sampling_app("acl-est")->id == 43);
    CHECK(nb.sampling_app("drop") == nullptr);
    REQUIRE(nb.sample_collector_by_id(2) != nullptr);
    CHECK(nb.sample_collector_by_id(2)->name == "c2");

    const NbLogicalSwitch* ls1 = nb.logical_switch("ls1");
    REQUIRE(ls1 != nullptr);
    CHECK(ls1->acls.size() == 3);
    CHECK(acl3.switches == std::vector<const NbLogicalSwitch*>{ls1});
    CHECK(acl3.port_groups.empty());
    const NbLogicalSwitchPort* vif1 = nb.logical_switch_port("vif1");
    REQUIRE(vif1 != nullptr);
    CHECK(vif1->logical_switch == ls1);
    CHECK(vif1->addresses == std::vector<std::string>{"0a:58:0a:f4:01:04 10.244.1.4"});
    REQUIRE(nb.global.has_value());
    CHECK(nb.global->options.at("mac_prefix") == "6e:c6:e7");
}

}  // namespace

TEST_CASE("NB model of the ovn-26.03 talk scenario from text, JSON and nb.db") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const fs::path bundle = *root / "ovn-26.03" / "talk";
    SUBCASE("text listings") { check_talk_scenario(NbModel(test::load_listing_dir(bundle / "nb", ".txt"))); }
    SUBCASE("JSON listings") { check_talk_scenario(NbModel(test::load_listing_dir(bundle / "nb", ".json"))); }
    SUBCASE("database file") {
        check_talk_scenario(NbModel(read_ovsdb_database_file(*TextFile::read((bundle / "nb.db").string())).database));
    }
    SUBCASE("a copy resolves into itself") {
        const NbModel original(test::load_listing_dir(bundle / "nb"));
        const NbModel copy = original;
        check_talk_scenario(copy);
        CHECK(copy.acls_by_uuid_prefix("878ba823").front() != original.acls_by_uuid_prefix("878ba823").front());
        CHECK(copy.acls_by_uuid_prefix("878ba823").front()->sample_new == copy.sample(copy.acls[2].sample_new_uuid.value_or(Uuid{})));
    }
}

TEST_CASE("NB model of bigcluster: 1800 tiered, sampled ACLs owned by port groups") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const NbModel nb(test::load_listing_dir(*root / "ovn-26.03" / "bigcluster" / "nb"));
    CHECK(nb.problems().empty());
    CHECK(nb.acls.size() == 1800);
    CHECK(nb.sampling_app("drop")->id == 1);
    CHECK(nb.sampling_app("acl-new")->id == 2);
    CHECK(nb.sampling_app("acl-est")->id == 3);
    REQUIRE(nb.sample_collectors.size() == 1);
    CHECK(nb.sample_collectors.front().set_id == 42);
    std::size_t owned_by_port_group = 0, ovnk_owned = 0;
    for (const auto& acl : nb.acls) {
        CAPTURE(acl.uuid.to_string());
        CHECK(acl.tier == 2);
        REQUIRE(acl.sample_new != nullptr);
        REQUIRE(acl.sample_est != nullptr);
        CHECK(collector_set_ids(*acl.sample_new) == std::vector<std::int64_t>{42});
        if (!acl.port_groups.empty()) ++owned_by_port_group;
        if (const auto* owner = ovsdb_option(acl.external_ids, "k8s.ovn.org/owner-type")) {
            ++ovnk_owned;
            CHECK((*owner == "NetworkPolicy" || *owner == "NetpolNamespace"));
        }
        // Every flow northd derives from this ACL carries its stage-hint: the lookup is exact.
        CHECK(nb.acls_by_stage_hint(acl.stage_hint()).size() >= 1);
    }
    CHECK(owned_by_port_group == 1800);
    CHECK(ovnk_owned == 1800);
    // Port groups reach real switch ports, which know their switch.
    std::size_t ports_with_switch = 0;
    for (const auto& group : nb.port_groups) {
        for (const auto* port : group.ports) ports_with_switch += port->logical_switch != nullptr;
    }
    CHECK(ports_with_switch > 1000);
    // Router ports and the switch ports that point at them.
    REQUIRE(nb.logical_routers.size() == 1);
    std::size_t linked = 0;
    for (const auto& lrp : nb.logical_router_ports) {
        CHECK(lrp.router == &nb.logical_routers.front());
        if (lrp.switch_port != nullptr) {
            CHECK(lrp.switch_port->router_port == &lrp);
            ++linked;
        }
    }
    CHECK(linked >= 60);
}

TEST_CASE("NB model reports dangling references with their location, and rejects ill-typed values") {
    const auto table = [](std::string name, std::string text) {
        return parse_ovsdb_text_listing(*TextFile::from_string("nb/" + name + ".txt", std::move(text)), name);
    };
    OvsdbDatabase db;
    db.add(table("ACL",
                 "_uuid               : 11111111-2222-3333-4444-555555555555\n"
                 "action              : allow-related\n"
                 "direction           : to-lport\n"
                 "match               : ip\n"
                 "priority            : 100\n"
                 "sample_new          : 99999999-2222-3333-4444-555555555555\n"));
    db.add(table("Sample", ""));  // loaded, and empty: the reference dangles
    SUBCASE("dangling") {
        const NbModel nb(db);
        REQUIRE(nb.problems().size() == 1);
        const Diagnostic& problem = nb.problems().front();
        CHECK(problem.to_string() ==
              "nb/ACL.txt:1:1: ACL 11111111-2222-3333-4444-555555555555 sample_new references Sample "
              "99999999-2222-3333-4444-555555555555, which is not in that table (dangling reference)");
        CHECK(nb.acls.front().sample_new == nullptr);
        CHECK(nb.acls.front().label == 0);  // columns this listing lacks read as their defaults
        CHECK(nb.acls.front().tier == 0);
    }
    SUBCASE("Sample table absent: nothing to check against") {
        db.tables.erase("Sample");
        CHECK(NbModel(db).problems().empty());
    }
    SUBCASE("wrong type") {
        db.add(table("ACL",
                     "_uuid               : 11111111-2222-3333-4444-555555555555\n"
                     "direction           : to-lport\n"
                     "priority            : high\n"));
        try {
            NbModel nb(db);
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(std::string(e.what()) == "nb/ACL.txt:3:23: ACL.priority: expected an integer, got high");
        }
    }
}
