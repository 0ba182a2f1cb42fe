// The sampling lint on the bundles of tests/lint/: each has exactly the findings it was
// written for, with the severity that decides the exit status of `ovnsim samples`.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "sim/bundle.hpp"
#include "sim/sample_lint.hpp"
#include "test_support.hpp"

using namespace ovnsim;

namespace {

struct Lint {
    std::shared_ptr<const Bundle> bundle;
    SamplingCoverage coverage;
    std::vector<SampleFinding> findings;
};

Lint lint(const std::string& name) {
    Lint out;
    out.bundle = Bundle::load((test::source_dir() / "tests" / "lint" / name).string());
    out.coverage = sampling_coverage(*out.bundle);
    out.findings = lint_sampling(*out.bundle, out.coverage);
    return out;
}

// "error missing-sampling-app" for each finding.
std::multiset<std::string> kinds(const std::vector<SampleFinding>& findings) {
    std::multiset<std::string> out;
    for (const SampleFinding& f : findings) out.insert(std::string(to_string(f.severity)) + " " + f.code);
    return out;
}

const AclCoverage& coverage_of(const SamplingCoverage& coverage, std::string_view uuid_prefix) {
    const auto it = std::find_if(coverage.acls.begin(), coverage.acls.end(), [&](const AclCoverage& c) {
        return c.acl->uuid.to_string().starts_with(uuid_prefix);
    });
    REQUIRE(it != coverage.acls.end());
    return *it;
}

}  // namespace

TEST_CASE("Lint: a Sample without collectors samples nothing") {
    const Lint l = lint("sample-no-collectors");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"warning sample-no-collectors", "warning sample-no-collectors"});
    CHECK_FALSE(has_errors(l.findings));
    const AclCoverage& acl3 = coverage_of(l.coverage, "878ba823");
    CHECK_FALSE(acl3.new_traffic.fires);
    CHECK(acl3.new_traffic.when.find("no collectors") != std::string::npos);
    CHECK(l.findings.front().where.to_string().ends_with("nb/Sample.txt:1:1"));
}

TEST_CASE("Lint: a missing Sampling_App row makes the per-ACL flows drop (error)") {
    const Lint l = lint("missing-sampling-app");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"error missing-sampling-app", "error missing-sampling-app"});
    CHECK(has_errors(l.findings));
    CHECK(l.coverage.dump_flows.empty_action_flows == 3);
    for (const SampleFinding& f : l.findings) {
        CHECK(f.message.find("empty action") != std::string::npos);
        CHECK(f.message.find("lflows.txt:52") != std::string::npos);  // the dump shows it
    }
}

TEST_CASE("Lint: probability 0 (error: ovn-controller refuses the flow)") {
    const Lint l = lint("zero-probability");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"error zero-probability"});
    REQUIRE(l.findings.front().collector != nullptr);
    CHECK(l.findings.front().collector->name == "c2");
    CHECK_FALSE(coverage_of(l.coverage, "878ba823").new_traffic.fires);
}

TEST_CASE("Lint: the same metadata on several ACLs") {
    const Lint l = lint("duplicate-metadata");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"warning duplicate-metadata", "warning duplicate-metadata"});
    for (const SampleFinding& f : l.findings) {
        CHECK(f.acls.size() == 2);
        CHECK(f.message.find("expected 1 ACL, got 2") != std::string::npos);
    }
}

TEST_CASE("Lint: a collector set id above 255, truncated by 24.09.1 (the dump shows it)") {
    const Lint l = lint("collector-set-truncated");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"error collector-set-truncated"});
    CHECK(l.findings.front().message.find("print collector_set=44") != std::string::npos);
    const Lint full = lint("collector-set-full");
    CHECK(full.findings.empty());
}

TEST_CASE("Lint: samples on a shadowed ACL never fire") {
    const Lint l = lint("shadowed-sample");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"warning shadowed-sample"});
    const AclCoverage& acl4 = coverage_of(l.coverage, "4a1c0de4");
    REQUIRE(acl4.shadowed_by != nullptr);
    CHECK(acl4.shadowed_by->uuid.to_string().starts_with("878ba823"));
    CHECK_FALSE(acl4.new_traffic.fires);
    CHECK_FALSE(acl4.established.fires);
    CHECK(coverage_of(l.coverage, "878ba823").new_traffic.fires);
}

TEST_CASE("Lint: a label overrides the sample ids") {
    const Lint l = lint("label-overrides-sample");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"warning label-overrides-sample"});
    const AclCoverage& acl3 = coverage_of(l.coverage, "878ba823");
    CHECK(acl3.new_traffic.fires);  // per-ACL flows: with obs_domain app 0 and the label
    CHECK(acl3.new_traffic.app_id == 0);
    CHECK(acl3.new_traffic.obs_point == 77);
    CHECK(acl3.reply.obs_point == 77);
}

TEST_CASE("Lint: the dump's flow mode contradicts the chassis rows") {
    const Lint l = lint("flow-mode-mismatch");
    CHECK(kinds(l.findings) == std::multiset<std::string>{"warning flow-mode-mismatch", "warning flow-mode-mismatch"});
    for (const SampleUsage& usage : l.coverage.samples) {
        CHECK(usage.mode.mode == SampleFlowMode::per_acl);
        CHECK(usage.observed == SampleFlowMode::shared);
    }
}

TEST_CASE("Lint: samples on an ACL that applies nowhere, dangling collectors") {
    const Lint not_applied = lint("acl-not-applied");
    CHECK(kinds(not_applied.findings) == std::multiset<std::string>{"info acl-not-applied"});
    CHECK_FALSE(has_errors(not_applied.findings));
    const AclCoverage& acl4 = coverage_of(not_applied.coverage, "4a1c0de4");
    CHECK(acl4.switches.empty());
    CHECK_FALSE(acl4.new_traffic.fires);

    const Lint dangling = lint("dangling-collector");
    CHECK(kinds(dangling.findings) ==
          std::multiset<std::string>{"warning dangling-collector", "warning dangling-collector"});
}
