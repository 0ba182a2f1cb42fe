// The big cluster (60 node switches, one router, 1 800 tiered ACLs with shared sample
// flows): a SYN from a pod on node1 to a pod on node8, through ovn_cluster_router.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

std::optional<std::filesystem::path> bigcluster() {
    const auto corpora = shared_corpora_or_skip();
    if (!corpora) return std::nullopt;
    const auto dir = *corpora / "ovn-26.03" / "bigcluster";
    if (!std::filesystem::exists(dir / "lflows.txt.xz")) {
        std::cout << "SKIPPED: no ovn-26.03/bigcluster\n";
        return std::nullopt;
    }
    return dir;
}

// The hops of one datapath's pipeline, as ovn-trace prints them.
std::vector<OvnTraceHop> hops_in(const PacketResult& p, std::string_view datapath, Pipeline pipeline) {
    std::vector<OvnTraceHop> out;
    for (const TraceHop& h : p.hops) {
        if (h.datapath == datapath && h.pipeline == pipeline && !h.ovn_trace_omits)
            out.push_back({std::string(h.stage), h.priority, ""});
    }
    return out;
}

}  // namespace

TEST_CASE("bigcluster: ovn-trace's SYN across nodes through the router, hop for hop") {
    const auto dir = bigcluster();
    if (!dir) return;
    const OvnTraceFile expected = read_ovn_trace(*dir / "traces" / "syn-detailed.txt");
    const auto bundle = bundle_at(*dir);

    // What ovn-trace keeps between pipelines: the same hops, uuids included.
    const TraceResult same = run_trace(bundle, request_of(expected, PipelineHandoff::ovn_trace));
    REQUIRE(same.packets.size() == 1);
    CHECK(printed_hops(same.packets.front()) == expected.hops);
    CHECK(same.packets.front().output_ports == expected.delivered);

    // A datapath clears conntrack state at each patch port (ovn-reference.md §8): node8's
    // ingress sees an untracked packet, which acl_hint classifies at priority 5 (`!ct.trk`)
    // where ovn-trace, carrying ct_state=new from node1, shows priority 7. Everything up
    // to the router, the router itself and the delivery agree.
    const TraceResult real = run_trace(bundle, request_of(expected, PipelineHandoff::datapath));
    const PacketResult& p = real.packets.front();
    const PacketResult& q = same.packets.front();
    for (const auto& [dp, pipeline] : {std::pair{"node1", Pipeline::Ingress}, {"node1", Pipeline::Egress},
                                       {"ovn_cluster_router", Pipeline::Ingress},
                                       {"ovn_cluster_router", Pipeline::Egress}, {"node8", Pipeline::Egress}}) {
        CAPTURE(dp);
        CHECK(hops_in(p, dp, pipeline) == hops_in(q, dp, pipeline));
    }
    const auto node8_in = hops_in(p, "node8", Pipeline::Ingress);
    const auto hint = std::find_if(node8_in.begin(), node8_in.end(),
                                   [](const OvnTraceHop& h) { return h.stage == "ls_in_acl_hint"; });
    REQUIRE(hint != node8_in.end());
    CHECK(hint->priority == 5);
    const auto traced_in = hops_in(q, "node8", Pipeline::Ingress);
    CHECK(std::find(traced_in.begin(), traced_in.end(), OvnTraceHop{"ls_in_acl_hint", 7, ""}) != traced_in.end());
    CHECK(p.output_ports == expected.delivered);
}

