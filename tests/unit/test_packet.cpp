// Packet state: reads and writes by symbol through the register aliases, subranges,
// and the clearing a datapath does between pipelines.
#include <doctest/doctest.h>

#include "tests/unit/doctest_bits128.hpp"

#include "parser/source_location.hpp"
#include "sim/field_format.hpp"
#include "sim/field_openflow.hpp"
#include "sim/field_selector.hpp"
#include "sim/packet.hpp"

using namespace ovnsim;

namespace {

FieldBits ref(std::string_view text) { return select_field(text).bits; }

}  // namespace

TEST_CASE("registers are views of xxreg0, xxreg1 and xreg4") {
    Packet p;
    p.write(ref("reg0"), 0x11111111);
    p.write(ref("reg3"), 0x44444444);
    CHECK(p.get(Storage::xxreg0) == Bits128::from_parts(0x1111111100000000, 0x44444444));
    CHECK(p.read(ref("xreg0")) == Bits128(0x1111111100000000));
    CHECK(p.read(ref("xreg1")) == Bits128(0x44444444));

    p.write(ref("xxreg1"), Bits128::from_parts(0x5555555566666666, 0x7777777788888888));
    CHECK(p.read(ref("reg4")) == Bits128(0x55555555));
    CHECK(p.read(ref("reg5")) == Bits128(0x66666666));
    CHECK(p.read(ref("reg6")) == Bits128(0x77777777));
    CHECK(p.read(ref("reg7")) == Bits128(0x88888888));
    CHECK(p.read(ref("xreg2")) == Bits128(0x5555555566666666));

    p.write(ref("reg8"), 0xaaaa0000);
    p.write(ref("reg9"), 0x0000bbbb);
    CHECK(p.get(Storage::xreg4) == Bits128(0xaaaa00000000bbbb));
    p.write(ref("reg8[16..23]"), 0x12);  // obs_collector_id position in northd's reg8
    CHECK(p.read(ref("reg8")) == Bits128(0xaa120000));
}

TEST_CASE("subranges read and write only their bits") {
    Packet p;
    p.write(ref("reg0"), 0xffffffff);
    p.write(ref("reg0[8..15]"), 0);
    CHECK(p.read(ref("reg0")) == Bits128(0xffff00ff));
    p.write(ref("reg0[9]"), 1);
    CHECK(p.read(ref("reg0[8..15]")) == Bits128(0x02));
    // A value wider than the range keeps only the range's bits.
    p.write(ref("reg0[0..3]"), 0x1f0);
    CHECK(p.read(ref("reg0[0..3]")) == Bits128(0));
    CHECK(p.read(ref("reg0")) == Bits128(0xffff02f0));
}

TEST_CASE("ct_mark and ct_label subfields compose the values conntrack stores") {
    Packet p;
    p.write(ref("ct_mark.obs_collector_id"), 1);
    p.write(ref("ct_mark.obs_stage"), 0);
    p.write(ref("ct_label.obs_point_id"), 1012);
    // The values ovn-trace prints for the talk's established packets.
    CHECK(p.get(Storage::ct_mark).to_hex() == "0x10000");
    CHECK(p.get(Storage::ct_label).to_hex() == "0x3f4000000000000000000000000");
    CHECK(p.read(ref("ct_label.label")) == Bits128(1012));
    CHECK(p.read(ref("ct_mark.ecmp_reply_port")) == Bits128(1));
    p.write(ref("ct_label.acl_id"), 0xbeef);
    CHECK(p.read(ref("ct_label.tun_if_id")) == Bits128(0xbeef));
    CHECK(p.read(ref("ct_label.obs_unused")) == Bits128::from_parts(0xbeef0000, 0));
}

