// What-if against real dumps: switching the talk scenario's collectors or the chassis
// feature yields exactly the flows (text multisets) that real northd wrote for the sibling
// scenario; sampling edits, synthetic ACLs and release changes move the counts §5.5 says;
// the sweep is monotonic and constant in shared mode.
#include <doctest/doctest.h>

#include <string>

#include "sim/bundle.hpp"
#include "sim/cost_prediction.hpp"
#include "sim/northd_model/bundle_config.hpp"
#include "sim/whatif.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

struct Edited {
    NbModel nb;
    NorthdConfig config;
};

Edited edit(const Bundle& bundle, const WhatIfEdits& edits) {
    Edited out{bundle.nb(), northd_config_for(bundle).config};
    std::vector<std::string> log;
    apply_nb_edits(out.nb, edits, log);
    out.config = apply_config_edits(out.config, edits);
    return out;
}

// The edited model of `from` against the real dump of `to`.
bool predicts_dump_of(const Bundle& from, const WhatIfEdits& edits, const Bundle& to) {
    const Edited edited = edit(from, edits);
    return compare_prediction(to.flows(), predict_acl_flows(edited.nb, edited.config)).all_equal();
}

std::shared_ptr<const Bundle> talk(const char* version, const char* scenario) {
    return Bundle::load((test::bundled_corpora() / version / scenario).string());
}

TEST_CASE("what-if: one collector turns the talk scenario's per-ACL flows into northd's shared ones") {
    for (const char* version : {"ovn-24.09", "ovn-25.03", "ovn-26.03"}) {
        CAPTURE(version);
        const auto two = talk(version, "talk"), one = talk(version, "talk-one-collector");
        WhatIfEdits edits;
        CHECK_FALSE(predicts_dump_of(*two, edits, *one));
        edits.collectors = 1;
        CHECK(predicts_dump_of(*two, edits, *one));
        // Same number of flows, other flows: the cost difference is in the text, not the count.
        const WhatIfResult result = run_whatif(two->nb(), northd_config_for(*two).config, edits);
        CHECK(result.before.sampling_flows() == 3);
        CHECK(result.after.sampling_flows() == 3);
    }
}

TEST_CASE("what-if: the chassis feature switches between the one-collector scenarios, both ways") {
    const auto shared = talk("ovn-26.03", "talk-one-collector"), noreg = talk("ovn-26.03", "talk-one-collector-noreg");
    WhatIfEdits off, on;
    off.sample_with_registers = false;
    on.sample_with_registers = true;
    CHECK_FALSE(predicts_dump_of(*shared, {}, *noreg));
    CHECK(predicts_dump_of(*shared, off, *noreg));
    CHECK(predicts_dump_of(*noreg, on, *shared));
}

TEST_CASE("what-if: given collectors rebuild the two-collector talk scenario from the one-collector one") {
    const auto noreg = talk("ovn-26.03", "talk-one-collector-noreg"), two = talk("ovn-26.03", "talk");
    WhatIfEdits edits;
    edits.collector_specs = {{100, 65535}, {200, 65535}};
    CHECK(predicts_dump_of(*noreg, edits, *two));
}

TEST_CASE("what-if: sampling every talk ACL costs three flows per ACL with two collectors") {
    const auto bundle = talk("ovn-26.03", "talk");
    const NorthdConfig config = northd_config_for(*bundle).config;
    WhatIfEdits all;
    all.sample = {AclSelector::all()};
    WhatIfResult result = run_whatif(bundle->nb(), config, all);
    CHECK(result.before.sampling_flows() == 3);
    // drop (new + est since the switch is stateful) and allow: 3 each, as the sampled allow-related.
    CHECK(result.after.sampling_flows() == 9);
    CHECK(result.after.count("ls_in_acl_eval") == result.before.count("ls_in_acl_eval"));

    WhatIfEdits only_new;
    only_new.sample = {AclSelector::all()};
    only_new.kind = SampleKind::new_connections;
    result = run_whatif(bundle->nb(), config, only_new);
    CHECK(result.after.sampling_flows() == 5);  // one new-connection flow for each added ACL

    WhatIfEdits none;
    none.unsample = {AclSelector::all()};
    result = run_whatif(bundle->nb(), config, none);
    CHECK(result.after.sampling_flows() == 0);
    CHECK(result.after.total() == result.before.total() - 3);
}

