// The resolve pass: OVN's annotation (predicates, prerequisites, negation), its checks with
// their messages and locations, evaluation on packets, and every match of the corpora.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <set>

#include "parser/lflow_dump.hpp"
#include "parser/source_location.hpp"
#include "sim/field_selector.hpp"
#include "sim/match_resolve.hpp"
#include "sim/packet.hpp"
#include "tests/unit/lflow_test_corpora.hpp"
#include "tests/unit/test_support.hpp"

using namespace ovnsim;

namespace {

const TextOrigin kOrigin{"<match>", {1, 1}};

std::string resolved(std::string_view text) { return default_match_resolver().resolve_text(text, kOrigin).to_string(); }

std::string error_of(std::string_view text) {
    try {
        default_match_resolver().resolve_text(text, kOrigin);
    } catch (const InputError& e) {
        return std::to_string(e.loc().column) + ": " + e.message();
    }
    return "no error";
}

// Address sets, port groups and chassis as a test fixture.
struct Environment : MatchEnvironment {
    bool in_address_set(std::string_view name, Bits128 value, unsigned) const override {
        return name == "web" && (value == Bits128(0x0a000001) || value == Bits128(0x0a000002));
    }
    bool in_port_group(std::string_view name, std::string_view port) const override {
        return name == "clients" && (port == "vif1" || port == "vif3");
    }
    bool is_chassis_resident(std::string_view port) const override { return port == "local"; }
};

bool matches(std::string_view text, const Packet& p) {
    return default_match_resolver().resolve_text(text, kOrigin).evaluate(p, Environment{});
}

void write(Packet& p, std::string_view field, Bits128 v) { p.write(select_field(field).bits, v); }

Packet tcp4_packet() {
    Packet p;
    p.set_port(Storage::inport, "vif1");
    p.set(Storage::eth_type, 0x0800);
    p.set(Storage::ip_proto, 6);
    p.set(Storage::ip_ttl, 64);
    p.set(Storage::ip4_src, 0x0a000001);
    p.set(Storage::ip4_dst, 0x0a000063);
    p.set(Storage::tcp_src, 40000);
    p.set(Storage::tcp_dst, 80);
    p.set(Storage::tcp_flags, 0x002);
    return p;
}

}  // namespace

TEST_CASE("prerequisites are ANDed in outside negations, as expr_annotate does") {
    CHECK(resolved("tcp.dst == 80") ==
          "tcp.dst == 0x50 && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)");
    CHECK(resolved("!(tcp.dst == 80)") ==
          "tcp.dst != 0x50 && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)");
    CHECK(resolved("tcp.dst == {80, 443}") ==
          "(tcp.dst == 0x50 || tcp.dst == 0x1bb) && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)");
    CHECK(resolved("ip4.src == 10.0.0.0/8") == "ip4.src[24..31] == 0xa && eth.type == 0x800");
    CHECK(resolved("vlan.vid == 5") == "vlan.tci[0..11] == 0x5 && vlan.tci[12] != 0x0");
    CHECK(resolved("ct.est") == "ct_state[1] != 0x0 && ct_state[5] != 0x0");
    CHECK(resolved("!ct.new") == "ct_state[0] == 0x0 && ct_state[5] != 0x0");
    CHECK(resolved("ct.trk") == "ct_state[5] != 0x0");
    CHECK(resolved("reg0[7] == 1") == "xxreg0[103] == 0x1");
    CHECK(resolved("reg8[16..23] == 3") == "xreg4[48..55] == 0x3");
    CHECK(resolved("ct_label.obs_point_id == 1012") == "ct_label[96..127] == 0x3f4");
}

TEST_CASE("predicates expand, and a negated predicate negates its whole expansion") {
    CHECK(resolved("ip4") == "eth.type == 0x800");
    CHECK(resolved("ip") == "eth.type == 0x800 || eth.type == 0x86dd");
    CHECK(resolved("tcp") == "ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)");
    // `ip4 && ip.proto == 1 && ip` loses the `ip` prerequisite to absorption.
    CHECK(resolved("icmp4") == "eth.type == 0x800 && ip.proto == 0x1");
    // Boolean predicates may be negated; their prerequisites negate with them.
    CHECK(resolved("!ip.later_frag") == "ip.frag[1] == 0x0 || (eth.type != 0x800 && eth.type != 0x86dd)");
    CHECK(resolved("!eth.bcast") == "eth.dst != 0xffffffffffff");
    CHECK(resolved("eth.mcast") == "eth.dst[40] != 0x0");
    CHECK(resolved("ip.first_frag") ==
          "ip.frag[0] != 0x0 && (eth.type == 0x800 || eth.type == 0x86dd) && "
          "(ip.frag[1] == 0x0 || (eth.type != 0x800 && eth.type != 0x86dd))");
}

