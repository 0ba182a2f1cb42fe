// Bad input to a trace is an InputError naming where it is (the CLI turns it into exit 2):
// an unknown datapath or port, a microflow that does not parse or has no inport, an inport
// that is not on the datapath (where ovn-trace aborts too).
#include <doctest/doctest.h>

#include "tests/unit/test_eval_support.hpp"
#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

std::shared_ptr<const Bundle> two_switches() {
    std::string d = datapath_header("sw1", "11111111-0000-0000-0000-000000000001", "ingress");
    d += flow_line(0, "ls_in_l2", 50, "inport == \"p1\"", "outport = \"p1b\"; output;");
    d += flow_line(0, "ls_in_l2", 0, "outport == \"p1b\"", "drop;");
    d += datapath_header("sw2", "11111111-0000-0000-0000-000000000002", "ingress");
    d += flow_line(0, "ls_in_l2", 50, "inport == \"p2\"", "next;");
    return bundle_of(d);
}

InputError error_of(const std::shared_ptr<const Bundle>& bundle, std::string datapath, std::string microflow) {
    TraceRequest r;
    r.packet.datapath = std::move(datapath);
    r.packet.microflow = std::move(microflow);
    r.packet.source = "cmdline";
    try {
        run_trace(bundle, r);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("no error");
    return InputError("", {}, "");
}

}  // namespace

TEST_CASE("trace errors: unknown datapath") {
    const InputError e = error_of(two_switches(), "sw9", "inport == \"p1\"");
    CHECK(e.message().find("sw9") != std::string::npos);
}

TEST_CASE("trace errors: unknown port, missing inport, inport on another datapath") {
    const auto bundle = two_switches();
    const InputError unknown = error_of(bundle, "sw1", "inport == \"p9\" && ip4");
    CHECK(unknown.file() == "cmdline");
    CHECK(unknown.message().find("p9") != std::string::npos);

    const InputError none = error_of(bundle, "sw1", "ip4 && ip4.src == 10.0.0.1");
    CHECK(none.message() == "microflow does not specify ingress port");

    const InputError elsewhere = error_of(bundle, "sw1", "inport == \"p2\"");
    CHECK(elsewhere.message().find("not a port of datapath \"sw1\"") != std::string::npos);
    CHECK(elsewhere.message().find("\"sw2\"") != std::string::npos);

    // Without a datapath the inport's is used, as ovn-trace does.
    TraceRequest r;
    r.packet.microflow = "inport == \"p2\"";
    const TraceResult ok = run_trace(bundle, r);
    CHECK(ok.packets.front().datapath == "sw2");
}

TEST_CASE("trace errors: a microflow that does not parse or solve is located in it") {
    const auto bundle = bundle_at(bundled_corpora() / "ovn-26.03" / "talk");
    const InputError syntax = error_of(bundle, "ls1", "inport == \"vif1\" && && ip4");
    CHECK(syntax.file() == "cmdline");
    CHECK(syntax.loc().column == 21);  // the second `&&`
    const InputError open = error_of(bundle, "ls1", "inport == \"vif1\" && tcp.dst == 80");
    CHECK(open.message().find("ambiguous") != std::string::npos);
    const InputError not_utf8 = error_of(bundle, "ls1", "inport == \"vif\xff\"");
    CHECK(not_utf8.file() == "cmdline");
}

TEST_CASE("trace errors: a bad --ct flag and a bad flow in the dump") {
    CHECK_THROWS_AS(parse_ct_flags("established"), InputError);
    const auto bundle = bundle_of(datapath_header("sw", "11111111-0000-0000-0000-000000000001", "ingress") +
                                  flow_line(0, "ls_in_l2", 50, "inport == \"p1\"", "reg0[99] = 1; next;"));
    const InputError e = error_of(bundle, "sw", "inport == \"p1\"");
    CHECK(e.file() == "test-lflows.txt");
    CHECK(e.loc().line == 2);
}
