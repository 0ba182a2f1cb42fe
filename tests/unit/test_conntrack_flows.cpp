// Conntrack through logical flows: a load balancer's DNAT (first backend, or --lb-dst) and
// its undoing for the reply, ct_commit storing mark and label for the next packet, and
// ovn-trace's forced states.
#include <doctest/doctest.h>

#include "sim/trace_session.hpp"
#include "tests/unit/test_eval_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

constexpr std::string_view kUuid = "11111111-2222-3333-4444-555555555555";

// A switch with a load balancer 10.9.0.10:80 -> 10.0.0.2:8080, 10.0.0.3:8080, a stateful
// stage that commits with ct_mark.blocked = 1 for port 23, and an egress that tracks (and
// untranslates) in the output port's zone, commits new connections and drops blocked ones.
std::shared_ptr<const Bundle> lb_switch() {
    std::string d = datapath_header("sw", kUuid, "ingress");
    d += flow_line(0, "ls_in_pre_stateful", 100, "ip", "ct_lb_mark;");
    d += flow_line(0, "ls_in_pre_stateful", 0, "1", "next;");
    d += flow_line(1, "ls_in_lb", 120, "ct.new && ip4.dst == 10.9.0.10 && tcp.dst == 80",
                   "ct_lb_mark(backends=10.0.0.2:8080,10.0.0.3:8080);");
    d += flow_line(1, "ls_in_lb", 0, "1", "next;");
    d += flow_line(2, "ls_in_stateful", 100, "ct.new && tcp.dst == 23", "ct_commit { ct_mark.blocked = 1; ct_label.obs_point_id = 77; }; next;");
    d += flow_line(2, "ls_in_stateful", 0, "1", "next;");
    d += flow_line(3, "ls_in_verdict", 100, "ct.est && ct_mark.blocked == 1", "drop;");
    d += flow_line(3, "ls_in_verdict", 0, "1", "next;");
    d += flow_line(4, "ls_in_l2", 50, "ip4.dst == 10.0.0.1", "outport = \"client\"; output;");
    d += flow_line(4, "ls_in_l2", 50, "ip4.dst == 10.0.0.2", "outport = \"server1\"; output;");
    d += flow_line(4, "ls_in_l2", 50, "ip4.dst == 10.0.0.3", "outport = \"server2\"; output;");
    d += datapath_header("sw", kUuid, "egress");
    d += flow_line(0, "ls_out_pre_stateful", 100, "ip", "ct_lb_mark;");
    d += flow_line(0, "ls_out_pre_stateful", 0, "1", "next;");
    d += flow_line(1, "ls_out_stateful", 100, "ct.new", "ct_commit; next;");
    d += flow_line(1, "ls_out_stateful", 0, "1", "next;");
    d += flow_line(2, "ls_out_verdict", 100, "ct.est && ct_mark.blocked == 1", "drop;");
    d += flow_line(2, "ls_out_verdict", 0, "1", "next;");
    d += flow_line(3, "ls_out_deliver", 0, "1", "output;");
    return bundle_of(d);
}

PacketSpec packet(std::string microflow) {
    PacketSpec p;
    p.datapath = "sw";
    p.microflow = std::move(microflow);
    return p;
}

const char* kSynToVip = "inport == \"client\" && ip4.src == 10.0.0.1 && ip4.dst == 10.9.0.10 && tcp && tcp.src == 5000 && tcp.dst == 80 && tcp.flags == 2";

struct Lookups : TraceObserver {
    std::vector<std::string> states;
    void ct_lookup(const CtLookupEvent& e) override { states.push_back(ct_state_text(e.state)); }
};

}  // namespace