TEST_CASE("bigcluster: the SYN with the modelled conntrack, its ACLs and samples") {
    const auto dir = bigcluster();
    if (!dir) return;
    const OvnTraceFile syn = read_ovn_trace(*dir / "traces" / "syn-detailed.txt");
    const TraceResult result = run_trace(bundle_at(*dir), modelled_request(syn));
    const PacketResult& p = result.packets.front();
    CHECK(p.verdict == Verdict::output);
    CHECK(p.output_ports == std::vector<std::string>{"ns1_pod-8-20"});

    // The egress policy of the client's namespace (after-lb, node1) and the ingress policy
    // of the server's (node8), both tier 2, both found through their flows' stage hints.
    REQUIRE(p.acls.size() == 2);
    CHECK(p.acls[0].direction == "from-lport");
    CHECK(p.acls[1].direction == "to-lport");
    for (const AclAttribution& a : p.acls) {
        CHECK(a.method == AttributionMethod::stage_hint);
        CHECK(a.tier == 2);
        CHECK(a.action == "allow-related");
    }
    REQUIRE(p.acl);
    CHECK(p.acl->uuid == p.acls[0].uuid);

    // One new-connection sample per ACL: app acl-new (2) with each switch's tunnel key.
    REQUIRE(p.samples.size() == 2);
    CHECK(p.samples[0].stage == "ls_in_acl_after_lb_sample");
    CHECK(p.samples[0].obs_point_id == 1329673196u);
    CHECK(p.samples[1].stage == "ls_out_acl_sample");
    CHECK(p.samples[1].obs_point_id == 2188361438u);
    for (const SampleFired& s : p.samples) {
        CHECK(s.collector_set == 42);
        REQUIRE(s.datapath_key);
        CHECK(s.obs_domain_id == ((2u << 24) | *s.datapath_key));
        CHECK(s.point_source == SampleFired::PointSource::field);
    }
    // Committed in the client's zone (with its sample ids) and in the server's.
    std::vector<std::string> zones;
    for (const CtZoneSnapshot& z : p.conntrack.zones) zones.push_back(z.zone.name);
    CHECK(std::find(zones.begin(), zones.end(), "ns1_pod-1-0") != zones.end());
    CHECK(std::find(zones.begin(), zones.end(), "ns1_pod-8-20") != zones.end());
}

TEST_CASE("bigcluster: the handshake through the router, replies attributed to their connections") {
    const auto dir = bigcluster();
    if (!dir) return;
    const OvnTraceFile syn = read_ovn_trace(*dir / "traces" / "syn-detailed.txt");
    const TraceResult result = run_trace(bundle_at(*dir), modelled_request(syn, Conversation::handshake));
    REQUIRE(result.packets.size() == 3);
    const PacketResult& synack = result.packets[1];
    const PacketResult& ack = result.packets[2];
    CHECK(synack.output_ports == std::vector<std::string>{"ns1_pod-1-0"});
    CHECK(ack.output_ports == std::vector<std::string>{"ns1_pod-8-20"});
    // The SYN+ACK meets northd's reply flows on both switches: each names the ACL that
    // committed the connection in that zone (the server's ingress policy first).
    REQUIRE(synack.acls.size() == 2);
    CHECK(synack.acls[0].method == AttributionMethod::connection);
    CHECK(synack.acls[0].uuid == result.packets[0].acls[1].uuid);
    CHECK(synack.acls[1].uuid == result.packets[0].acls[0].uuid);
    // Established samples (app acl-est, 3) with the points the SYN committed: the reply
    // flows in the opposite stages for the SYN+ACK, the ACL's own stages for the ACK.
    REQUIRE(synack.samples.size() == 2);
    CHECK(synack.samples[0].stage == "ls_in_acl_sample");
    CHECK(synack.samples[0].obs_point_id == 2188361438u);
    CHECK(synack.samples[1].stage == "ls_out_acl_sample");
    CHECK(synack.samples[1].obs_point_id == 1329673196u);
    REQUIRE(ack.samples.size() == 2);
    CHECK(ack.samples[0].stage == "ls_in_acl_after_lb_sample");
    CHECK(ack.samples[1].stage == "ls_out_acl_sample");
    for (const PacketResult* p : {&synack, &ack}) {
        for (const SampleFired& s : p->samples) CHECK(s.obs_domain_id == ((3u << 24) | *s.datapath_key));
    }
}
