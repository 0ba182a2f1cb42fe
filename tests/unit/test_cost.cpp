// Measured flow cost on real dumps: exact sampling overhead of the talk scenarios in every
// release (per-ACL flows with two collectors or without registers, shared flows with one
// collector), each ACL's flows and how they were attributed, owners, and the same answers
// with and without SB stage-hints.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "sim/bundle.hpp"
#include "sim/cost.hpp"
#include "sim/flow_stats.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

MeasuredCost cost_of(const Bundle& bundle, bool with_sb = true) {
    return measure_cost(bundle.flows(), &bundle.nb(), with_sb ? &bundle.sb() : nullptr);
}

const AclCost* cost_of_acl(const MeasuredCost& cost, std::string_view match) {
    for (const AclCost& acl : cost.by_acl) {
        if (acl.acl->match == match) return &acl;
    }
    return nullptr;
}

std::map<std::string, std::uint64_t> flows_per_acl(const MeasuredCost& cost) {
    std::map<std::string, std::uint64_t> out;
    for (const AclCost& acl : cost.by_acl) out[acl.acl->uuid.to_string()] = acl.flows;
    return out;
}

constexpr std::string_view kTalkAllowRelated = R"(inport == "vif1" && ip4.dst == 10.244.2.6)";

TEST_CASE("cost: the talk scenarios' sampling overhead, per-ACL against shared, in every release") {
    for (const char* version : {"ovn-24.09", "ovn-25.03", "ovn-26.03"}) {
        for (const char* scenario : {"talk", "talk-one-collector", "talk-one-collector-noreg"}) {
            const auto dir = test::bundled_corpora() / version / scenario;
            if (!std::filesystem::exists(dir)) continue;
            CAPTURE(dir.string());
            const auto bundle = Bundle::load(dir.string());
            const MeasuredCost cost = cost_of(*bundle);
            CHECK(cost.total == count_flows(bundle->flows()).total);
            CHECK(cost.sampling.default_flows == 3);
            CHECK(cost.sampling.beyond_defaults == 3);
            CHECK(cost.sampling.with_sample_action == 3);
            const bool shared = std::string_view(scenario) == "talk-one-collector";
            CHECK(cost.sampling.per_acl == (shared ? 0 : 3));
            CHECK(cost.sampling.shared == (shared ? 3 : 0));

            // Three ACLs, two eval flows each; the sampled allow-related one also owns its
            // three per-ACL sample flows (new in ingress, est in ingress and egress).
            REQUIRE(cost.by_acl.size() == 3);
            CHECK(cost.acl_flows == (shared ? 6 : 9));
            const AclCost* sampled = cost_of_acl(cost, kTalkAllowRelated);
            REQUIRE(sampled != nullptr);
            CHECK(sampled->flows == (shared ? 2 : 5));
            CHECK(sampled->sampling_flows == (shared ? 0 : 3));
            CHECK(sampled->shared_sampling_flows_used == (shared ? 3 : 0));
            CHECK(sampled->by_method.at("stage-hint") == 2);
            if (!shared) CHECK(sampled->by_method.at("observation-point") == 3);
            CHECK(sampled->by_stage.at("ls_in_acl_eval") == 2);
            REQUIRE(cost.by_owner.size() == 1);
            CHECK(cost.by_owner[0].owner.type.empty());
            CHECK(cost.by_owner[0].flows == cost.acl_flows);
            CHECK(cost.by_owner[0].acls == 3);
        }
    }
}

TEST_CASE("cost: match-text attribution gives what the SB stage-hints give") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    const MeasuredCost hinted = cost_of(*bundle, true);
    const MeasuredCost by_text = cost_of(*bundle, false);
    CHECK(hinted.used_stage_hints);
    CHECK_FALSE(by_text.used_stage_hints);
    CHECK(flows_per_acl(hinted) == flows_per_acl(by_text));
    CHECK(cost_of_acl(by_text, kTalkAllowRelated)->by_method.at("match") == 2);
}

TEST_CASE("cost: a dump without NB tables is counted, not attributed") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk/lflows.txt").string());
    const MeasuredCost cost = measure_cost(bundle->flows(), nullptr, nullptr);
    CHECK_FALSE(cost.attributed);
    CHECK(cost.by_acl.empty());
    CHECK(cost.total == bundle->flows().flow_count());
    CHECK(cost.sampling.beyond_defaults == 3);
}

TEST_CASE("cost: OVN 23.03 (single ls_in_acl stage) attributes OVN-Kubernetes ACLs to their owners") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-23.03/k8s").string());
    for (const bool with_sb : {true, false}) {
        const MeasuredCost cost = cost_of(*bundle, with_sb);
        CHECK(cost.sampling.sample_stage_flows == 0);
        REQUIRE(cost.by_owner.size() == 2);
        CHECK(cost.by_owner[0].owner.type == "NetpolNamespace");
        CHECK(cost.by_owner[0].owner.name == "demo");
        CHECK(cost.by_owner[0].acls == 4);
        CHECK(cost.by_owner[0].flows == 8);
        CHECK(cost.by_owner[1].owner.type == "NetworkPolicy");
        CHECK(cost.by_owner[1].owner.name == "demo:allow-5201");
        CHECK(cost.by_owner[1].flows == 2);
    }
}

TEST_CASE("cost: bigcluster, 1800 tiered OVN-Kubernetes ACLs with shared sample flows") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto bundle = Bundle::load((*corpora / "ovn-26.03/bigcluster").string());
    const MeasuredCost cost = cost_of(*bundle);
    CHECK(cost.total == 77285);
    CHECK(cost.by_acl.size() == 1800);
    // 300 namespaces, each with its isolation ACLs and two network policies.
    CHECK(cost.by_owner.size() == 900);
    std::size_t owned_acls = 0;
    for (const OwnerCost& owner : cost.by_owner) owned_acls += owner.acls;
    CHECK(owned_acls == 1800);
    // Every ACL's eval flows on every switch where its port group has ports; no ACL has its
    // own sample flow: 60 switches x (1 ingress + 2 after-lb + 3 egress) shared flows.
    CHECK(cost.acl_flows == 28800);
    CHECK(cost.sampling.per_acl == 0);
    CHECK(cost.sampling.shared == 360);
    for (const AclCost& acl : cost.by_acl) {
        CHECK(acl.sampling_flows == 0);
        CHECK(acl.shared_sampling_flows_used > 0);
    }
    CHECK(flows_per_acl(cost) == flows_per_acl(cost_of(*bundle, false)));
}

}  // namespace
}  // namespace ovnsim