TEST_CASE("conntrack flows: ct_lb_mark DNATs a new connection to its first backend, and undoes it for replies") {
    TraceSession session(lb_switch());
    Lookups lookups;
    const PacketResult syn = session.trace(packet(kSynToVip), &lookups);
    CHECK(syn.output_ports == std::vector<std::string>{"server1"});
    CHECK(std::find(syn.notes.begin(), syn.notes.end(), TraceNote{"lb_first_backend", "ct_lb_mark"}) != syn.notes.end());
    REQUIRE(syn.deliveries.size() == 1);
    CHECK(syn.deliveries[0].packet.get(Storage::ip4_dst) == Bits128(0x0a000002));
    CHECK(syn.deliveries[0].packet.get(Storage::tcp_dst) == Bits128(8080));
    REQUIRE(syn.conntrack.zones.size() == 2);
    CHECK(syn.conntrack.zones[0].zone.name == "client");
    CHECK(syn.conntrack.zones[1].zone.name == "server1");
    const CtEntrySnapshot& e = syn.conntrack.zones[0].entries.at(0);
    REQUIRE(e.nat);
    CHECK(e.nat->address == Bits128(0x0a000002));
    CHECK(e.reply.src == Bits128(0x0a000002));
    // ct_lb_mark marks what it translated.
    bool natted = false;
    for (const CtNamedValue& v : e.named) natted = natted || (v.name == "ct_mark.natted" && v.value == Bits128(1));
    CHECK(natted);

    // The backend answers the client.
    const PacketResult reply = session.trace(packet(
        "inport == \"server1\" && ip4.src == 10.0.0.2 && ip4.dst == 10.0.0.1 && tcp && tcp.src == 8080 && tcp.dst == 5000 && tcp.flags == 0x12"), &lookups);
    REQUIRE(reply.deliveries.size() == 1);
    CHECK(reply.deliveries[0].packet.get(Storage::ip4_src) == Bits128(0x0a09000a));  // the VIP again
    CHECK(reply.deliveries[0].packet.get(Storage::tcp_src) == Bits128(80));
    // SYN: pre_stateful's ct_lb_mark finds nothing yet, the load balancer's translates and
    // commits, the backend's zone sees a new connection. Reply: the backend's zone finds
    // it answered; the client's finds the translated one and untranslates (source NAT).
    CHECK(lookups.states ==
          std::vector<std::string>{"new|trk", "new|trk|dnat", "new|trk", "est|rpl|trk", "est|rpl|trk|snat"});
}

TEST_CASE("conntrack flows: --lb-dst picks the backend") {
    TraceOptions options;
    options.lb_dst = "10.0.0.3:8080";
    TraceSession session(lb_switch(), options);
    const PacketResult syn = session.trace(packet(kSynToVip));
    CHECK(syn.output_ports == std::vector<std::string>{"server2"});
    CHECK(syn.notes.empty() == false);
    CHECK(std::find(syn.notes.begin(), syn.notes.end(), TraceNote{"lb_first_backend", "ct_lb_mark"}) == syn.notes.end());
}

TEST_CASE("conntrack flows: a commit's mark decides the connection's next packets") {
    TraceSession session(lb_switch());
    const char* telnet = "inport == \"client\" && ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && tcp && tcp.src == 5001 && tcp.dst == 23 && tcp.flags == 2";
    const PacketResult first = session.trace(packet(telnet));
    CHECK(first.verdict == Verdict::output);
    const PacketResult answer = session.trace(packet(
        "inport == \"server1\" && ip4.src == 10.0.0.2 && ip4.dst == 10.0.0.1 && tcp && tcp.src == 23 && tcp.dst == 5001 && tcp.flags == 0x12"));
    // In the client's zone the reply finds the connection committed with ct_mark.blocked = 1.
    CHECK(answer.verdict == Verdict::drop);
    REQUIRE(answer.drop());
    CHECK(answer.drop()->stage == "ls_out_verdict");
    const CtEntrySnapshot& e = answer.conntrack.zones.at(0).entries.back();
    CHECK(e.established);
    CHECK(e.label == Bits128(77) << 96);
    session.clear_conntrack();
    CHECK(session.conntrack_snapshot().zones.empty());
}

