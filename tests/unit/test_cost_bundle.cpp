// The cost questions of a whole bundle (sim/cost_bundle, sim/report/cost_bundle_report) and
// what-if edits from text (sim/whatif_edit_text) on the bundled talk scenarios of 26.03.
#include <doctest/doctest.h>

#include "sim/bundle.hpp"
#include "sim/cost_bundle.hpp"
#include "sim/report/cost_bundle_report.hpp"
#include "sim/whatif_edit_text.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

std::shared_ptr<const Bundle> bundle(const char* name) {
    return Bundle::load((test::bundled_corpora() / name).string());
}

TEST_CASE("predict_bundle equals the dump; the JSON carries both sides") {
    const auto talk = bundle("ovn-26.03/talk");
    const BundlePrediction prediction = predict_bundle(*talk);
    CHECK(prediction.comparison.all_equal());
    CHECK(prediction.comparison.predicted_total == 101);
    const auto json = bundle_cost_json(*talk, true);
    CHECK(json["bundle"] == talk->path());
    CHECK(json["measured"]["total"] == 159);
    CHECK(json["predicted"]["equal"] == true);
    CHECK(json["predicted"]["warnings"].empty());
    CHECK_FALSE(bundle_cost_json(*talk, false).contains("predicted"));
}

TEST_CASE("whatif_bundle: one collector on the two-collector bundle gives the one-collector dump") {
    const auto talk = bundle("ovn-26.03/talk");
    WhatIfEditText text;
    text.collectors = 1;
    const WhatIfResult result = whatif_bundle(*talk, parse_whatif_edits(text));
    const auto one = predict_bundle(*bundle("ovn-26.03/talk-one-collector"));
    CHECK(result.after.total() == one.comparison.measured_total);
    CHECK(result.after.sampling_flows() == 3);
    CHECK(bundle_whatif_json(*talk, parse_whatif_edits(text))["after"]["total"] == 101);
}

TEST_CASE("sweep_bundle: per-ACL flows grow with the sampled ACLs, shared ones do not") {
    const auto json = bundle_sweep_json(*bundle("ovn-26.03/talk"), {}, {1, 100});
    REQUIRE(json["rows"].size() == 2);
    CHECK(json["rows"][1]["sampling_flows"]["per_acl_2_collectors"] == 300);
    CHECK(json["rows"][1]["sampling_flows"]["shared_1_collector"] == 3);
}

TEST_CASE("the cost questions of a lone dump") {
    const auto dump = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk/lflows.txt").string());
    CHECK(measure_bundle_cost(*dump).total == 159);
    CHECK_THROWS_WITH_AS(predict_bundle(*dump), doctest::Contains("the prediction needs the NB tables"), InputError);
    CHECK_THROWS_WITH_AS(whatif_bundle(*dump, {}), doctest::Contains("what-if needs the NB tables"), InputError);
}

TEST_CASE("parse_whatif_edits") {
    WhatIfEditText text;
    text.sample = {"priority=1000-2000"};
    text.which = "new";
    text.collector = {"set_id=7,probability=100"};
    text.sample_with_registers = false;
    text.ovn_version = "25.03";
    const WhatIfEdits edits = parse_whatif_edits(text);
    REQUIRE(edits.sample.size() == 1);
    CHECK(edits.kind == SampleKind::new_connections);
    REQUIRE(edits.collector_specs.size() == 1);
    CHECK(edits.collector_specs[0].set_id == 7);
    CHECK(edits.collector_specs[0].probability == 100);
    CHECK(edits.sample_with_registers == false);
    CHECK(edits.family == OvnFamily::v25_03);

    WhatIfEditText both;
    both.collectors = 1;
    both.collector = {"set_id=1"};
    CHECK_THROWS_WITH_AS(parse_whatif_edits(both), doctest::Contains("not both"), InputError);
    WhatIfEditText many;
    many.collectors = 256;
    CHECK_THROWS_WITH_AS(parse_whatif_edits(many), doctest::Contains("256 is more than 255"), InputError);
    WhatIfEditText version;
    version.ovn_version = "22.03";
    CHECK_THROWS_AS(parse_whatif_edits(version), InputError);
}

}  // namespace
}  // namespace ovnsim