TEST_CASE("strings, port groups, address sets and chassis residence stay named") {
    CHECK(resolved("inport == \"vif1\"") == "inport == \"vif1\"");
    CHECK(resolved("outport == {\"a\", \"b\\u0041\"}") == "outport == \"a\" || outport == \"bA\"");
    CHECK(resolved("inport == @pg1") == "inport == @pg1");
    CHECK(resolved("ip4.src == $as1") == "ip4.src == $as1 && eth.type == 0x800");
    CHECK(resolved("ip4.src != {$as1, 10.0.0.1}") ==
          "ip4.src != $as1 && ip4.src != 0xa000001 && eth.type == 0x800");
    CHECK(resolved("!is_chassis_resident(\"p\") && 1") == "!is_chassis_resident(\"p\")");
    CHECK(resolved("1 && 0") == "0");
    CHECK(resolved("1") == "1");
}

TEST_CASE("relational operators become ordered comparisons of the selected bits") {
    CHECK(resolved("1024 <= tcp.src <= 49151") ==
          "tcp.src >= 0x400 && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd) && tcp.src <= 0xbfff");
    CHECK(resolved("!(tcp.src > 100)") ==
          "tcp.src <= 0x64 && ip.proto == 0x6 && (eth.type == 0x800 || eth.type == 0x86dd)");
    CHECK(resolved("reg0[8..15] < 4") == "xxreg0[104..111] < 0x4");
}

TEST_CASE("evaluation on a packet, with address sets, port groups and chassis from the model") {
    const Packet p = tcp4_packet();
    CHECK(matches("ip4 && tcp && tcp.dst == 80", p));
    CHECK(matches("tcp.dst == {22, 80}", p));
    CHECK_FALSE(matches("tcp.dst == {22, 443}", p));
    CHECK_FALSE(matches("udp", p));
    CHECK_FALSE(matches("!(tcp.dst == 22) && udp", p));
    CHECK(matches("!(tcp.dst == 22)", p));
    CHECK_FALSE(matches("!(udp.dst == 22)", p));  // the prerequisite udp stays positive
    CHECK(matches("1024 <= tcp.src <= 49151", p));
    CHECK_FALSE(matches("1024 <= tcp.src <= 39999", p));
    CHECK(matches("tcp.flags == 0x2", p));
    CHECK(matches("ip4.src == $web && inport == @clients", p));
    CHECK_FALSE(matches("ip4.dst == $web", p));
    CHECK(matches("ip4.dst != $web", p));
    CHECK(matches("is_chassis_resident(\"local\") && !is_chassis_resident(\"remote\")", p));
    CHECK(matches("ip4.dst == 10.0.0.0/24 && !ip.later_frag && ip.ttl == 64", p));
    CHECK_FALSE(matches("ip6", p));
    CHECK_FALSE(matches("ct.new", p));   // not tracked
    CHECK_FALSE(matches("!ct.new", p));  // !ct.new still needs ct.trk

    Packet q = p;
    write(q, "ct.trk", 1);
    write(q, "ct.est", 1);
    write(q, "ct_label.obs_point_id", 1012);
    write(q, "reg0[7]", 1);
    CHECK(matches("ct.est && !ct.new && ct_label.obs_point_id == 1012 && reg0[7] == 1", q));
    CHECK(matches("ct_label[96..127] == 1012 && xxreg0[103]", q));
    CHECK_FALSE(matches("ct.est && ct_label.obs_point_id == 1013", q));
}

TEST_CASE("the port name \"none\" is no port, as OVN's port lookup reads it") {
    Packet p = tcp4_packet();
    p.set_port(Storage::outport, "");
    CHECK(matches("outport == \"none\"", p));
    p.set_port(Storage::outport, "vif2");
    CHECK_FALSE(matches("outport == \"none\"", p));
    CHECK(matches("outport == \"vif2\"", p));
}

