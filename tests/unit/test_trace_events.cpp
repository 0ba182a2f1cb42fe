// The event stream observers get: sections balanced and nested as documented, every hop
// reported once, actions in order, and the events agreeing with the result.
#include <doctest/doctest.h>

#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

// Checks the nesting rules while recording what came.
struct Checker : TraceObserver {
    std::vector<std::string> open;  // "pipeline" / "branch", innermost last
    std::vector<unsigned> depths;   // content depth of each open section
    std::size_t hits = 0, actions = 0, samples = 0, commits = 0, packets = 0;
    bool in_packet = false;

    unsigned content_depth() const { return depths.empty() ? 0 : depths.back(); }

    void packet_start(const PacketStartEvent& e) override {
        CHECK_FALSE(in_packet);
        in_packet = true;
        CHECK(e.packet != nullptr);
        CHECK(e.datapath != nullptr);
    }
    void pipeline_start(const PipelineStartEvent& e) override {
        CHECK(e.depth == (open.empty() ? 0 : content_depth() + 1));
        CHECK(e.zone != nullptr);
        open.push_back("pipeline");
        depths.push_back(e.depth);
    }
    void pipeline_end(const PipelineEndEvent& e) override {
        REQUIRE_FALSE(open.empty());
        CHECK(open.back() == "pipeline");
        CHECK(e.depth == depths.back());
        open.pop_back();
        depths.pop_back();
    }
    void branch_start(const BranchEvent& e) override {
        CHECK(e.depth == content_depth());
        open.push_back("branch");
        depths.push_back(e.depth + 1);
    }
    void branch_end(const BranchEvent& e) override {
        REQUIRE_FALSE(open.empty());
        CHECK(open.back() == "branch");
        CHECK(e.depth + 1 == depths.back());
        open.pop_back();
        depths.pop_back();
    }
    void table_hit(const TableHitEvent& e) override {
        CHECK(e.depth == content_depth());
        CHECK(e.hop == hits);
        ++hits;
    }
    void action(const ActionEvent& e) override {
        CHECK(e.depth == content_depth());
        ++actions;
    }
    void sample(const SampleEvent& e) override {
        REQUIRE(e.sample);
        ++samples;
    }
    void ct_commit(const CtCommitEvent&) override { ++commits; }
    void packet_end(const PacketEndEvent& e) override {
        CHECK(open.empty());
        CHECK(e.result->hops.size() == hits);
        CHECK(e.result->samples.size() == samples);
        in_packet = false;
        hits = samples = 0;
        ++packets;
    }
};

}  // namespace

TEST_CASE("trace events: balanced sections, one event per hop, counts that agree with the result") {
    for (const char* dir : {"ovn-26.03/talk", "ovn-23.03/k8s"}) {
        CAPTURE(std::string(dir));
        const auto bundle_dir = bundled_corpora() / dir;
        for (const auto& file : ovn_trace_files(bundle_dir)) {
            if (file.filename().string().find("detailed") == std::string::npos) continue;
            CAPTURE(file.string());
            Checker checker;
            const TraceResult result =
                run_trace(bundle_at(bundle_dir), modelled_request(read_ovn_trace(file), Conversation::handshake), &checker);
            CHECK(checker.packets == result.packets.size());
            CHECK(checker.actions > 0);
        }
    }
}