TEST_CASE("whole-slot writes keep only the slot's significant bits") {
    Packet p;
    p.set(Storage::tcp_flags, 0xffff);
    CHECK(p.get(Storage::tcp_flags) == Bits128(0xfff));
    p.set(Storage::eth_src, ~Bits128());
    CHECK(p.get(Storage::eth_src) == Bits128::ones(48));
    CHECK(p.test(Storage::eth_src, Bits128(1) << 40, Bits128(1) << 40));  // eth.mcast
    CHECK_FALSE(p.test(Storage::eth_src, Bits128::ones(48), 0));
}

TEST_CASE("clearing between pipelines follows the datapath") {
    Packet p;
    p.write(ref("reg0"), 1);
    p.write(ref("reg9"), 2);
    p.write(ref("xxreg1"), 3);
    p.write(ref("flags.pkt_sampled"), 1);
    p.write(ref("ct.est"), 1);
    p.write(ref("ct_label.obs_point_id"), 7);
    p.set_port(Storage::inport, "vif1");
    p.set_port(Storage::outport, "vif2");
    p.set(Storage::ip4_src, 0x0a000001);

    Packet same = p;
    same.enter_egress_same_chassis();
    CHECK(same.read(ref("reg0")) == Bits128(0));
    CHECK(same.read(ref("reg9")) == Bits128(0));
    CHECK(same.get(Storage::xxreg1) == Bits128(0));
    CHECK(same.read(ref("flags.pkt_sampled")) == Bits128(1));
    CHECK(same.read(ref("ct.est")) == Bits128(1));
    CHECK(same.outport() == "vif2");
    CHECK(same.get(Storage::ip4_src) == Bits128(0x0a000001));

    Packet remote = p;
    remote.enter_egress_remote_chassis();
    CHECK(remote.get(Storage::flags) == Bits128(0));
    CHECK(remote.get(Storage::ct_state) == Bits128(0));
    CHECK(remote.outport() == "vif2");

    Packet peer = p;
    peer.enter_peer_datapath();
    CHECK(peer.get(Storage::flags) == Bits128(0));
    CHECK(peer.get(Storage::ct_label) == Bits128(0));
    CHECK(peer.outport().empty());
    CHECK(peer.get(Storage::ip4_src) == Bits128(0x0a000001));
}

TEST_CASE("field selectors reject bad names and ranges with a column") {
    auto error_of = [](std::string_view text) -> std::string {
        try {
            select_field(text);
        } catch (const InputError& e) {
            return std::to_string(e.loc().column) + ": " + e.message();
        }
        return "no error";
    };
    CHECK(error_of("reg10") == "1: unknown field `reg10'");
    CHECK(error_of("ip4") == "1: `ip4' is a predicate, not a field");
    CHECK(error_of("reg0[32]") == "5: Cannot select bits 32 to 32 of 32-bit field reg0.");
    CHECK(error_of("reg0[3..1]") == "5: Invalid bit range 3 to 1.");
    CHECK(error_of("reg0[") == "6: expecting a bit number");
    CHECK(error_of("reg0[1..]") == "9: expecting a bit number");
    CHECK(error_of("reg0[1") == "7: expecting `]'");
    CHECK(error_of("reg0[1]x") == "8: unexpected text after `]'");
    CHECK(error_of("eth.type[0..3]") == "9: Cannot select subfield of nominal field eth.type.");
    CHECK(error_of("inport[0]") == "7: Cannot select subfield of string field inport.");
    CHECK(error_of("reg0[99999999999999999999]") == "6: expecting a bit number");

    const auto sel = select_field("inport");
    CHECK(sel.symbol->kind == SymbolKind::string_field);
    CHECK(sel.bits.storage == Storage::inport);
}

