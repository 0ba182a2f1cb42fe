// Which NB ACL decided a verdict, on OVN 23.03's single ACL stages (the k8s scenario): by
// the flows' stage-hint when sb/Logical_Flow is there, by the ACL's match text and priority
// when it is not, and by the connection for replies.
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

namespace fs = std::filesystem;

const fs::path kK8s = bundled_corpora() / "ovn-23.03" / "k8s";

// The trace's packet, with the modelled conntrack.
TraceResult trace_file(const std::shared_ptr<const Bundle>& bundle, const std::string& trace,
                       Conversation conversation = Conversation::single) {
    return run_trace(bundle, modelled_request(read_ovn_trace(kK8s / "traces" / trace), conversation));
}

// A copy of the k8s bundle without sb/Logical_Flow: no stage hints.
fs::path k8s_without_logical_flows() {
    const fs::path dir = fs::temp_directory_path() / ("ovnsim-k8s-nolf-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(kK8s, dir, fs::copy_options::recursive);
    for (const char* f : {"sb/Logical_Flow.json", "sb/Logical_Flow.txt"}) fs::remove(dir / f);
    return dir;
}

void check_drops(const std::shared_ptr<const Bundle>& bundle, AttributionMethod method) {
    for (const char* trace : {"tcp-syn-c1-to-server-80-dropped-detailed.txt", "tcp-syn-c4-to-server-5201-dropped-detailed.txt"}) {
        CAPTURE(std::string(trace));
        const PacketResult p = trace_file(bundle, trace).packets.front();
        CHECK(p.verdict == Verdict::drop);
        REQUIRE(p.drop());
        CHECK(p.drop()->stage == "ls_out_acl");
        REQUIRE(p.acl);
        CHECK(p.acl->name == "NP:demo:Ingress");
        CHECK(p.acl->action == "drop");
        CHECK(p.acl->direction == "to-lport");
        CHECK(p.acl->priority == 1000);
        CHECK(p.acl->method == method);
    }
    const PacketResult egress = trace_file(bundle, "udp-server-to-c1-egress-dropped-detailed.txt").packets.front();
    REQUIRE(egress.drop());
    CHECK(egress.drop()->stage == "ls_in_acl_after_lb");
    REQUIRE(egress.acl);
    CHECK(egress.acl->name == "NP:demo:Egress");
    CHECK(egress.acl->direction == "from-lport");
    CHECK(egress.acl->method == method);
}

}  // namespace

TEST_CASE("attribution: drops on OVN 23.03 name the default-deny ACLs through their stage hints") {
    check_drops(bundle_at(kK8s), AttributionMethod::stage_hint);
}

TEST_CASE("attribution: without sb/Logical_Flow, through the ACL's match text and priority") {
    const fs::path dir = k8s_without_logical_flows();
    check_drops(Bundle::load(dir.string()), AttributionMethod::match_text);
    fs::remove_all(dir);
}

TEST_CASE("attribution: an allowed connection and its reply name the allowing ACL") {
    const TraceResult r = trace_file(bundle_at(kK8s), "tcp-syn-c1-to-server-5201-allowed-detailed.txt",
                                     Conversation::handshake);
    REQUIRE(r.packets.size() == 3);
    for (const PacketResult& p : r.packets) {
        CAPTURE(p.role);
        CHECK(p.verdict == Verdict::output);
        REQUIRE(p.acl);
        CHECK(p.acl->name == "NP:demo:allow-5201:ingress:0:0:-1");
        CHECK(p.acl->external_ids.size() > 0);
    }
    CHECK(r.packets[0].acl->method == AttributionMethod::stage_hint);
    CHECK(r.packets[1].acl->method == AttributionMethod::connection);
    // The address set and port group of the ACL's flow were bound from SB, and that is said.
    bool from_sb = false;
    for (const TraceNote& n : r.packets[0].notes) from_sb = from_sb || n.code == "port_group_source";
    CHECK(from_sb);
}
