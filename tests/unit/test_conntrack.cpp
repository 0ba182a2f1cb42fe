// The conntrack model: states as Linux gives them, commits, replies, NAT, related ICMP
// errors, zones, snapshots, and ovn-trace's --ct flags.
#include <doctest/doctest.h>

#include "parser/source_location.hpp"
#include "sim/conntrack.hpp"
#include "sim/packet.hpp"

using namespace ovnsim;

namespace {

constexpr std::uint32_t kClient = 0x0af40104;  // 10.244.1.4
constexpr std::uint32_t kServer = 0x0af40206;  // 10.244.2.6
constexpr std::uint32_t kVip = 0x0a600001;     // 10.96.0.1
constexpr std::uint32_t kRouter = 0x0af40101;  // 10.244.1.1

Packet tcp(std::uint32_t src, std::uint32_t dst, std::uint16_t sport, std::uint16_t dport, std::uint16_t flags) {
    Packet p;
    p.set(Storage::eth_type, 0x0800);
    p.set(Storage::ip_proto, 6);
    p.set(Storage::ip4_src, src);
    p.set(Storage::ip4_dst, dst);
    p.set(Storage::tcp_src, sport);
    p.set(Storage::tcp_dst, dport);
    p.set(Storage::tcp_flags, flags);
    return p;
}

Packet icmp(std::uint32_t src, std::uint32_t dst, std::uint8_t type, std::uint8_t code = 0) {
    Packet p;
    p.set(Storage::eth_type, 0x0800);
    p.set(Storage::ip_proto, 1);
    p.set(Storage::ip4_src, src);
    p.set(Storage::ip4_dst, dst);
    p.set(Storage::icmp4_type, type);
    p.set(Storage::icmp4_code, code);
    return p;
}

std::string state(Conntrack& ct, const ConntrackZone& zone, const Packet& p) {
    return ct_state_text(ct.lookup(zone, *packet_tuple(p), p).state);
}

}  // namespace

TEST_CASE("conntrack: a connection is new until its reply, then established both ways") {
    Conntrack ct;
    const ConntrackZone& zone = ct.zone("vif1");
    const Packet syn = tcp(kClient, kServer, 40000, 8080, 0x002);
    const Packet synack = tcp(kServer, kClient, 8080, 40000, 0x012);
    const Packet ack = tcp(kClient, kServer, 40000, 8080, 0x010);

    CHECK(state(ct, zone, syn) == "new|trk");
    // Looked up but never committed: nothing is left behind.
    CHECK(ct.entry_count() == 0);
    CHECK(state(ct, zone, synack) == "inv|trk");

    ct.commit(zone, *packet_tuple(syn), std::nullopt);
    CHECK(state(ct, zone, syn) == "new|trk");  // committed, not yet answered
    CHECK(state(ct, zone, synack) == "est|rpl|trk");
    CHECK(state(ct, zone, ack) == "est|trk");
    CHECK(ct.snapshot(SymbolTable::standard()).zones.front().entries.front().established);
}

TEST_CASE("conntrack: what cannot open a connection is invalid") {
    Conntrack ct;
    const ConntrackZone& zone = ct.zone("z");
    CHECK(state(ct, zone, tcp(kClient, kServer, 1, 2, 0x004)) == "inv|trk");  // RST
    CHECK(state(ct, zone, tcp(kClient, kServer, 1, 2, 0x001)) == "inv|trk");  // FIN
    CHECK(state(ct, zone, tcp(kClient, kServer, 1, 2, 0x010)) == "new|trk");  // ACK: picked up mid-stream
    CHECK(state(ct, zone, icmp(kClient, kServer, 8)) == "new|trk");           // echo request
    CHECK(state(ct, zone, icmp(kServer, kClient, 0)) == "inv|trk");           // echo reply
    CHECK(state(ct, zone, icmp(kRouter, kClient, 3, 1)) == "inv|trk");        // error of nothing tracked
}