TEST_CASE("field values print in their field's notation") {
    CHECK(format_ipv6(Bits128()) == "::");
    CHECK(format_ipv6(Bits128(1)) == "::1");
    CHECK(format_ipv6(Bits128::from_parts(0xfe80000000000000, 1)) == "fe80::1");
    CHECK(format_ipv6(Bits128::from_parts(0x20010db800000000, 0x0001000000000001)) == "2001:db8::1:0:0:1");
    CHECK(format_ipv6(Bits128::from_parts(0xff02000000000000, 0x00000001ff000000)) == "ff02::1:ff00:0");
    CHECK(format_ipv6(Bits128::from_parts(0x0001000000000000, 0)) == "1::");
    CHECK(format_ipv6(Bits128::from_parts(0x0001000000020000, 0x0000000300000004)) == "1:0:2::3:0:4");
    CHECK(format_ipv6(Bits128::from_parts(0x0001000000000002, 0x0000000000030004)) == "1::2:0:0:3:4");  // first of equal runs
    CHECK(format_mac(0x0a580af40104) == "0a:58:0a:f4:01:04");
    CHECK(format_ipv4(0x0af40104) == "10.244.1.4");
    CHECK(format_field_value(Storage::eth_type, 0x800, 16) == "0x800");
    CHECK(format_field_value(Storage::tcp_dst, 80, 16) == "80");
    CHECK(format_field_value(Storage::ip4_src, 0x0a000001, 32) == "10.0.0.1");
    CHECK(format_field_value(Storage::ip4_src, 0xa, 8) == "10");  // a bit range is a number
    CHECK(format_field_bits(Storage::xxreg0, 96, 32) == "xxreg0[96..127]");
    CHECK(format_field_bits(Storage::vlan_tci, 12, 1) == "vlan.tci[12]");
    CHECK(format_field_bits(Storage::eth_type, 0, 16) == "eth.type");
    CHECK(contiguous_run(Bits128::mask(4, 3)).lo == 4);
    CHECK(contiguous_run(Bits128::mask(4, 3)).width == 3);
    CHECK(contiguous_run(0b101).width == 0);
}

TEST_CASE("packets print as OpenFlow flows the way ovn-trace prints them") {
    Packet p;
    p.set(Storage::eth_type, 0x86dd);
    p.set(Storage::ip_proto, 6);
    p.set(Storage::ip6_src, 1);
    p.set(Storage::ip_ttl, 64);
    p.set(Storage::ip_dscp, 10);
    p.set(Storage::tcp_src, 1);
    p.set(Storage::tcp_dst, 2);
    p.set(Storage::tcp_flags, 0x012);
    p.set(Storage::vlan_tci, 0x1000 | (3 << 13) | 100);
    p.write(select_field("reg0").bits, 0x80);
    p.write(select_field("reg9").bits, 5);
    p.write(select_field("flags.pkt_sampled").bits, 1);
    p.set(Storage::outport_key, 2);
    p.write(select_field("ct.trk").bits, 1);
    p.write(select_field("ct.est").bits, 1);
    p.datapath_key = 3;
    CHECK(format_openflow_flow(p) ==
          "ct_state=est|trk,tcp6,reg0=0x80,reg9=0x5,reg10=0x800000,reg15=0x2,metadata=0x3,dl_vlan=100,"
          "dl_vlan_pcp=3,vlan_tci1=0x0000,dl_src=00:00:00:00:00:00,dl_dst=00:00:00:00:00:00,ipv6_src=::1,ipv6_dst=::,"
          "ipv6_label=0x00000,nw_tos=40,nw_ecn=0,nw_ttl=64,nw_frag=no,tp_src=1,tp_dst=2,tcp_flags=syn|ack");

    Packet q;
    q.set(Storage::eth_type, 0x0800);
    q.set(Storage::ip_proto, 47);
    q.set(Storage::ip_frag, 3);
    CHECK(format_openflow_flow(q) ==
          "ip,vlan_tci=0x0000,dl_src=00:00:00:00:00:00,dl_dst=00:00:00:00:00:00,nw_src=0.0.0.0,nw_dst=0.0.0.0,"
          "nw_proto=47,nw_tos=0,nw_ecn=0,nw_ttl=0,nw_frag=later");
    Packet r;
    r.set(Storage::eth_type, 0x88cc);
    CHECK(format_openflow_flow(r) == "vlan_tci=0x0000,dl_src=00:00:00:00:00:00,dl_dst=00:00:00:00:00:00,dl_type=0x88cc");
}
