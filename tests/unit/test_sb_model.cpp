// The typed SB model on real databases: datapaths, port bindings, chassis features,
// logical flows and their stage-hints back to NB ACLs.
#include <doctest/doctest.h>

#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_text_listing.hpp"
#include "sim/nb_model.hpp"
#include "sim/sb_model.hpp"
#include "test_ovsdb_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ovnsim;

TEST_CASE("SB model of the ovn-26.03 talk scenarios") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const fs::path bundle = *root / "ovn-26.03" / "talk";
    const SbModel sb(test::load_listing_dir(bundle / "sb"));
    const NbModel nb(test::load_listing_dir(bundle / "nb"));
    CHECK(sb.problems().empty());

    const SbDatapathBinding* ls1 = sb.datapath("ls1");
    REQUIRE(ls1 != nullptr);
    CHECK(ls1->tunnel_key == 1);
    CHECK(ls1->kind == DatapathKind::logical_switch);
    CHECK(sb.datapath_by_tunnel_key(1) == ls1);
    REQUIRE(ls1->nb_uuid.has_value());
    CHECK(nb.logical_switch(*ls1->nb_uuid) == nb.logical_switch("ls1"));

    const SbPortBinding* vif1 = sb.port_binding("vif1");
    REQUIRE(vif1 != nullptr);
    CHECK(vif1->datapath == ls1);
    CHECK(vif1->tunnel_key == 1);
    CHECK(sb.port_binding_by_key(*ls1, 2) == sb.port_binding("vif2"));
    CHECK(ls1->ports.size() == 2);

    REQUIRE(sb.chassis_named("hv1") != nullptr);
    CHECK(sb.chassis_named("hv1")->sample_with_registers());

    // Every logical flow of the ACL stages names its ACL by stage-hint.
    REQUIRE(!sb.logical_flows.empty());
    std::size_t acl_flows = 0;
    for (const auto& flow : sb.logical_flows) {
        CHECK((flow.datapath == ls1 || flow.dp_group != nullptr));
        if (flow.stage_name().find("acl_eval") == std::string_view::npos || !flow.stage_hint()) continue;
        CAPTURE(flow.uuid.to_string());
        CHECK(nb.acls_by_stage_hint(*flow.stage_hint()).size() == 1);
        ++acl_flows;
    }
    CHECK(acl_flows >= 3);
    const NbAcl& acl3 = *nb.acls_by_uuid_prefix("878ba823").front();
    CHECK(!sb.logical_flows_by_stage_hint(acl3.stage_hint()).empty());

    const SbModel noreg(test::load_listing_dir(*root / "ovn-26.03" / "talk-one-collector-noreg" / "sb"));
    REQUIRE(noreg.chassis.size() == 1);
    CHECK_FALSE(noreg.chassis.front().sample_with_registers());
    CHECK(noreg.chassis.front().has_feature("ct-no-masked-label"));
}

TEST_CASE("SB model of OVN 23.03: datapath kind from external_ids (no type column)") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const SbModel sb(test::load_listing_dir(*root / "ovn-23.03" / "k8s" / "sb"));
    CHECK(sb.problems().empty());
    REQUIRE(!sb.datapaths.empty());
    for (const auto& dp : sb.datapaths) {
        CHECK(dp.type.empty());
        CHECK(dp.kind != DatapathKind::unknown);
        CHECK(!dp.name.empty());
    }
    for (const auto& pb : sb.port_bindings) CHECK(pb.datapath != nullptr);
}

TEST_CASE("SB and NB models of bigcluster from the database files") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const fs::path bundle = *root / "ovn-26.03" / "bigcluster";
    const SbModel sb(read_ovsdb_database_file(*TextFile::read(test::readable(bundle / "sb.db.xz").string())).database);
    const NbModel nb(read_ovsdb_database_file(*TextFile::read(test::readable(bundle / "nb.db.xz").string())).database);
    CHECK(sb.problems().empty());
    CHECK(nb.problems().empty());
    CHECK(nb.acls.size() == 1800);

    CHECK(sb.datapaths.size() == 61);
    CHECK(std::count_if(sb.datapaths.begin(), sb.datapaths.end(),
                        [](const auto& dp) { return dp.kind == DatapathKind::logical_router; }) == 1);
    const SbDatapathBinding* router = sb.datapath("ovn_cluster_router");
    REQUIRE(router != nullptr);
    CHECK(router->kind == DatapathKind::logical_router);

    std::size_t patches = 0;
    for (const auto& pb : sb.port_bindings) {
        CHECK(pb.datapath != nullptr);
        if (pb.type != "patch") continue;
        ++patches;
        REQUIRE(pb.peer != nullptr);
        CHECK(pb.peer->peer == &pb);
        CHECK(pb.peer->datapath != pb.datapath);
    }
    CHECK(patches == 120);
    REQUIRE(sb.chassis.size() == 1);
    CHECK(sb.chassis.front().sample_with_registers());

    for (const auto& group : sb.multicast_groups) {
        CHECK(group.datapath != nullptr);
        CHECK(group.ports.size() == group.port_uuids.size());
    }
    std::size_t hinted_acl_flows = 0;
    for (const auto& flow : sb.logical_flows) {
        CHECK((flow.datapath != nullptr || flow.dp_group != nullptr));
        if (flow.stage_name().find("_acl_eval") == std::string_view::npos || !flow.stage_hint()) continue;
        if (!nb.acls_by_stage_hint(*flow.stage_hint()).empty()) ++hinted_acl_flows;
    }
    CHECK(hinted_acl_flows >= 1800);
}
