// The JSON form of a trace (a stable interface): its keys and values on the talk's
// handshake and on a packet an ACL drops.
#include <doctest/doctest.h>

#include "sim/report/trace_json.hpp"
#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

TraceRequest talk_request(std::string microflow, Conversation conversation) {
    TraceRequest r;
    r.packet.datapath = "ls1";
    r.packet.microflow = std::move(microflow);
    r.conversation = conversation;
    return r;
}

const char* kSyn =
    "inport == \"vif1\" && eth.src == 0a:58:0a:f4:01:04 && eth.dst == 0a:58:0a:f4:02:06 && "
    "ip4.src == 10.244.1.4 && ip4.dst == 10.244.2.6 && tcp && tcp.src == 40000 && tcp.dst == 8080 && "
    "tcp.flags == 0x002";

}  // namespace

TEST_CASE("trace json: the handshake's packets with verdict, ACL, samples, hops and conntrack") {
    const auto bundle = bundle_at(bundled_corpora() / "ovn-26.03" / "talk");
    TraceJsonObserver observer;
    const TraceResult result = run_trace(bundle, talk_request(kSyn, Conversation::handshake), &observer);
    const nlohmann::json& j = observer.json();
    CHECK(j == trace_result_json(result));
    REQUIRE(j["packets"].size() == 3);
    const auto& syn = j["packets"][0];
    CHECK(syn["role"] == "syn");
    CHECK(syn["verdict"] == "output");
    CHECK(syn["output_ports"] == nlohmann::json::array({"vif2"}));
    CHECK(syn["drop_reason"].is_null());
    CHECK(syn["acl"]["priority"] == 2000);
    CHECK(syn["acl"]["direction"] == "from-lport");
    CHECK(syn["acl"]["action"] == "allow-related");
    CHECK(syn["acl"]["method"] == "stage_hint");
    CHECK(syn["attribution_method"] == "stage_hint");
    REQUIRE(syn["samples"].size() == 2);
    CHECK(syn["samples"][0]["obs_domain_id"] == 0x2a000001);
    CHECK(syn["samples"][0]["obs_point_id"] == 1011);
    CHECK(syn["samples"][0]["stage"] == "ls_in_acl_sample");
    for (const auto& hop : syn["hops"]) {
        for (const char* key : {"datapath", "pipeline", "stage", "table", "priority", "match", "actions"})
            CHECK(hop.contains(key));
    }
    CHECK(syn["hops"][0]["stage"] == "ls_in_check_port_sec");
    CHECK(syn["hops"][0]["pipeline"] == "ingress");
    // The ip.ttl default is reported.
    bool ttl = false;
    for (const auto& d : syn["defaults"]) ttl = ttl || d["field"] == "ip.ttl";
    CHECK(ttl);

    const auto& conntrack = syn["conntrack"];
    REQUIRE(conntrack.size() == 2);
    CHECK(conntrack[0]["zone"] == "vif1");
    const auto& entry = conntrack[0]["entries"][0];
    CHECK(entry["state"] == "new");
    CHECK(entry["original"]["src"] == "10.244.1.4");
    CHECK(entry["reply"]["src"] == "10.244.2.6");
    CHECK(entry["fields"]["ct_label.obs_point_id"] == "1012");
    CHECK(entry["acl"]["stage"] == "ls_in_stateful");
    CHECK(j["packets"][2]["conntrack"][0]["entries"][0]["state"] == "established");
    CHECK(j["packets"][1]["acl"]["method"] == "connection");
}

TEST_CASE("trace json: a packet an ACL drops") {
    const auto bundle = bundle_at(bundled_corpora() / "ovn-26.03" / "talk");
    const char* reverse =
        "inport == \"vif2\" && eth.src == 0a:58:0a:f4:02:06 && eth.dst == 0a:58:0a:f4:01:04 && "
        "ip4.src == 10.244.2.6 && ip4.dst == 10.244.1.4 && tcp && tcp.src == 8080 && tcp.dst == 40000 && "
        "tcp.flags == 0x002";
    const nlohmann::json j = trace_result_json(run_trace(bundle, talk_request(reverse, Conversation::single)));
    const auto& p = j["packets"][0];
    CHECK(p["verdict"] == "drop");
    CHECK(p["output_ports"].empty());
    CHECK(p["drop_reason"] == "drop_action");
    CHECK(p["drop"]["stage"] == "ls_in_acl_action");
    CHECK(p["acl"]["action"] == "drop");
    CHECK(p["acl"]["match"] == "ip");
    CHECK(p["samples"].empty());
}
