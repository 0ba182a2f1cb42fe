// Every ovn-trace output of the corpora reproduced: the same packet with the same --ct
// states gives the same (stage, priority) hits in the same order, the same flow uuids
// (--uuid bundles) and the same verdict and output ports.
//
// With PipelineHandoff::ovn_trace (what ovn-trace keeps between pipelines) the hops must be
// identical. With the datapath's rules (ovnsim's default) they are identical too, except
// where crossing a patch port clears conntrack state: ovn-trace carries the SYN's
// ct_state=new into the next datapath, a datapath does ct_clear (ovn-reference.md §8), so
// the next switch sees an untracked packet (see test_trace_bigcluster.cpp).
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

bool crosses_patch_port(const PacketResult& p) {
    return std::any_of(p.hops.begin(), p.hops.end(),
                       [&](const TraceHop& h) { return h.datapath != p.hops.front().datapath; });
}

void check_trace(const std::filesystem::path& file, int& checked) {
    CAPTURE(file.string());
    const OvnTraceFile expected = read_ovn_trace(file);
    const auto bundle = bundle_at(file.parent_path().parent_path());
    for (const PipelineHandoff handoff : {PipelineHandoff::ovn_trace, PipelineHandoff::datapath}) {
        CAPTURE(static_cast<int>(handoff));
        const TraceResult result = run_trace(bundle, request_of(expected, handoff));
        REQUIRE(result.packets.size() == 1);
        const PacketResult& p = result.packets.front();
        const bool same_rules = handoff == PipelineHandoff::ovn_trace || !crosses_patch_port(p);
        if (expected.mode == "detailed" && same_rules) {
            const bool uuids = !expected.hops.empty() && !printed_hops(p).empty() && !printed_hops(p).front().uuid.empty();
            if (uuids) CHECK(printed_hops(p) == expected.hops);
            else CHECK(without_uuids(printed_hops(p)) == without_uuids(expected.hops));
        }
        if (same_rules) {
            CHECK(p.output_ports == expected.delivered);
            CHECK(p.verdict == (expected.delivered.empty() ? Verdict::drop : Verdict::output));
        }
        CHECK(p.not_modelled.size() <= p.hops.size());
    }
    ++checked;
}

}  // namespace

TEST_CASE("trace corpus: every bundled ovn-trace output is reproduced") {
    int checked = 0;
    for (const auto& file : ovn_trace_files(bundled_corpora())) check_trace(file, checked);
    CHECK(checked >= 60);
}

TEST_CASE("trace corpus: every shared ovn-trace output is reproduced") {
    const auto corpora = shared_corpora_or_skip();
    if (!corpora) return;
    int checked = 0;
    for (const auto& file : ovn_trace_files(*corpora)) {
        if (file.string().find("bigcluster") != std::string::npos) continue;  // test_trace_bigcluster.cpp
        check_trace(file, checked);
    }
    CHECK(checked >= 100);
}
