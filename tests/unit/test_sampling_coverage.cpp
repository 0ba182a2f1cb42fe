// Sampling coverage: what fires for new, established and reply traffic of every ACL, the
// flow mode of every Sample, checked against the dumps of the real talk bundles (24.09,
// 25.03, 26.03) and the OVN-Kubernetes style bigcluster.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "sim/bundle.hpp"
#include "sim/sample_lint.hpp"
#include "sim/sampling_coverage.hpp"
#include "sim/sampling_ovn_version.hpp"
#include "test_support.hpp"

using namespace ovnsim;

namespace {

const AclCoverage& sampled_acl(const SamplingCoverage& coverage) {
    const AclCoverage* found = nullptr;
    for (const AclCoverage& c : coverage.acls) {
        if (!c.has_samples()) continue;
        REQUIRE(found == nullptr);
        found = &c;
    }
    REQUIRE(found != nullptr);
    return *found;
}

void check_talk(const std::string& name, SampleFlowMode mode) {
    CAPTURE(name);
    const auto bundle = Bundle::load((test::bundled_corpora() / name).string());
    const SamplingCoverage coverage = sampling_coverage(*bundle);
    CHECK(coverage.scope_known);
    CHECK(coverage.acl_new_app == 42);
    CHECK(coverage.acl_est_app == 43);
    CHECK(coverage.acls.size() == 3);
    REQUIRE(coverage.samples.size() == 2);
    for (const SampleUsage& usage : coverage.samples) {
        CHECK(usage.mode.mode == mode);
        CHECK(usage.observed == mode);  // the dump agrees with the rule
    }
    const AclCoverage& acl3 = sampled_acl(coverage);
    CHECK(acl3.acl->priority == 2000);
    CHECK(acl3.stateful);
    CHECK(acl3.stage == "ls_in_acl_sample");
    CHECK(acl3.obs_stage == 0);
    CHECK(acl3.new_traffic.fires);
    CHECK(acl3.new_traffic.stage == "ls_in_acl_sample");
    CHECK(acl3.new_traffic.app == SampleApp::acl_new);
    CHECK(acl3.new_traffic.app_id == 42);
    CHECK(acl3.new_traffic.obs_point == 1011);
    CHECK(acl3.established.fires);
    CHECK(acl3.established.stage == "ls_in_acl_sample");
    CHECK(acl3.established.app_id == 43);
    CHECK(acl3.established.obs_point == 1012);
    CHECK(acl3.reply.fires);
    CHECK(acl3.reply.stage == "ls_out_acl_sample");
    CHECK(acl3.reply.obs_point == 1012);
    CHECK_FALSE(acl3.first_packet_only.has_value());
    CHECK(lint_sampling(*bundle, coverage).empty());
}

// A copy of a bundled talk scenario (text listings only) with ACL3 moved to tier 2.
class TieredTalk {
public:
    explicit TieredTalk(const std::string& name)
        : dir_(std::filesystem::temp_directory_path() / ("ovnsim-tiered-" + std::to_string(::getpid()))) {
        namespace fs = std::filesystem;
        fs::remove_all(dir_);
        fs::copy(test::bundled_corpora() / name, dir_, fs::copy_options::recursive);
        for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
            if (entry.path().extension() == ".json" || entry.path().extension() == ".db") fs::remove(entry.path());
        }
        const fs::path acl = dir_ / "nb" / "ACL.txt";
        std::stringstream text;
        text << std::ifstream(acl).rdbuf();
        std::string rows = text.str();
        const auto acl3 = rows.find("action              : allow-related");
        REQUIRE(acl3 != std::string::npos);
        const auto tier = rows.find("tier                : 0", acl3);
        REQUIRE(tier != std::string::npos);
        rows.replace(tier, 23, "tier                : 2");
        std::ofstream(acl) << rows;
        bundle = Bundle::load(dir_.string());
    }
    ~TieredTalk() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    std::shared_ptr<const Bundle> bundle;

private:
    std::filesystem::path dir_;
};

}  // namespace

TEST_CASE("Coverage of the bundled talk scenarios") {
    check_talk("ovn-26.03/talk", SampleFlowMode::per_acl);
    check_talk("ovn-26.03/talk-one-collector", SampleFlowMode::shared);
    check_talk("ovn-26.03/talk-one-collector-noreg", SampleFlowMode::per_acl);
    check_talk("ovn-25.03/talk", SampleFlowMode::per_acl);
    check_talk("ovn-25.03/talk-one-collector", SampleFlowMode::shared);
    check_talk("ovn-24.09/talk", SampleFlowMode::per_acl);
    check_talk("ovn-24.09/talk-one-collector", SampleFlowMode::shared);
}

