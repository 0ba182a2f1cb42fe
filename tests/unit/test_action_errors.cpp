// The action language: every error, its message (in the words of OVN's lib/actions.c) and
// its location in the file (texts start at flows.txt line 7, column 20).
#include <string>

#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

TEST_CASE("action errors: lists and separators") {
    CHECK(action_error("next") == "7:24: Syntax error at end of input expecting `;'.");
    CHECK(action_error("next; output") == "7:32: Syntax error at end of input expecting `;'.");
    CHECK(action_error("next;;") == "7:25: Syntax error at `;' expecting action.");
    CHECK(action_error("drop; next;") == error_at("drop; next;", "next", "Syntax error at `next' expecting end of input."));
    CHECK(action_error("next; drop;") == error_at("next; drop;", "drop", "Syntax error at `drop' expecting action."));
    CHECK(action_error("clone { drop; next; };") ==
          error_at("clone { drop; next; };", "next", "Syntax error at `next' expecting `}'."));
    CHECK(action_error("clone { next;") == "7:33: Syntax error at end of input expecting `}'.");
    CHECK(action_error("clone next;") == error_at("clone next;", "next", "Syntax error at `next' expecting `{'."));
    CHECK(action_error("icmp4 { next; }") == "7:35: Syntax error at end of input expecting `;'.");
    CHECK(action_error("10.0.0.1;") == "7:20: Syntax error at `10.0.0.1' expecting action.");
    CHECK(action_error("^tmpl;") == "7:20: Unexpanded template.");
}

TEST_CASE("action errors: assignments") {
    CHECK(action_error("reg0 = ;") == error_at("reg0 = ;", ";", "Syntax error at `;' expecting constant."));
    CHECK(action_error("reg0[1 = 1;") == error_at("reg0[1 = 1;", "=", "Syntax error at `=' expecting `]'."));
    CHECK(action_error("reg0[2..1] = 1;") == "7:20: Invalid bit range 2 to 1.");
    CHECK(action_error("reg0 <-> 1;") == error_at("reg0 <-> 1;", "1", "Syntax error at `1' expecting field name."));
    CHECK(action_error("reg0 = {1, 2};") == error_at("reg0 = {1, 2};", "{", "Syntax error at `{' expecting constant."));
    CHECK(action_error("reg0 = 0x;") == error_at("reg0 = 0x;", "0x", "Hex digits expected following 0x."));
    CHECK(action_error("ip.ttl++;") == error_at("ip.ttl++;", "++", "Invalid character `+' in input."));
    CHECK(action_error("ip.ttl;") == error_at("ip.ttl;", ";", "Syntax error at `;' expecting `--'."));
}

TEST_CASE("action errors: next and conntrack") {
    CHECK(action_error("next(pipeline=foo);") ==
          error_at("next(pipeline=foo);", "foo", "Syntax error at `foo' expecting \"ingress\" or \"egress\"."));
    CHECK(action_error("next(foo=1);") ==
          error_at("next(foo=1);", "foo", "Syntax error at `foo' expecting \"pipeline\" or \"table\"."));
    CHECK(action_error("next(table=x);") == error_at("next(table=x);", "x)", "Syntax error at `x' expecting small integer."));
    CHECK(action_error("next(1;") == error_at("next(1;", ";", "Syntax error at `;' expecting `)'."));
    CHECK(action_error("ct_next(foo);") ==
          error_at("ct_next(foo);", "foo", "\"ct_next\" action accepts only \"dnat\" or \"snat\" parameter."));
    CHECK(action_error("ct_commit_to_zone;") ==
          error_at("ct_commit_to_zone;", ";", "Syntax error at `;' expecting `('."));
    CHECK(action_error("ct_commit(ct_zone=1);") ==
          error_at("ct_commit(ct_zone=1);", "ct_zone", "Syntax error at `ct_zone' expecting ct_mark or ct_label."));
    CHECK(action_error("ct_dnat(foo);") ==
          error_at("ct_dnat(foo);", "foo", "Syntax error at `foo' expecting IPv4 or IPv6 address."));
    CHECK(action_error("ct_dnat(10.0.0.1, 0);") ==
          error_at("ct_dnat(10.0.0.1, 0);", "0)", "Syntax error at `0' range can't be 0."));
    CHECK(action_error("ct_dnat(10.0.0.1, 20-10);") ==
          error_at("ct_dnat(10.0.0.1, 20-10);", "10)",
             "Syntax error at `10' range high should be greater than range low."));
    CHECK(action_error("ct_lb_mark(backends=foo);") ==
          error_at("ct_lb_mark(backends=foo);", "foo", "Syntax error at `foo' expecting IP address."));
    CHECK(action_error("ct_lb_mark(backends=fd00::1:80:1.2.3.4:5);").find("IPv6 address needs square brackets") !=
          std::string::npos);
    CHECK(action_error("ct_lb_mark(backends=[10.0.0.1]:80);") ==
          error_at("ct_lb_mark(backends=[10.0.0.1]:80);", "10.", "Syntax error at `10.0.0.1' expecting IPv6 address."));
    CHECK(action_error("ct_lb_mark(backends=10.0.0.1:70000);") ==
          error_at("ct_lb_mark(backends=10.0.0.1:70000);", "70000", "Syntax error at `70000' expecting port number."));
}

