// The match language: what each construct parses into.
#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

// The single constant compared in `text` (of the form `field == constant`).
Constant compared_constant(std::string_view text) {
    const auto cmp = match_node<MatchComparison>(text);
    REQUIRE(cmp.constants.size() == 1);
    return cmp.constants.front();
}

Bits128 ipv6(std::uint64_t high, std::uint64_t low) { return Bits128::from_parts(high, low); }

TEST_CASE("match: fields and subfields") {
    const auto plain = match_node<MatchFieldTest>("ct.new").field;
    CHECK(plain.name == "ct.new");
    CHECK_FALSE(plain.has_bits);

    const auto bit = match_node<MatchFieldTest>("reg0[7]").field;
    CHECK(bit.name == "reg0");
    CHECK(bit.has_bits);
    CHECK(bit.low == 7);
    CHECK(bit.high == 7);

    const auto range = match_node<MatchComparison>("ct_label[96..127] == 4302").field;
    CHECK(range.name == "ct_label");
    CHECK(range.low == 96);
    CHECK(range.high == 127);

    CHECK(match_node<MatchComparison>("ct_mark.obs_collector_id == 1").field.name == "ct_mark.obs_collector_id");
    CHECK(match_node<MatchComparison>("reg8 [ 19 .. 20 ] == 0").field.high == 20);
}

TEST_CASE("match: decimal and hexadecimal integers up to 128 bits") {
    const Constant d = compared_constant("tcp.dst == 80");
    CHECK(d.kind() == Constant::Kind::Integer);
    CHECK(d.format() == IntegerFormat::Decimal);
    CHECK(d.value() == Bits128(80));
    CHECK_FALSE(d.masked());
    CHECK(compared_constant("x == 18446744073709551615").value() == Bits128(UINT64_MAX));

    const Constant h = compared_constant("eth.type == 0x86dd");
    CHECK(h.format() == IntegerFormat::Hexadecimal);
    CHECK(h.value() == Bits128(0x86dd));

    const Constant wide = compared_constant("ct_label == 0xffffffff000000000000000000000001");
    CHECK(wide.value() == Bits128::from_parts(0xffffffff00000000ULL, 1));
    CHECK(compared_constant("x == 0X000000000000000000000000000000000000000000ff").value() == Bits128(0xff));
}

TEST_CASE("match: IPv4, IPv6 in every notation, and Ethernet addresses") {
    const Constant v4 = compared_constant("ip4.dst == 10.100.19.131");
    CHECK(v4.format() == IntegerFormat::Ipv4);
    CHECK(v4.value() == Bits128(0x0a641383));

    CHECK(compared_constant("ip6.dst == ::").value() == Bits128());
    CHECK(compared_constant("ip6.dst == ::1").value() == Bits128(1));
    CHECK(compared_constant("ip6.dst == fe80::1").value() == ipv6(0xfe80000000000000ULL, 1));
    CHECK(compared_constant("ip6.dst == ff02::16").value() == ipv6(0xff02000000000000ULL, 0x16));
    CHECK(compared_constant("ip6.dst == 2001:db8:0:0:1:0:0:1").value() == ipv6(0x20010db800000000ULL, 0x0001000000000001ULL));
    CHECK(compared_constant("ip6.dst == 2001:db8::1:0:0:1").value() == ipv6(0x20010db800000000ULL, 0x0001000000000001ULL));
    const Constant mapped = compared_constant("ip6.src == ::ffff:1.2.3.4");
    CHECK(mapped.format() == IntegerFormat::Ipv6);
    CHECK(mapped.value() == ipv6(0, 0x0000ffff01020304ULL));
    CHECK(compared_constant("ip6.src == abcd:ef01:2345:6789:abcd:ef01:2345:6789").value() ==
          ipv6(0xabcdef0123456789ULL, 0xabcdef0123456789ULL));

    const Constant mac = compared_constant("eth.src == 0a:58:0a:f4:01:02");
    CHECK(mac.format() == IntegerFormat::Ethernet);
    CHECK(mac.value() == Bits128(0x0a580af40102ULL));
    CHECK(compared_constant("eth.dst == ff:ff:ff:ff:ff:ff").value() == Bits128(0xffffffffffffULL));
    // Starting with hex letters and a colon makes an address, not an identifier.
    CHECK(compared_constant("eth.dst == aa:bb:cc:dd:ee:ff").format() == IntegerFormat::Ethernet);
}