TEST_CASE("conntrack: ICMP echo pairs and related errors") {
    Conntrack ct;
    const ConntrackZone& zone = ct.zone("z");
    const Packet request = icmp(kClient, kServer, 8);
    ct.commit(zone, *packet_tuple(request), std::nullopt);
    CHECK(state(ct, zone, icmp(kServer, kClient, 0)) == "est|rpl|trk");
    // A destination unreachable sent back to the client answers its connection.
    CHECK(state(ct, zone, icmp(kRouter, kClient, 3, 1)) == "rel|rpl|trk");
}

TEST_CASE("conntrack: zones are separate and numbered in order of first use") {
    Conntrack ct;
    const ConntrackZone& a = ct.zone("vif1");
    const ConntrackZone& b = ct.zone("vif2");
    CHECK(a.number == 1);
    CHECK(b.number == 2);
    CHECK(&ct.zone("vif1") == &a);
    const Packet syn = tcp(kClient, kServer, 40000, 8080, 0x002);
    ct.commit(a, *packet_tuple(syn), std::nullopt);
    CHECK(state(ct, b, tcp(kServer, kClient, 8080, 40000, 0x012)) == "inv|trk");
    CHECK(state(ct, a, tcp(kServer, kClient, 8080, 40000, 0x012)) == "est|rpl|trk");
}

TEST_CASE("conntrack: a DNAT entry answers replies from the backend") {
    Conntrack ct;
    const ConntrackZone& zone = ct.zone("client");
    const Packet syn = tcp(kClient, kVip, 40000, 80, 0x002);
    const CtEntry& e = ct.commit(zone, *packet_tuple(syn), CtNat{CtNat::Kind::dnat, kServer, 8080});
    CHECK(e.reply.src == Bits128(kServer));
    CHECK(e.reply.src_port == 8080);
    CHECK(e.reply.dst == Bits128(kClient));
    bool reply = false;
    const Packet answer = tcp(kServer, kClient, 8080, 40000, 0x012);
    CHECK(ct.find(zone, *packet_tuple(answer), &reply) == &e);
    CHECK(reply);

    Packet p = answer;
    set_packet_source(p, *packet_tuple(answer), kVip, 80);
    CHECK(p.get(Storage::ip4_src) == Bits128(kVip));
    CHECK(p.get(Storage::tcp_src) == Bits128(80));
}

TEST_CASE("conntrack: snapshots decode the named subfields of mark and label") {
    Conntrack ct;
    const ConntrackZone& zone = ct.zone("vif1");
    CtEntry& e = ct.commit(zone, *packet_tuple(tcp(kClient, kServer, 1, 2, 0x002)), std::nullopt);
    e.mark = (1u << 16) | (2u << 4);
    e.label = Bits128(1012) << 96;
    const auto s = Conntrack::snapshot(e, SymbolTable::standard());
    const auto value = [&](std::string_view name) {
        for (const auto& v : s.named) {
            if (v.name == name) return v.value;
        }
        return Bits128();
    };
    CHECK(value("ct_mark.obs_collector_id") == Bits128(1));
    CHECK(value("ct_mark.obs_stage") == Bits128(2));
    CHECK(value("ct_label.obs_point_id") == Bits128(1012));
    CHECK(value("ct_mark.blocked") == Bits128(0));
}

TEST_CASE("conntrack: --ct flags as ovn-trace reads them") {
    CHECK(parse_ct_flags("est,rpl") == (ct_state::est | ct_state::rpl | ct_state::trk));
    CHECK(parse_ct_flags("new") == (ct_state::new_ | ct_state::trk));
    CHECK(parse_ct_flags("trk est") == (ct_state::est | ct_state::trk));
    CHECK(ct_state_text(parse_ct_flags("rpl,est")) == "est|rpl|trk");
    try {
        parse_ct_flags("est,bogus");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.loc().column == 5);
        CHECK(e.message().find("bogus") != std::string::npos);
    }
}