TEST_CASE("action errors: sample and log") {
    CHECK(action_error("sample(obs_domain=256);") ==
          error_at("sample(obs_domain=256);", "256", "Syntax error at `256' obs_domain must be 8-bit long."));
    CHECK(action_error("sample(probability=65536);") ==
          error_at("sample(probability=65536);", "65536", "Syntax error at `65536' expecting probability."));
    CHECK(action_error("sample(rate=1);") == error_at("sample(rate=1);", "rate", "Syntax error at `rate' unknown argument."));
    CHECK(action_error("sample(obs_point=0x10);") ==
          error_at("sample(obs_point=0x10);", "0x10", "Syntax error at `0x10' expecting obs_point."));
    CHECK(action_error("log(severity=info);") == error_at("log(severity=info);", ";", "Syntax error at `;' expecting verdict."));
    CHECK(action_error("log(name=foo, verdict=drop);") ==
          error_at("log(name=foo, verdict=drop);", "foo", "Syntax error at `foo' expecting string."));
    const std::string long_name = "log(verdict=drop, name=\"" + std::string(64, 'n') + "\");";
    CHECK(action_error(long_name).find("name must be shorter than 64 characters") != std::string::npos);
}

TEST_CASE("action errors: raw arguments must be balanced tokens") {
    CHECK(action_error("foo(1") == "7:25: Syntax error at end of input expecting `)'.");
    CHECK(action_error("foo(1]);") == error_at("foo(1]);", "]", "Syntax error at `]' expecting `)'."));
    CHECK(action_error("foo({1);") == error_at("foo({1);", ")", "Syntax error at `)' expecting `}'."));
    CHECK(action_error("put_arp(inport, #);") == error_at("put_arp(inport, #);", "#", "Invalid character `#' in input."));
    CHECK(action_error("reg0 = lookup_arp(\"x);") ==
          error_at("reg0 = lookup_arp(\"x);", "\"x", "Input ends inside quoted string."));
    CHECK(action_error("next; /* unterminated") == error_at("next; /* unterminated", "/*", "`/*' without matching `*/'."));
}

TEST_CASE("action errors: nesting is bounded, never a stack overflow") {
    std::string nested;
    for (int i = 0; i < 31; ++i) nested += "clone { ";
    std::string closed = nested;
    for (int i = 0; i < 31; ++i) closed += "}; ";
    CHECK(action_error(closed) == "no error");  // OVN's limit: 31 nested blocks
    CHECK(action_error(nested + "clone { next; };") ==
          "7:" + std::to_string(20 + nested.size() + 6) + ": maximum depth of nested actions reached");
    std::string huge;
    for (int i = 0; i < 100000; ++i) huge += "clone { ";
    CHECK(action_error(huge).find("maximum depth of nested actions reached") != std::string::npos);
    CHECK(action_error(std::string(100000, '{')) == "7:20: Syntax error at `{' expecting action.");
    CHECK(action_error("foo" + std::string(100000, '(')) == "7:100023: Syntax error at end of input expecting `)'.");
}

TEST_CASE("action errors: bytes that are no token") {
    CHECK(action_error("next; \x01;") == "7:26: Invalid byte 0x01 in input.");
    CHECK(action_error("n\xc3\xa9xt;") == "7:21: Invalid byte 0xc3 in input.");
    CHECK(action_error("next & output;") == error_at("next & output;", "&", "`&' is only valid as part of `&&'."));
}

}  // namespace
}  // namespace ovnsim::test
