// The evaluator on small dumps written here: table lookup, ties, next and its jumps,
// output through egress and multicast groups, loops, the large-stage index, errors located
// in the dump, and actions that are not modelled.
#include <doctest/doctest.h>

#include "sim/eval/stage_index.hpp"
#include "sim/trace_session.hpp"
#include "tests/unit/test_eval_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

constexpr std::string_view kUuid = "11111111-2222-3333-4444-555555555555";

std::string switch_dump(std::string extra_ingress = {}, std::string l2_default = "outport = \"_MC_flood\"; output;") {
    std::string d = datapath_header("sw", kUuid, "ingress");
    d += flow_line(0, "ls_in_port", 50, "inport == \"p1\" || inport == \"p2\" || inport == \"p3\"", "next;");
    d += flow_line(0, "ls_in_port", 0, "1", "drop;");
    d += extra_ingress;
    d += flow_line(2, "ls_in_l2", 50, "eth.dst == 00:00:00:00:00:02", "outport = \"p2\"; output;");
    d += flow_line(2, "ls_in_l2", 0, "1", l2_default);
    d += datapath_header("sw", kUuid, "egress");
    d += flow_line(0, "ls_out_first", 0, "1", "next;");
    d += flow_line(1, "ls_out_deliver", 0, "1", "output;");
    return d;
}

const std::string kUnicast = "inport == \"p1\" && eth.src == 00:00:00:00:00:01 && eth.dst == 00:00:00:00:00:02";

PacketResult trace(const std::shared_ptr<const Bundle>& bundle, std::string microflow, TraceOptions options = {},
                   TraceObserver* observer = nullptr) {
    TraceSession session(bundle, std::move(options));
    PacketSpec spec;
    spec.datapath = "sw";
    spec.microflow = std::move(microflow);
    return session.trace(spec, observer);
}

std::vector<std::string> stages(const PacketResult& p) {
    std::vector<std::string> out;
    for (const TraceHop& h : p.hops) out.push_back(std::string(h.stage) + "/" + std::to_string(h.priority));
    return out;
}

struct Entries : TraceObserver {
    std::vector<PipelineEntry> entries;
    void pipeline_start(const PipelineStartEvent& e) override { entries.push_back(e.entry); }
};

}  // namespace

TEST_CASE("eval: the highest-priority match runs in each table, ingress then egress") {
    const auto bundle = bundle_of(switch_dump(flow_line(1, "ls_in_mid", 0, "1", "next;")));
    const PacketResult p = trace(bundle, kUnicast);
    CHECK(stages(p) == std::vector<std::string>{"ls_in_port/50", "ls_in_mid/0", "ls_in_l2/50", "ls_out_first/0",
                                                "ls_out_deliver/0"});
    CHECK(p.verdict == Verdict::output);
    CHECK(p.output_ports == std::vector<std::string>{"p2"});
    // ovn-trace leaves out tables whose flow is `1` / `next;`.
    CHECK(p.hops[1].ovn_trace_omits);
    CHECK(p.hops[3].ovn_trace_omits);
    CHECK_FALSE(p.hops[4].ovn_trace_omits);
    // Without port bindings the ports come from the flows' text, and that is said.
    CHECK(std::find(p.notes.begin(), p.notes.end(), TraceNote{"ports_from_dump", "sw"}) != p.notes.end());
}

TEST_CASE("eval: a drop names its table, an unmatched table is an implicit drop") {
    const auto bundle = bundle_of(switch_dump());
    const PacketResult dropped = trace(bundle, "inport == \"p1\" && eth.src == 00:00:00:00:00:01 && vlan.tci == 5");
    // p1 passes the port table; nothing else is special: the default floods.
    CHECK(dropped.verdict == Verdict::output);

    const auto strict = bundle_of(datapath_header("sw", kUuid, "ingress") +
                                  flow_line(0, "ls_in_port", 50, "inport == \"p1\"", "next;") +
                                  flow_line(1, "ls_in_acl", 10, "ip4", "/* drop */") +
                                  flow_line(1, "ls_in_acl", 5, "arp", "next;"));
    const PacketResult ip = trace(strict, "inport == \"p1\" && ip4 && ip4.src == 10.0.0.1");
    CHECK(ip.verdict == Verdict::drop);
    REQUIRE(ip.drop());
    CHECK(ip.drop()->reason == DropReason::drop_action);
    CHECK(ip.drop()->stage == "ls_in_acl");
    CHECK(ip.drop()->hop == std::optional<std::size_t>(1));

    const PacketResult other = trace(strict, "inport == \"p1\" && eth.type == 0x88cc");
    REQUIRE(other.drop());
    CHECK(other.drop()->reason == DropReason::no_match);
    CHECK(other.drop()->stage == "ls_in_acl");

    const PacketResult past_end = trace(strict, "inport == \"p1\" && arp");
    REQUIRE(past_end.drop());
    CHECK(past_end.drop()->reason == DropReason::no_table);
}