TEST_CASE("what-if: synthetic copies of the sampled ACL, and a release change") {
    const auto bundle = talk("ovn-26.03", "talk");
    const NorthdConfig config = northd_config_for(*bundle).config;
    WhatIfEdits copies;
    copies.add_acls = 5;
    WhatIfResult result = run_whatif(bundle->nb(), config, copies);
    CHECK(result.after.sampling_flows() == 3 + 5 * 3);
    CHECK(result.after.count("ls_in_acl_eval") == result.before.count("ls_in_acl_eval") + 5 * 2);

    WhatIfEdits older;
    older.family = OvnFamily::v24_09;
    result = run_whatif(bundle->nb(), config, older);
    // 24.09 has no allow_established flows (2 eval, 1 after-lb) and no NF commits (2 per stateful stage).
    CHECK(result.after.total() == result.before.total() - 3 - 4);
    CHECK(result.after.count("ls_in_stateful") == 3);
    CHECK(result.after.sampling_flows() == 3);
}

TEST_CASE("what-if sweep: per-ACL flows grow with the sampled ACLs, shared flows stay constant") {
    const auto bundle = talk("ovn-26.03", "talk");
    const SweepResult sweep =
        run_sweep(bundle->nb(), northd_config_for(*bundle).config, {0, 1, 10, 100, 1000}, std::nullopt);
    REQUIRE(sweep.modes.size() == 3);
    REQUIRE(sweep.rows.size() == 5);
    for (std::size_t row = 0; row < sweep.rows.size(); ++row) {
        const auto n = sweep.rows[row].sampled_acls;
        CHECK(sweep.rows[row].sampling_flows[0] == 3 * n);  // per-ACL, 2 collectors
        CHECK(sweep.rows[row].sampling_flows[1] == 3 * n);  // per-ACL, no registers
        CHECK(sweep.rows[row].sampling_flows[2] == (n == 0 ? 0 : 3));  // shared
        if (row > 0) {
            for (std::size_t mode = 0; mode < 3; ++mode) {
                CHECK(sweep.rows[row].sampling_flows[mode] >= sweep.rows[row - 1].sampling_flows[mode]);
                CHECK(sweep.rows[row].total_flows[mode] > sweep.rows[row - 1].total_flows[mode]);
            }
        }
    }
}

TEST_CASE("what-if sweep on bigcluster: a namespace's policy ACL on its eight switches") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto bundle = Bundle::load((*corpora / "ovn-26.03/bigcluster").string());
    const SweepResult sweep = run_sweep(bundle->nb(), northd_config_for(*bundle).config, {1, 10, 100}, std::nullopt);
    for (const SweepRow& row : sweep.rows) {
        CHECK(row.sampling_flows[0] == 24 * row.sampled_acls);
        CHECK(row.sampling_flows[1] == 24 * row.sampled_acls);
        CHECK(row.sampling_flows[2] == 24);
    }
}

TEST_CASE("what-if selectors") {
    NbAcl acl;
    acl.uuid = *Uuid::parse("878ba823-18e7-4494-9dc2-d1314021e34b");
    acl.name = "NP:ns1:allow-web:Ingress:0";
    acl.priority = 1001;
    acl.direction = AclDirection::to_lport;
    acl.action_name = "allow-related";
    acl.match = "ip4.src == {10.0.0.1, 10.0.0.2} && tcp.dst == 80";
    acl.external_ids = {{"k8s.ovn.org/owner-type", "NetworkPolicy"}, {"k8s.ovn.org/name", "ns1:allow-web"}};
    CHECK(AclSelector::parse("all", "--sample").matches(acl));
    CHECK(AclSelector::parse("name=NP:ns1:*", "--sample").matches(acl));
    CHECK_FALSE(AclSelector::parse("name=NP:ns2:*", "--sample").matches(acl));
    CHECK(AclSelector::parse("owner-type=NetworkPolicy,owner=ns1:*", "--sample").matches(acl));
    CHECK(AclSelector::parse("priority=1000-2000,direction=to-lport", "--sample").matches(acl));
    CHECK_FALSE(AclSelector::parse("priority=1002", "--sample").matches(acl));
    CHECK(AclSelector::parse("action=allow-related,match=10.0.0.1, 10.0.0.2", "--sample").matches(acl));
    CHECK(AclSelector::parse("uuid=878ba8", "--sample").matches(acl));
    CHECK_THROWS_AS(AclSelector::parse("colour=red", "--sample"), InputError);
    CHECK_THROWS_AS(AclSelector::parse("priority=9-3", "--sample"), InputError);
    CHECK_THROWS_AS(AclSelector::parse("", "--sample"), InputError);
    CHECK_THROWS_AS(parse_sweep("acls=10,x", "--sweep"), InputError);
    CHECK(parse_sweep("acls=10,100", "--sweep") == std::vector<std::uint64_t>{10, 100});
    CHECK_THROWS_AS(parse_collector_spec("probability=5", "--collector"), InputError);
    CHECK(parse_collector_spec("set_id=7,probability=100", "--collector").probability == 100);
}

}  // namespace
}  // namespace ovnsim