TEST_CASE("action prerequisites narrow the match, as ovn-controller and ovn-trace add them") {
    const auto& r = default_match_resolver();
    const std::string_view ct_next[] = {"ip"};
    CHECK(r.resolve(parse_match("1", kOrigin), "<match>", ct_next).to_string() ==
          "eth.type == 0x800 || eth.type == 0x86dd");
    const std::string_view set_ip4_dst[] = {SymbolTable::standard().find("ip4.dst")->prerequisites};
    const ResolvedMatch m = r.resolve(parse_match("inport == \"vif1\"", kOrigin), "<match>", set_ip4_dst);
    CHECK(m.to_string() == "inport == \"vif1\" && eth.type == 0x800");
    Packet arp;
    arp.set_port(Storage::inport, "vif1");
    arp.set(Storage::eth_type, 0x806);
    CHECK_FALSE(m.evaluate(arp, Environment{}));
    arp.set(Storage::eth_type, 0x800);
    CHECK(m.evaluate(arp, Environment{}));
}

TEST_CASE("misuse is an InputError at the offending term, in OVN's words") {
    CHECK(error_of("ip4 && foo.bar == 1") == "8: Syntax error at `foo.bar' expecting field name.");
    CHECK(error_of("reg0[32] == 1") == "1: Cannot select bits 32 to 32 of 32-bit field reg0.");
    CHECK(error_of("eth.type[0..7] == 1") == "1: Cannot select subfield of nominal field eth.type.");
    CHECK(error_of("inport[0] == 1") == "1: Cannot select subfield of string field inport.");
    CHECK(error_of("eth.type < 0x800") == "1: Only == and != operators may be used with nominal field eth.type.");
    CHECK(error_of("eth.bcast < 1") == "1: Only == and != operators may be used with Boolean field eth.bcast.");
    CHECK(error_of("tcp.dst < {1, 2}") == "11: Only == and != operators may be used with value sets.");
    CHECK(error_of("tcp.dst > 1/1").find("Only == and != operators may be used with masked constants.") != std::string::npos);
    CHECK(error_of("eth.type != 0x800") ==
          "1: Nominal field eth.type may only be tested for equality (taking enclosing `!' operators into account).");
    CHECK(error_of("!(ip.proto == 6)") ==
          "3: Nominal field ip.proto may only be tested for equality (taking enclosing `!' operators into account).");
    CHECK(error_of("!ip4") ==
          "2: Nominal predicate ip4 may only be tested positively, e.g. `ip4' or `ip4 == 1' but not `!ip4' or `ip4 == 0'.");
    CHECK(error_of("tcp == 0").find("Nominal predicate tcp may only be tested positively") != std::string::npos);
    CHECK(error_of("inport == 1") == "11: String field inport is not compatible with integer constant.");
    CHECK(error_of("reg0 == \"x\"") == "9: Integer field reg0 is not compatible with string constant.");
    CHECK(error_of("reg0 == @pg") == "9: Integer field reg0 is not compatible with string constant.");
    CHECK(error_of("inport == $as") == "11: String field inport is not compatible with integer constant.");
    CHECK(error_of("reg0 == 0x1ffffffff") == "9: 33-bit constant is not compatible with 32-bit field reg0.");
    CHECK(error_of("ip4.src == fe80::1") == "12: 128-bit constant is not compatible with 32-bit field ip4.src.");
    CHECK(error_of("reg0") == "1: Explicit `!= 0' is required for inequality test of multibit field against 0.");
    CHECK(error_of("inport") == "1: Syntax error after `inport' expecting relational operator.");
    CHECK(error_of("ip4.src == ^tmpl") == "12: Unexpanded template.");
    CHECK(error_of("icmp4.frag_mtu == 1") == "1: Field icmp4.frag_mtu cannot be used in a match.");
    CHECK(error_of("ip4 == $as") == "8: Address set $as cannot be compared with predicate ip4.");
    // Accepted forms.
    CHECK(error_of("!reg0") == "no error");
    CHECK(error_of("!(eth.type != 0x800)") == "no error");
    CHECK(error_of("ip4.src == 10.0.0.1 && ip6.src == 10.0.0.1") == "no error");  // widths only
    CHECK(resolved("!reg0") == "xxreg0[96..127] == 0x0");
}