TEST_CASE("eval: two matching flows of one priority are an ambiguity; the first in dump order runs") {
    const auto bundle = bundle_of(switch_dump(flow_line(1, "ls_in_pick", 60, "ip4", "outport = \"p3\"; output;") +
                                              flow_line(1, "ls_in_pick", 60, "eth.type == 0x800", "outport = \"p2\"; output;") +
                                              flow_line(1, "ls_in_pick", 0, "1", "next;")));
    struct Ties : TraceObserver {
        std::size_t ties = 0;
        void table_hit(const TableHitEvent& e) override { ties += e.ties.size(); }
    } observer;
    const PacketResult p = trace(bundle, "inport == \"p1\" && ip4.src == 10.0.0.1", {}, &observer);
    CHECK(observer.ties == 1);
    CHECK(p.hops[1].tied_flows == 1);
    CHECK(p.output_ports == std::vector<std::string>{"p3"});
}

TEST_CASE("eval: multicast groups fan out to every other port; without SB they are computed") {
    const auto bundle = bundle_of(switch_dump());
    const PacketResult p = trace(bundle, "inport == \"p1\" && eth.src == 00:00:00:00:00:01 && eth.dst == ff:ff:ff:ff:ff:ff");
    CHECK(p.output_ports == std::vector<std::string>{"p2", "p3"});
    CHECK(std::find(p.notes.begin(), p.notes.end(), TraceNote{"loopback_copy_omitted", "p1"}) != p.notes.end());
}

TEST_CASE("eval: next(pipeline=P, table=N) maps N to this datapath's stage and enters P") {
    const auto bundle = bundle_of(switch_dump(flow_line(1, "ls_in_jump", 10, "ip4", "outport = \"p2\"; next(pipeline=egress, table=1);")));
    Entries observer;
    const PacketResult p = trace(bundle, "inport == \"p1\" && ip4.src == 10.0.0.1", {}, &observer);
    CHECK(stages(p) == std::vector<std::string>{"ls_in_port/50", "ls_in_jump/10", "ls_out_deliver/0"});
    CHECK(observer.entries == std::vector<PipelineEntry>{PipelineEntry::start, PipelineEntry::jump});
    CHECK(p.output_ports == std::vector<std::string>{"p2"});
}

TEST_CASE("eval: a resubmit loop ends at the loop guard") {
    const auto bundle = bundle_of(switch_dump(flow_line(1, "ls_in_loop", 10, "1", "next(1);")));
    TraceOptions options;
    options.max_table_visits = 200;
    const PacketResult p = trace(bundle, kUnicast, options);
    CHECK(p.verdict == Verdict::drop);
    REQUIRE(p.drop());
    CHECK(p.drop()->reason == DropReason::loop_guard);
    CHECK(p.hops.size() == 200);  // the 201st table visit is refused
}

TEST_CASE("eval: actions that are not modelled are reported, never skipped silently") {
    const auto bundle = bundle_of(switch_dump(
        flow_line(1, "ls_in_misc", 10, "arp", "put_arp(inport, arp.spa, arp.sha); reg0[3] = lookup_arp(inport, arp.spa, arp.sha); frobnicate; next;")));
    struct NotModelled : TraceObserver {
        std::vector<std::string> seen;
        void not_modelled(const NotModelledEvent& e) override { seen.push_back(std::string(e.action)); }
    } observer;
    const PacketResult p = trace(bundle, "inport == \"p1\" && arp && arp.op == 1", {}, &observer);
    CHECK(observer.seen == std::vector<std::string>{"put_arp", "lookup_arp", "frobnicate"});
    CHECK(p.not_modelled == std::vector<std::string>{"put_arp: no_effect_on_packet",
                                                     "lookup_arp: no_mac_binding_table_lookup_fails",
                                                     "frobnicate: unknown_action"});
    CHECK(p.verdict == Verdict::output);
}

