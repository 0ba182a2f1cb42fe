// Flow -> ACL attribution: every flow the northd model generates for an ACL is attributed
// back to that ACL by match text alone, and no fixed, port or load-balancer flow is
// attributed to any ACL. Checked on the talk NB with every ACL kind the index knows
// (eval, stateless filter, log-related, labels, per-ACL and shared sample flows) and on
// bigcluster's 1800 tiered ACLs.
#include <doctest/doctest.h>

#include <algorithm>

#include "sim/acl_flow_index.hpp"
#include "sim/bundle.hpp"
#include "sim/northd_model/bundle_config.hpp"
#include "sim/northd_model/northd_model.hpp"
#include "sim/whatif_edits.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

struct Tally {
    std::size_t acl_flows = 0, other_flows = 0, shared_flows = 0;
};

Tally check_round_trip(const NbModel& nb, const NorthdConfig& config) {
    const PredictedFlows predicted = predict_acl_flows(nb, config);
    const AclFlowIndex index(nb, nullptr);
    Tally tally;
    for (const DatapathFlows& dp : predicted.datapaths) {
        for (const GeneratedFlow& flow : dp.flows()) {
            LogicalFlowRef ref;
            ref.datapath = dp.name();
            ref.stage = flow.stage;
            ref.priority = flow.priority;
            ref.match = flow.match;
            ref.actions = flow.actions;
            const auto found = index.attribute(ref);
            CAPTURE(flow.text());
            if (flow.origin == FlowOrigin::acl || flow.origin == FlowOrigin::acl_sample ||
                flow.origin == FlowOrigin::shared_sample) {
                REQUIRE(found.has_value());
                CHECK(std::find(found->acls.begin(), found->acls.end(), flow.acl) != found->acls.end());
                CHECK((found->role == AclFlowRole::shared_sample) == (flow.origin == FlowOrigin::shared_sample));
                CHECK((found->role == AclFlowRole::sample) == (flow.origin == FlowOrigin::acl_sample));
                if (found->role == AclFlowRole::shared_sample) ++tally.shared_flows;
                else ++tally.acl_flows;
            } else {
                CHECK_FALSE(found.has_value());
                ++tally.other_flows;
            }
        }
    }
    return tally;
}

NbAcl& acl_matching(NbModel& nb, std::string_view match) {
    auto it = std::find_if(nb.acls.begin(), nb.acls.end(), [&](const NbAcl& a) { return a.match == match; });
    REQUIRE(it != nb.acls.end());
    return *it;
}

TEST_CASE("acl flow index: every ACL flow of the model maps back to its ACL by match text") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    NorthdConfig config = northd_config_for(*bundle).config;
    NbModel nb = bundle->nb();
    // Every kind the index knows: a stateless filter, a labelled log-related ACL, samples.
    NbAcl& arp = acl_matching(nb, "arp");
    arp.action = AclAction::allow_stateless;
    arp.action_name = "allow-stateless";
    NbAcl& allow = acl_matching(nb, R"(inport == "vif1" && ip4.dst == 10.244.2.6)");
    allow.log = true;
    allow.label = 77;
    allow.options["log-related"] = "true";
    nb.resolve();
    std::vector<std::string> log;
    WhatIfEdits all;
    all.sample = {AclSelector::all()};
    apply_nb_edits(nb, all, log);

    const Tally per_acl = check_round_trip(nb, config);
    // 2 eval flows each for drop and allow-related, 1 for allow-stateless, its pre_acl filter,
    // 2 log-related flows; 3 sample flows for the stateful two, 1 for the stateless one.
    CHECK(per_acl.acl_flows == 2 + 2 + 1 + 1 + 2 + 3 + 3 + 1);
    CHECK(per_acl.shared_flows == 0);

    set_collector_count(nb, 1, log);
    const Tally shared = check_round_trip(nb, config);
    CHECK(shared.shared_flows > 0);
    CHECK(shared.other_flows == per_acl.other_flows);
}

TEST_CASE("acl flow index: bigcluster's tiered ACLs and shared sample flows map back") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto bundle = Bundle::load((*corpora / "ovn-26.03/bigcluster").string());
    const Tally tally = check_round_trip(bundle->nb(), northd_config_for(*bundle).config);
    CHECK(tally.acl_flows == 28800);
    CHECK(tally.shared_flows == 360);
}

TEST_CASE("acl flow index: a flow is attributed only on a switch the ACL applies to") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    const AclFlowIndex index(bundle->nb(), nullptr);
    LogicalFlowRef ref;
    ref.stage = "ls_in_acl_eval";
    ref.priority = 2000;
    ref.match = "reg0[10] == 1 && (ip)";
    ref.actions = "reg8[17] = 1; ct_commit { ct_mark.blocked = 1; ct_label.obs_point_id = 0; }; next;";
    ref.datapath = "ls1";
    const auto found = index.attribute(ref);
    REQUIRE(found.has_value());
    CHECK(found->method == AclAttributionMethod::match_text);
    CHECK(found->acls.size() == 1);
    CHECK(found->acls[0]->match == "ip");
    ref.priority = 2001;  // no drop ACL at priority 1001
    CHECK_FALSE(index.attribute(ref).has_value());
    ref.priority = 2000;
    ref.stage = "ls_out_acl_eval";  // a from-lport ACL's flow is never in egress
    CHECK_FALSE(index.attribute(ref).has_value());
}

}  // namespace
}  // namespace ovnsim
