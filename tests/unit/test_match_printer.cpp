// The match printer: canonical text, and printing then parsing gives the same tree.
#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

std::string canonical(std::string_view text) { return print_match(parse_match(text, kOrigin)); }

TEST_CASE("match printer: canonical spacing and operators") {
    CHECK(canonical("reg0[7]==1&&(1)") == "reg0[7] == 1 && 1");
    CHECK(canonical("  ip4.dst  ==  10.0.0.1 ") == "ip4.dst == 10.0.0.1");
    CHECK(canonical("reg8[0..7] == 1 && reg8[19..20] == 0") == "reg8[0..7] == 1 && reg8[19..20] == 0");
    CHECK(canonical("reg0[5..5] == 1") == "reg0[5] == 1");
    CHECK(canonical("tcp.dst=={80 443,}") == "tcp.dst == {80, 443}");
    CHECK(canonical("tcp.dst == {80}") == "tcp.dst == {80}");
    CHECK(canonical("1024<=tcp.src<=49151") == "1024 <= tcp.src <= 49151");
    CHECK(canonical("80 == tcp.dst") == "80 == tcp.dst");
    CHECK(canonical("5 > reg0") == "5 > reg0");
    CHECK(canonical("is_chassis_resident( \"p\" )") == "is_chassis_resident(\"p\")");
    CHECK(canonical("x == /* comment */ 1 // tail") == "x == 1");
}

TEST_CASE("match printer: parentheses only where the tree needs them") {
    CHECK(canonical("((ip4))") == "ip4");
    CHECK(canonical("!(ct.est)") == "!ct.est");
    CHECK(canonical("!(a == 1)") == "!(a == 1)");
    CHECK(canonical("ip && (ct.est || ct.rel) && !ct.rpl") == "ip && (ct.est || ct.rel) && !ct.rpl");
    CHECK(canonical("(a && b) && c") == "(a && b) && c");
    CHECK(canonical("(a || b)") == "a || b");
    CHECK(canonical("!(a && b)") == "!(a && b)");
    CHECK(canonical("!(!a)") == "!(!a)");
}

TEST_CASE("match printer: constants in the notation they were written in") {
    CHECK(canonical("x == 0x00ff") == "x == 0xff");
    CHECK(canonical("x == 0x0") == "x == 0x0");
    CHECK(canonical("x == 0/0x1234") == "x == 0x0/0x1234");
    CHECK(canonical("x == 5/3") == "x == 1/3");
    CHECK(canonical("ip4.src == 10.1.2.3/8") == "ip4.src == 10.0.0.0/8");
    CHECK(canonical("ip4.src == 10.1.2.3/255.0.255.0") == "ip4.src == 10.0.2.0/255.0.255.0");
    CHECK(canonical("ip4.src == 10.1.2.3/255.255.255.255") == "ip4.src == 10.1.2.3/32");
    CHECK(canonical("ip6.src == fe80:0:0:0::1/64") == "ip6.src == fe80::/64");
    CHECK(canonical("ip6.src == ::ffff:1.2.3.4") == "ip6.src == ::ffff:1.2.3.4");
    CHECK(canonical("ip6.src == 2001:DB8::1") == "ip6.src == 2001:db8::1");
    CHECK(canonical("eth.src == 0A:58:0a:F4:01:02") == "eth.src == 0a:58:0a:f4:01:02");
    CHECK(canonical(R"(inport == "a\u0062")") == R"(inport == "a\u0062")");
    CHECK(canonical("x == {$as, ^t}") == "x == {$as, ^t}");
    CHECK(canonical("x == {@pg, \"p\"}") == "x == {@pg, \"p\"}");
}

TEST_CASE("match printer: print then parse gives the same tree") {
    const char* texts[] = {
        "reg0[7] == 1 && (inport == @pg_scale && ip4.dst == 10.100.19.131 && tcp.dst == 6019)",
        "((ip4 && icmp4.type == 3 && icmp4.code == 4) || (ip6 && icmp6.type == 2 && icmp6.code == 0)) && "
        "eth.dst == 0a:58:0a:f4:01:01 && flags.tunnel_rx == 1",
        "flags.pkt_sampled == 0 && ip && ct.trk && (ct.est || ct.rel) && ct_label.obs_unused == 0 && ct.rpl && "
        "ct_mark.obs_collector_id == 1",
        "ip6.dst == {fe80::/10, ::1, ff02::1:ff00:0/104} && 1 <= udp.dst < 1024 && !(udp.src == 53)",
        R"((outport == "ns1_pod-1-0" && !is_chassis_resident("ns1_pod-1-0")) || 0)",
        "ct_label == 0xffffffff000000000000000000000001/0xffffffff000000000000000000000001",
    };
    for (const char* text : texts) {
        CAPTURE(text);
        const MatchExpr tree = parse_match(text, kOrigin);
        const std::string printed = print_match(tree);
        CHECK(parse_match(printed, kOrigin) == tree);
        CHECK(print_match(parse_match(printed, kOrigin)) == printed);
    }
}

}  // namespace
}  // namespace ovnsim::test