TEST_CASE("errors name the file and line of a match inside a dump") {
    const TextOrigin origin{"lflows.txt", {42, 87}};
    try {
        default_match_resolver().resolve_text("ip4 && bogus", origin);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.file() == "lflows.txt");
        CHECK(e.loc().line == 42);
        CHECK(e.loc().column == 94);
    }
}

TEST_CASE("declared predicate levels are what expr_get_level computes from the expansion") {
    // expr_get_level: a comparison on a nominal symbol is nominal, any other is Boolean;
    // a junction takes the lowest level of its operands.
    const auto& table = SymbolTable::standard();
    std::function<Level(const MatchExpr&)> level = [&](const MatchExpr& e) -> Level {
        auto of_field = [&](const FieldRef& f) {
            return table.find(f.name)->level == Level::nominal ? Level::nominal : Level::boolean;
        };
        return std::visit(
            [&](const auto& n) -> Level {
                using T = std::decay_t<decltype(n)>;
                if constexpr (std::is_same_v<T, MatchFieldTest> || std::is_same_v<T, MatchComparison> ||
                              std::is_same_v<T, MatchRange>)
                    return of_field(n.field);
                else if constexpr (std::is_same_v<T, MatchNot>)
                    return level(*n.operand);
                else if constexpr (std::is_same_v<T, MatchAnd> || std::is_same_v<T, MatchOr>) {
                    Level l = Level::ordinal;
                    for (const auto& o : n.operands) l = std::min(l, level(o));
                    return l;
                } else
                    return Level::boolean;
            },
            e.node);
    };
    int predicates = 0;
    for (const Symbol& s : table.symbols()) {
        if (s.kind != SymbolKind::predicate) continue;
        CAPTURE(s.name);
        CHECK(level(parse_match(s.expansion, kOrigin)) == s.level);
        ++predicates;
    }
    CHECK(predicates == 34);
}

TEST_CASE("every symbol's prerequisites and expansion resolve") {
    const auto& r = default_match_resolver();
    for (const Symbol& s : SymbolTable::standard().symbols()) {
        CAPTURE(s.name);
        CHECK(r.prerequisites(s).size() > 0);
        if (s.kind == SymbolKind::predicate) CHECK(r.expansion(s).to_string() != "1");
    }
    CHECK(r.prerequisites(*SymbolTable::standard().find("nd.sll")).to_string() ==
          "icmp6.type == 0x87 && eth.type == 0x86dd && ip.proto == 0x3a && icmp6.code == 0x0 && ip.ttl == 0xff");
}

TEST_CASE("every match of every corpus dump resolves, with zero unknown names") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    auto dumps = test::plain_lflow_dumps(*corpora);
    for (const auto& xz : test::compressed_lflow_dumps(*corpora)) dumps.push_back(test::decompressed(xz));
    std::size_t matches = 0;
    std::set<std::string_view> used;
    const auto started = std::chrono::steady_clock::now();
    for (const auto& path : dumps) {
        const LflowDump dump = read_lflow_dump(path.string());
        for (const DumpFlow& flow : dump.flows) {
            try {
                const TextOrigin origin{dump.path(), dump.match_loc(flow)};
                const ResolvedMatch r = default_match_resolver().resolve_text(flow.match, origin);
                for (std::uint32_t i = 0; i < r.size(); ++i)
                    if (r.node(i).written) used.insert(r.node(i).written->name);
            } catch (const InputError& e) {
                FAIL_CHECK(format_diagnostic(e.file(), e.loc(), e.message()));
            }
            ++matches;
        }
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(matches << " matches of " << dumps.size() << " dumps read and resolved in " << seconds << " s");
    CHECK(matches > 500000);
    // The names the talk scenarios' ACL sampling depends on were all met.
    for (std::string_view name : {"ct_label.obs_point_id", "ct_mark.obs_collector_id", "ct_mark.obs_stage",
                                  "flags.pkt_sampled", "ct_mark.blocked", "ct.est", "reg8", "outport", "ip4.dst"})
        CHECK_MESSAGE(used.count(name) == 1, name);
}
