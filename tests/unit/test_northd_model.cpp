// The northd model against real dumps: on every bundle of OVN 24.09 or later (bundled
// corpora always, the shared ones when present), the predicted flows of the modeled stages
// equal the dump's, datapath by datapath and stage by stage, as multisets of flow text.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/bundle.hpp"
#include "sim/cost_prediction.hpp"
#include "sim/northd_model/bundle_config.hpp"
#include "sim/northd_model/northd_model.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

std::string describe(const PredictionComparison& cmp) {
    std::string out;
    for (const auto& name : cmp.switches_not_in_dump) out += "switch not in dump: " + name + "\n";
    for (const auto& name : cmp.datapaths_not_in_nb) out += "datapath not in NB: " + name + "\n";
    int shown = 0;
    for (const StageComparison* stage : cmp.mismatches()) {
        out += stage->datapath + " " + stage->stage + ": measured " + std::to_string(stage->measured) +
               ", predicted " + std::to_string(stage->predicted) + "\n";
        for (const auto& flow : stage->missing) out += "  - predicted only: " + flow + "\n";
        for (const auto& flow : stage->extra) out += "  + dump only:      " + flow + "\n";
        if (++shown == 8) break;
    }
    return out;
}

void check_prediction_equals_dump(const std::filesystem::path& bundle_dir) {
    CAPTURE(bundle_dir.string());
    const auto bundle = Bundle::load(bundle_dir.string());
    const BundleNorthdConfig config = northd_config_for(*bundle);
    const PredictedFlows predicted = predict_acl_flows(bundle->nb(), config.config);
    const PredictionComparison cmp = compare_prediction(bundle->flows(), predicted);
    INFO(describe(cmp));
    CHECK(cmp.all_equal());
    CHECK(cmp.measured_total == cmp.predicted_total);
    CHECK(cmp.measured_total > 0);
}

// Every bundle directory under `root` whose release has ACL sampling stages.
std::vector<std::filesystem::path> sampling_bundles(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> out;
    for (const char* version : {"ovn-24.09", "ovn-25.03", "ovn-26.03"}) {
        const auto dir = root / version;
        if (!std::filesystem::is_directory(dir)) continue;
        for (const auto& entry : std::filesystem::directory_iterator(dir)) {
            if (entry.is_directory()) out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST_CASE("northd model: predicted ACL flows equal the bundled corpora's dumps") {
    const auto bundles = sampling_bundles(test::bundled_corpora());
    REQUIRE(bundles.size() >= 7);
    for (const auto& dir : bundles) check_prediction_equals_dump(dir);
}

// Priorities of a stage's predicted flows, sorted.
std::vector<int> priorities(const PredictedFlows& predicted, std::string_view stage) {
    std::vector<int> out;
    for (const GeneratedFlow& flow : predicted.datapaths.at(0).flows()) {
        if (flow.stage == stage) out.push_back(flow.priority);
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST_CASE("northd model: the talk scenarios' sample flows, per-ACL (1100/1200) against shared (1000)") {
    for (const char* version : {"ovn-24.09", "ovn-25.03", "ovn-26.03"}) {
        for (const char* scenario : {"talk", "talk-one-collector", "talk-one-collector-noreg"}) {
            const auto dir = test::bundled_corpora() / version / scenario;
            if (!std::filesystem::exists(dir)) continue;
            CAPTURE(dir.string());
            const auto bundle = Bundle::load(dir.string());
            const PredictedFlows predicted = predict_acl_flows(bundle->nb(), northd_config_for(*bundle).config);
            const bool shared = std::string_view(scenario) == "talk-one-collector";
            CHECK(priorities(predicted, "ls_in_acl_sample") ==
                  (shared ? std::vector<int>{0, 1000, 1000} : std::vector<int>{0, 1100, 1200}));
            CHECK(priorities(predicted, "ls_out_acl_sample") == std::vector<int>{0, shared ? 1000 : 1200});
            CHECK(priorities(predicted, "ls_in_acl_after_lb_sample") == std::vector<int>{0});
            CHECK(predicted.sampling_flows() == 3);
            // 24.09 lacks the persist-established flow (ct_mark.allow_established).
            CHECK(predicted.count("ls_in_acl_eval") == (std::string_view(version) == "ovn-24.09" ? 14 : 15));
        }
    }
}

TEST_CASE("northd model: predicted ACL flows equal every shared 24.09+ dump, bigcluster included") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto bundles = sampling_bundles(*corpora);
    REQUIRE(bundles.size() >= 9);
    for (const auto& dir : bundles) check_prediction_equals_dump(dir);
}

}  // namespace
}  // namespace ovnsim
