// The action printer: canonical text, and printing then parsing gives the same list.
#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

std::string canonical(std::string_view text) { return print_actions(parse_actions(text, kOrigin)); }

TEST_CASE("action printer: canonical text") {
    CHECK(canonical("") == "");
    CHECK(canonical("/* drop */") == "");
    CHECK(canonical("drop;") == "drop;");
    CHECK(canonical("reg8[16]=1;next;") == "reg8[16] = 1; next;");
    CHECK(canonical("next(pipeline=ingress,table=32);") == "next(pipeline=ingress, table=32);");
    CHECK(canonical("next(table=3);") == "next(3);");
    CHECK(canonical("next(pipeline=egress);") == "next(pipeline=egress);");
    CHECK(canonical("reg0 = 0xff/0xf0;") == "reg0 = 0xf0/0xf0;");
    CHECK(canonical("outport<->inport;") == "outport <-> inport;");
    CHECK(canonical("reg0[0..15] = reg1[16..31];") == "reg0[0..15] = reg1[16..31];");
    CHECK(canonical("reg9[2] = lookup_arp( inport, arp.spa, arp.sha );") == "reg9[2] = lookup_arp(inport, arp.spa, arp.sha);");
    CHECK(canonical("ct_commit { ct_mark.blocked = 0; };") == "ct_commit { ct_mark.blocked = 0; };");
    CHECK(canonical("ct_commit{};") == "ct_commit { };");
    CHECK(canonical("ct_commit(ct_label=0x1/0x1, ct_mark=2);") == "ct_commit(ct_mark=2, ct_label=0x1/0x1);");
    CHECK(canonical("ct_next(dnat); ct_commit_nat(snat); ct_commit_to_zone(dnat); ct_clear;") ==
          "ct_next(dnat); ct_commit_nat(snat); ct_commit_to_zone(dnat); ct_clear;");
    CHECK(canonical("ct_dnat(10.0.0.1, 100-200); ct_snat_in_czone(fd00::1);") ==
          "ct_dnat(10.0.0.1,100-200); ct_snat_in_czone(fd00::1);");
    CHECK(canonical("ct_lb(10.0.0.1:80, 10.0.0.2:80);") == "ct_lb(backends=10.0.0.1:80,10.0.0.2:80);");
    CHECK(canonical(R"(ct_lb_mark(backends="p":[fd00::1]:80; hash_fields="ip_src"; force_snat);)") ==
          R"(ct_lb_mark(backends="p":[fd00::1]:80; hash_fields="ip_src"; force_snat);)");
    CHECK(canonical("ct_lb_mark(); ct_lb_mark;") == "ct_lb_mark(); ct_lb_mark;");
    CHECK(canonical("sample(obs_point=reg3, obs_domain=42, collector_set=100, probability=65535);") ==
          "sample(probability=65535,collector_set=100,obs_domain=42,obs_point=reg3);");
    CHECK(canonical("sample(obs_point=$cookie,probability=1);") == "sample(probability=1,obs_point=$cookie);");
    CHECK(canonical(R"(log(verdict=drop, severity=alert, name="x", meter="m");)") ==
          R"(log(name="x", verdict=drop, severity=alert, meter="m");)");
    CHECK(canonical("reject { /* implicit */ outport <-> inport; next(pipeline=egress,table=5); };") ==
          "reject { outport <-> inport; next(pipeline=egress, table=5); };");
    CHECK(canonical("clone { };") == "clone { };");
    CHECK(canonical("ip.ttl--; push(reg0); pop(reg0[1]); igmp; handle_svc_check(inport);") ==
          "ip.ttl--; push(reg0); pop(reg0[1]); igmp; handle_svc_check(inport);");
    CHECK(canonical("reg0 = foo(a,b); bar(1) { baz; }; qux { };") == "reg0 = foo(a,b); bar(1) { baz; }; qux { };");
}

TEST_CASE("action printer: print then parse gives the same list") {
    const char* texts[] = {
        "reg8[16] = 1; reg0[13] = 1; reg3 = 4301; reg9 = 4302; reg8[0..7] = 0; reg8[8..15] = 0; reg8[19..20] = 0; next;",
        "ct_commit { ct_mark.blocked = 0; ct_mark.allow_established = reg0[20]; ct_mark.obs_stage = reg8[19..20]; "
        "ct_mark.obs_collector_id = reg8[8..15]; ct_label.obs_point_id = reg9; ct_label.acl_id = reg2[16..31]; "
        "ct_label.nf = 0; ct_label.nf_id = 0; }; next;",
        "flags.pkt_sampled = 1; sample(probability=65535,collector_set=42,obs_domain=43,obs_point=ct_label.obs_point_id); "
        "next;",
        "reg0 = 0; reject { /* eth.dst <-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inport; "
        "next(pipeline=egress,table=10); };",
        "eth.dst = eth.src; eth.src = 0a:58:0a:f4:01:01; nd_na_router { eth.src = 0a:58:0a:f4:01:01; ip6.src = "
        "fe80::858:aff:fef4:101; nd.target = fe80::858:aff:fef4:101; nd.tll = 0a:58:0a:f4:01:01; outport = inport; "
        "flags.loopback = 1; output; };",
        R"(log(name="NP:a\"b", verdict=allow, severity=info); reg8[16] = 1; next;)",
        "clone { outport = \"rtos-node1\"; ct_clear; flags = 0; reg0 = 0; next(pipeline=ingress, table=0); };",
    };
    for (const char* text : texts) {
        CAPTURE(text);
        const ActionList list = parse_actions(text, kOrigin);
        const std::string printed = print_actions(list);
        CHECK(parse_actions(printed, kOrigin) == list);
        CHECK(print_actions(parse_actions(printed, kOrigin)) == printed);
    }
}

TEST_CASE("action keywords: OVN's actions and functions are known") {
    CHECK(is_known_action("ct_lb_mark"));
    CHECK(is_known_action("handle_svc_check"));
    CHECK(is_known_action("sample"));
    CHECK_FALSE(is_known_action("frobnicate"));
    CHECK_FALSE(is_known_action("lookup_arp"));
    CHECK(is_known_function("lookup_arp"));
    CHECK(is_known_function("ct_tp_dst"));
    CHECK_FALSE(is_known_function("next"));
}

}  // namespace
}  // namespace ovnsim::test