TEST_CASE("match: masks and prefix lengths clear the value bits outside the mask") {
    const Constant prefix = compared_constant("ip4.src == 10.1.2.3/8");
    CHECK(prefix.masked());
    CHECK(prefix.format() == IntegerFormat::Ipv4);
    CHECK(prefix.mask() == Bits128(0xff000000));
    CHECK(prefix.value() == Bits128(0x0a000000));

    const Constant full_mask = compared_constant("ip4.src == 192.168.7.9/255.255.0.255");
    CHECK(full_mask.mask() == Bits128(0xffff00ff));
    CHECK(full_mask.value() == Bits128(0xc0a80009));

    const Constant v6 = compared_constant("ip6.src == fe80::ffff/10");
    CHECK(v6.mask() == Bits128::mask(118, 10));
    CHECK(v6.value() == ipv6(0xfe80000000000000ULL, 0));
    CHECK(compared_constant("ip6.src == ::/0").mask() == Bits128());

    const Constant hex = compared_constant("reg0 == 0xff/0xf0");
    CHECK(hex.value() == Bits128(0xf0));
    CHECK(hex.mask() == Bits128(0xf0));

    // `0/0xHEX` is hexadecimal.
    const Constant zero = compared_constant("reg0 == 0/0x1234");
    CHECK(zero.format() == IntegerFormat::Hexadecimal);
    CHECK(zero.mask() == Bits128(0x1234));

    const Constant mac = compared_constant("eth.dst == 01:00:00:00:00:00/01:00:00:00:00:00");
    CHECK(mac.mask() == Bits128(0x010000000000ULL));
}