TEST_CASE("eval: a flow's text errors and unknown sets are located in the dump") {
    const auto bad_match = bundle_of(switch_dump(flow_line(1, "ls_in_bad", 10, "ip4 &&", "next;")));
    try {
        trace(bad_match, kUnicast);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == "test-lflows.txt");
        CHECK(e.loc().line == 4);
        CHECK(e.loc().column > 40);
    }
    const auto unknown_set = bundle_of(switch_dump(flow_line(1, "ls_in_set", 10, "ip4.src == $blocked", "drop;")));
    try {
        trace(unknown_set, kUnicast);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.loc().line == 4);
        CHECK(e.message().find("$blocked") != std::string::npos);
        CHECK(e.message().find("sb/Address_Set") != std::string::npos);
    }
}

TEST_CASE("eval: a stage of thousands of flows is indexed on its most selective equality") {
    std::string flows;
    for (int i = 0; i < 1000; ++i) {
        flows += flow_line(1, "ls_in_acl", 2000 - i,
                           "reg0[7] == 1 && (ip4.dst == 10.0." + std::to_string(i / 250) + "." + std::to_string(i % 250) +
                               (i % 2 ? " && (tcp || udp)" : "") + " && tcp.dst == " + std::to_string(1000 + i) + ")",
                           "outport = \"p" + std::string(i == 777 ? "3" : "2") + "\"; output;");
    }
    flows += flow_line(1, "ls_in_acl", 1, "ip4.dst == 10.0.3.27 || ip4.dst == 10.0.0.1", "outport = \"p2\"; output;");
    flows += flow_line(1, "ls_in_acl", 1, "!(ip4.dst == 10.0.0.2)", "outport = \"p2\"; output;");
    flows += flow_line(1, "ls_in_acl", 0, "1", "next;");
    const auto bundle = bundle_of(switch_dump(flows));
    const LogicalStage* stage = bundle->flows().datapath("sw").ingress.stage("ls_in_acl");
    REQUIRE(stage);
    const auto index = StageIndex::build(*stage, SymbolTable::standard());
    REQUIRE(index);
    CHECK(index->field() == "ip4.dst");
    // The disjunction, the negation and `1` can match whatever the destination.
    CHECK(index->always_count() == 3);

    // i = 777: 10.0.3.27, tcp.dst 1777; reg0[7] is set by no flow here, so only the
    // disjunction at priority 1 can match; with reg0[7] set (as an input) the ACL does.
    const PacketResult fallback = trace(bundle, "inport == \"p1\" && ip4.dst == 10.0.3.27 && tcp && tcp.dst == 1777");
    CHECK(fallback.hops[1].priority == 1);
    const PacketResult hit = trace(bundle, "inport == \"p1\" && reg0[7] == 1 && ip4.dst == 10.0.3.27 && tcp && tcp.dst == 1777");
    CHECK(hit.hops[1].priority == 2000 - 777);
    CHECK(hit.output_ports == std::vector<std::string>{"p3"});
}

TEST_CASE("eval: a drop-debug sample's $cookie is the flow's uuid from a --uuid dump") {
    const auto bundle = bundle_of(datapath_header("sw", kUuid, "ingress") +
                                  "  uuid=0x1a2b3c4d, " + flow_line(0, "ls_in_port", 50, "inport == \"p1\"",
                                                                     "sample(probability=65535,collector_set=7,obs_domain=1,obs_point=$cookie); /* drop */").substr(2));
    const PacketResult p = trace(bundle, "inport == \"p1\"");
    CHECK(p.verdict == Verdict::drop);
    REQUIRE(p.samples.size() == 1);
    const SampleFired& s = p.samples.front();
    CHECK(s.point_source == SampleFired::PointSource::cookie);
    CHECK(s.obs_point_id == 0x1a2b3c4du);
    CHECK_FALSE(s.cookie_from_logical_flow);
    CHECK(s.collector_set == 7);
    CHECK(s.obs_domain == 1);
    // Without SB the datapath's tunnel key is unknown, and so is the full domain id.
    CHECK_FALSE(s.datapath_key);
    CHECK_FALSE(s.obs_domain_id);
    CHECK(p.hops.front().flow_uuid == 0x1a2b3c4du);
}