TEST_CASE("A tiered ACL's established samples fire once per tier pass before 26.03") {
    SUBCASE("24.09: no flags.pkt_sampled guard, 3 passes for tier 2") {
        const TieredTalk talk("ovn-24.09/talk");
        const SamplingCoverage coverage = sampling_coverage(*talk.bundle);
        CHECK(coverage.dump_flows.established_flows == 2);
        CHECK(coverage.dump_flows.established_flows_unguarded());
        const AclCoverage& acl3 = sampled_acl(coverage);
        CHECK(acl3.acl->tier == 2);
        CHECK(acl3.established.when.find("3 times per packet (once per tier pass") != std::string::npos);
        CHECK(acl3.reply.when.find("tier pass") == std::string::npos);  // the reply is allowed in the first pass
        CHECK(acl3.new_traffic.when.find("tier pass") == std::string::npos);
    }
    SUBCASE("26.03: guarded, once") {
        const TieredTalk talk("ovn-26.03/talk");
        const SamplingCoverage coverage = sampling_coverage(*talk.bundle);
        CHECK_FALSE(coverage.dump_flows.established_flows_unguarded());
        CHECK(sampled_acl(coverage).established.when.find("tier pass") == std::string::npos);
    }
}

TEST_CASE("Flow mode per Sample: one collector and every chassis with registers") {
    NbSample sample;
    NbSampleCollector c1, c2;
    sample.collector_uuids = {Uuid{1, 1}};
    sample.collectors = {&c1};
    ChassisSampleSupport all{true, 3, {}};
    CHECK(sample_flow_mode(sample, all).mode == SampleFlowMode::shared);
    ChassisSampleSupport none_registered{true, 0, {}};
    CHECK(sample_flow_mode(sample, none_registered).mode == SampleFlowMode::shared);  // no chassis: assumed
    ChassisSampleSupport old{true, 3, {"hv2"}};
    const FlowModeDecision per_acl = sample_flow_mode(sample, old);
    CHECK(per_acl.mode == SampleFlowMode::per_acl);
    CHECK(per_acl.reason.find("hv2") != std::string::npos);
    sample.collector_uuids.push_back(Uuid{2, 2});
    sample.collectors.push_back(&c2);
    CHECK(sample_flow_mode(sample, all).mode == SampleFlowMode::per_acl);
    sample.collector_uuids.clear();
    sample.collectors.clear();
    CHECK(sample_flow_mode(sample, all).mode == SampleFlowMode::per_acl);
}

TEST_CASE("OVN release of a bundle") {
    const auto v = parse_northd_version("26.03.2-21.8.0-82.14");
    REQUIRE(v.has_value());
    CHECK(v->to_string() == "26.03.2");
    CHECK(v->at_least(24, 9, 3));
    CHECK_FALSE(parse_northd_version("24.09.1-20.37.0-77.8")->at_least(24, 9, 3));
    CHECK_FALSE(parse_northd_version("garbage").has_value());
    CHECK_FALSE(parse_northd_version("24.09").has_value());
    const auto talk = detect_ovn_version(*Bundle::load((test::bundled_corpora() / "ovn-25.03/talk").string()));
    REQUIRE(talk.has_value());
    CHECK(talk->to_string() == "25.03.3");
    // Without NB_Global: the family from the stage names.
    const auto dump_only = detect_ovn_version(
        *Bundle::load((test::bundled_corpora() / "ovn-26.03/talk/lflows.txt").string()));
    REQUIRE(dump_only.has_value());
    CHECK(dump_only->to_string() == "26.03.x");
    // 23.03 predates the split ACL stages: nothing tells.
    CHECK_FALSE(
        detect_ovn_version(*Bundle::load((test::bundled_corpora() / "ovn-23.03/talk/lflows.txt").string())).has_value());
}

TEST_CASE("Coverage of the bigcluster: 1800 OVN-Kubernetes ACLs on shared flows") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const auto bundle = Bundle::load((*root / "ovn-26.03" / "bigcluster").string());
    const SamplingCoverage coverage = sampling_coverage(*bundle);
    CHECK(coverage.acls.size() == 1800);
    CHECK(coverage.samples.size() == 1800);
    CHECK(coverage.dump_flows.flows == 540);  // 9 sample-stage flows on each of 60 switches
    std::size_t first_packet_only = 0, drops = 0, ovnk_messages = 0;
    for (const AclCoverage& c : coverage.acls) {
        CHECK(c.stateful);
        CHECK(c.switches.size() >= 1);
        CHECK(c.new_traffic.fires);
        CHECK(c.new_traffic.mode == SampleFlowMode::shared);
        if (c.acl->action == AclAction::drop) {
            ++drops;
            CHECK_FALSE(c.established.fires);
            CHECK(c.first_packet_only == "drop: the connections it blocks never become established");
        } else {
            CHECK(c.established.fires);
            CHECK(c.reply.fires);
        }
        first_packet_only += c.first_packet_only.has_value();
        ovnk_messages += c.message && c.message->decoder == "ovn-kubernetes" && !c.message->text.empty();
    }
    CHECK(drops == 600);
    CHECK(first_packet_only == 600);
    CHECK(ovnk_messages == 1800);
    for (const SampleUsage& usage : coverage.samples) CHECK(usage.observed == SampleFlowMode::shared);
    CHECK(lint_sampling(*bundle, coverage).empty());
}