TEST_CASE("match: strings with JSON escapes, $address_set, @port_group, ^template") {
    const Constant s = compared_constant(R"(inport == "ns1_pod-1-0")");
    CHECK(s.kind() == Constant::Kind::String);
    CHECK(s.text() == "ns1_pod-1-0");
    CHECK(s.string().value() == "ns1_pod-1-0");

    const Constant escaped = compared_constant(R"(inport == "a\"b\\c\u00e9\n")");
    CHECK(escaped.string().raw == R"(a\"b\\c\u00e9\n)");
    CHECK(escaped.string().value() == "a\"b\\c\xc3\xa9\n");
    // Equal strings written differently are equal constants.
    CHECK(escaped == compared_constant("inport == \"\\u0061\\\"b\\\\c\xc3\xa9\\n\""));
    CHECK_FALSE(escaped == compared_constant(R"(inport == "a\"b\\c")"));

    const Constant as = compared_constant("ip4.src == $pg_scale_ip4");
    CHECK(as.kind() == Constant::Kind::AddressSet);
    CHECK(as.text() == "pg_scale_ip4");
    const Constant pg = compared_constant("inport == @pg_scale");
    CHECK(pg.kind() == Constant::Kind::PortGroup);
    CHECK(pg.text() == "pg_scale");
    const Constant tmpl = compared_constant("ip4.dst == ^vip_1");
    CHECK(tmpl.kind() == Constant::Kind::Template);
    CHECK(tmpl.text() == "vip_1");
}

TEST_CASE("match: value sets, commas optional") {
    const auto with_commas = match_node<MatchComparison>("tcp.dst == {80, 443, 8080}");
    CHECK(with_commas.constants.in_curlies);
    REQUIRE(with_commas.constants.size() == 3);
    CHECK(with_commas.constants[2].value() == Bits128(8080));

    const auto without = match_node<MatchComparison>("tcp.dst == {80 443 8080,}");
    CHECK(without.constants == with_commas.constants);

    const auto single = match_node<MatchComparison>("tcp.dst == {80}");
    CHECK(single.constants.in_curlies);
    CHECK(single.constants.size() == 1);

    const auto mixed = match_node<MatchComparison>("ip4.src == {10.0.0.1, $as1, 10.0.0.0/8}");
    CHECK(mixed.constants.size() == 3);
    CHECK(mixed.constants[1].kind() == Constant::Kind::AddressSet);
}

TEST_CASE("match: every relational operator, constant on either side") {
    const std::pair<const char*, RelOp> cases[] = {{"==", RelOp::Eq}, {"!=", RelOp::Ne}, {"<", RelOp::Lt},
                                                   {"<=", RelOp::Le}, {">", RelOp::Gt},  {">=", RelOp::Ge}};
    for (const auto& [text, op] : cases) {
        CAPTURE(text);
        const std::string expr = std::string("tcp.src ") + text + " 1024";
        const auto cmp = match_node<MatchComparison>(expr);
        CHECK(cmp.op == op);
        CHECK_FALSE(cmp.constant_first);
        // With the constant first, the operator is held as seen from the field.
        const std::string turned = std::string("1024 ") + text + " tcp.src";
        const auto rcmp = match_node<MatchComparison>(turned);
        CHECK(rcmp.constant_first);
        CHECK(rcmp.op == relop_turned(op));
        CHECK(rcmp.field.name == "tcp.src");
    }
}

TEST_CASE("match: chained ranges") {
    const auto range = match_node<MatchRange>("1024 <= tcp.src <= 49151");
    CHECK(range.low->front().value() == Bits128(1024));
    CHECK(range.low_op == RelOp::Le);
    CHECK(range.field.name == "tcp.src");
    CHECK(range.high_op == RelOp::Le);
    CHECK(range.high->front().value() == Bits128(49151));

    const auto down = match_node<MatchRange>("100 > udp.dst >= 50");
    CHECK(down.low_op == RelOp::Gt);
    CHECK(down.high_op == RelOp::Ge);
}

TEST_CASE("match: booleans, bare fields, is_chassis_resident") {
    CHECK(match_node<MatchBool>("1").value);
    CHECK_FALSE(match_node<MatchBool>("0").value);
    CHECK(match_node<MatchBool>("(1)").value);
    CHECK(match_node<MatchFieldTest>("flags.pkt_sampled").field.name == "flags.pkt_sampled");

    const auto resident = match_node<MatchChassisResident>(R"(is_chassis_resident("cr-rtos-node1"))");
    CHECK(resident.port.value() == "cr-rtos-node1");

    // `2` alone is not a boolean: it must be compared.
    CHECK(match_node<MatchComparison>("2 == reg0").constant_first);
}

TEST_CASE("match: !, && and || keep the written nesting") {
    const auto n = match_node<MatchNot>("!ct.est");
    CHECK(std::get<MatchFieldTest>(n.operand->node).field.name == "ct.est");
    const auto np = match_node<MatchNot>("!(tcp.dst == 80)");
    CHECK(std::holds_alternative<MatchComparison>(np.operand->node));
    CHECK(std::holds_alternative<MatchChassisResident>(match_node<MatchNot>(R"(!is_chassis_resident("p"))").operand->node));

    const auto conj = match_node<MatchAnd>("ip && ct.trk && (ct.est || ct.rel) && !ct.rpl");
    REQUIRE(conj.operands.size() == 4);
    const auto& inner = std::get<MatchOr>(conj.operands[2].node);
    CHECK(inner.operands.size() == 2);
    CHECK(std::holds_alternative<MatchNot>(conj.operands[3].node));

    const auto nested = match_node<MatchAnd>("(a && b) && c");
    REQUIRE(nested.operands.size() == 2);
    CHECK(std::holds_alternative<MatchAnd>(nested.operands[0].node));

    const auto disj = match_node<MatchOr>("nd || nd_rs || nd_ra || mldv1 || mldv2");
    CHECK(disj.operands.size() == 5);
}

TEST_CASE("match: comments are blanks") {
    const auto cmp = match_node<MatchComparison>("tcp.dst /* port */ == // the rest of the line\n 80");
    CHECK(cmp.constants.front().value() == Bits128(80));
    CHECK(match_node<MatchBool>("/* everything */ 1 // allowed").value);
}

TEST_CASE("match: equality ignores locations but not notation") {
    CHECK(parse_match("a==1&&b", kOrigin) == parse_match("  a == 1   &&   b ", {"other", {99, 1}}));
    CHECK_FALSE(parse_match("a == 1", kOrigin) == parse_match("a == 0x1", kOrigin));
    CHECK_FALSE(parse_match("a == 1", kOrigin) == parse_match("a != 1", kOrigin));
    CHECK_FALSE(parse_match("a[1] == 1", kOrigin) == parse_match("a == 1", kOrigin));
}

TEST_CASE("match: every node knows its file line and column") {
    const std::string_view text = "ip4 &&\n  tcp.dst == {80, 443}";
    const auto conj = match_node<MatchAnd>(text);
    CHECK(conj.loc.line == 7);
    CHECK(conj.loc.column == 20);
    const auto& cmp = std::get<MatchComparison>(conj.operands[1].node);
    CHECK(cmp.loc.line == 8);
    CHECK(cmp.loc.column == 3);
    CHECK(cmp.field.loc.column == 3);
    CHECK(cmp.constants.loc.column == 14);
    CHECK(cmp.constants[1].loc.line == 8);
    CHECK(cmp.constants[1].loc.column == 19);
    CHECK(conj.operands[1].loc() == SourceLoc{8, 3});
}

}  // namespace
}  // namespace ovnsim::test
