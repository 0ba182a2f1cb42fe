// Trace requests from text (sim/trace_request_text) and the JSON of a packet built from
// ports (sim/report/port_packet_json).
#include <doctest/doctest.h>

#include "sim/bundle.hpp"
#include "sim/report/port_packet_json.hpp"
#include "sim/trace_request_text.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

TEST_CASE("make_trace_options: --ct flags in order, lb_dst, handoff") {
    const TraceOptions options = make_trace_options({{"new", "est,rpl"}, "10.0.0.5:80", true, true});
    REQUIRE(options.forced_ct.has_value());
    CHECK(options.forced_ct->size() == 2);
    CHECK(options.forced_ct->at(0) != options.forced_ct->at(1));
    CHECK(options.lb_dst == "10.0.0.5:80");
    CHECK(options.trace_generated);
    CHECK(options.handoff == PipelineHandoff::ovn_trace);
    CHECK_FALSE(make_trace_options({}).forced_ct.has_value());
    CHECK_THROWS_WITH_AS(make_trace_options({{"bogus"}}, "ct"), doctest::Contains("ct"), InputError);
}

TEST_CASE("apply_conversation: the kind and the follow-up packets on the first packet's datapath") {
    TraceRequest request;
    request.packet.datapath = "ls1";
    apply_conversation({true, false, {"inport == \"vif1\"", "inport == \"vif2\""}}, request, "then");
    CHECK(request.conversation == Conversation::handshake);
    REQUIRE(request.then.size() == 2);
    CHECK(request.then[1].datapath == "ls1");
    CHECK(request.then[1].source == "then[2]");
    TraceRequest both;
    CHECK_THROWS_WITH_AS(apply_conversation({true, true, {}}, both), doctest::Contains("exclude each other"),
                         InputError);
}

TEST_CASE("parse_port_protocol") {
    CHECK(parse_port_protocol("udp", "proto") == PortProtocol::udp);
    CHECK_THROWS_WITH_AS(parse_port_protocol("sctp", "proto"), doctest::Contains("'sctp' is not tcp, udp or icmp"),
                         InputError);
}

TEST_CASE("port_packet_json: the ports, the microflow and every value filled in") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    const PortPacketRequest request{"vif1", "vif2", PortProtocol::tcp, std::nullopt, 8080};
    const auto json = port_packet_json(build_port_packet(*bundle, request), request);
    CHECK(json["from"] == "vif1");
    CHECK(json["to"] == "vif2");
    CHECK(json["datapath"] == "ls1");
    CHECK(json["destination_port"] == "vif2");
    const std::string microflow = json["microflow"];
    CHECK(microflow.find("ip4.dst == 10.244.2.6") != std::string::npos);
    CHECK(microflow.find("tcp.dst == 8080") != std::string::npos);
    CHECK_FALSE(json["filled"].empty());
    for (const auto& filled : json["filled"]) CHECK_FALSE(filled["reason"].get<std::string>().empty());
}

}  // namespace
}  // namespace ovnsim