TEST_CASE("conntrack flows: forced states as ovn-trace takes them, then est|trk with a note") {
    TraceOptions options;
    options.forced_ct = std::vector<std::uint8_t>{parse_ct_flags("new")};
    struct Sources : TraceObserver {
        std::vector<CtSource> sources;
        std::vector<std::string> states;
        void ct_lookup(const CtLookupEvent& e) override {
            sources.push_back(e.source);
            states.push_back(ct_state_text(e.state));
        }
    } observer;
    TraceSession session(lb_switch(), options);
    const PacketResult p = session.trace(packet(kSynToVip), &observer);
    // ct_lb_mark in pre_stateful takes `new`; the load balancer's ct_lb_mark has nothing
    // left and, as ovn-trace, adds est|trk and dnat to the state it already had; so does
    // the egress ct_lb_mark (the state crossed from ingress on the same chassis).
    CHECK(observer.sources ==
          std::vector<CtSource>{CtSource::forced, CtSource::forced_default, CtSource::forced_default});
    CHECK(observer.states == std::vector<std::string>{"new|trk", "new|est|trk|dnat", "new|est|trk|dnat"});
    CHECK(std::find(p.notes.begin(), p.notes.end(), TraceNote{"ct_state_default", "est|trk"}) != p.notes.end());
}

TEST_CASE("conntrack flows: flags.pkt_sampled survives from ingress to egress on one chassis, not in ovn-trace") {
    // Established-reply sample flows in both pipelines, guarded as OVN 26.03 guards them.
    const std::string guard = "flags.pkt_sampled == 0 && ip && ct.trk && ct.est && ct.rpl";
    std::string d = datapath_header("sw", kUuid, "ingress");
    d += flow_line(0, "ls_in_pre_stateful", 100, "ip", "ct_next;");
    d += flow_line(1, "ls_in_acl_sample", 1000, guard,
                   "flags.pkt_sampled = 1; sample(probability=65535,collector_set=1,obs_domain=43,obs_point=7); next;");
    d += flow_line(1, "ls_in_acl_sample", 0, "1", "next;");
    d += flow_line(2, "ls_in_stateful", 100, "ct.new", "ct_commit; next;");
    d += flow_line(2, "ls_in_stateful", 0, "1", "next;");
    d += flow_line(3, "ls_in_l2", 50, "ip4.dst == 10.0.0.1", "outport = \"a\"; output;");
    d += flow_line(3, "ls_in_l2", 50, "ip4.dst == 10.0.0.2", "outport = \"b\"; output;");
    d += datapath_header("sw", kUuid, "egress");
    d += flow_line(0, "ls_out_pre_stateful", 100, "ip", "ct_next;");
    d += flow_line(1, "ls_out_acl_sample", 1000, guard,
                   "flags.pkt_sampled = 1; sample(probability=65535,collector_set=1,obs_domain=43,obs_point=8); next;");
    d += flow_line(1, "ls_out_acl_sample", 0, "1", "next;");
    d += flow_line(2, "ls_out_stateful", 100, "ct.new", "ct_commit; next;");
    d += flow_line(2, "ls_out_stateful", 0, "1", "next;");
    d += flow_line(3, "ls_out_deliver", 0, "1", "output;");
    const auto bundle = bundle_of(d);
    for (const PipelineHandoff handoff : {PipelineHandoff::datapath, PipelineHandoff::ovn_trace}) {
        CAPTURE(static_cast<int>(handoff));
        TraceRequest r;
        r.packet = packet("inport == \"a\" && ip4.src == 10.0.0.1 && ip4.dst == 10.0.0.2 && tcp && tcp.src == 1 && tcp.dst == 2 && tcp.flags == 2");
        r.conversation = Conversation::handshake;
        r.options.handoff = handoff;
        const TraceResult result = run_trace(bundle, r);
        REQUIRE(result.packets.size() == 3);
        const PacketResult& synack = result.packets[1];
        CHECK(synack.verdict == Verdict::output);
        // A datapath samples the reply once: the flag set in b's ingress guards a's egress.
        // ovn-trace zeroes flags between the pipelines and samples it twice.
        REQUIRE(synack.samples.size() == (handoff == PipelineHandoff::datapath ? 1u : 2u));
        CHECK(synack.samples[0].obs_point_id == 7u);
    }
}
