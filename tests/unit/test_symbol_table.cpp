// The symbol table against OVN's documented layout (ovn-reference.md §2.3, tests/ovn.at
// "registers" and "conntrack fields", include/ovn/logical-fields.h).
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>

#include "parser/symbol_table.hpp"

using namespace ovnsim;

namespace {

const Symbol& sym(std::string_view name) {
    const Symbol* s = SymbolTable::standard().find(name);
    REQUIRE_MESSAGE(s != nullptr, "missing symbol " << name);
    return *s;
}

void check_bits(std::string_view name, Storage storage, unsigned offset, unsigned width) {
    CAPTURE(name);
    const FieldBits f = sym(name).field();
    CHECK(f.storage == storage);
    CHECK(f.offset == offset);
    CHECK(f.width == width);
    CHECK(sym(name).width == width);
}

}  // namespace

TEST_CASE("registers alias xxreg0, xxreg1 and xreg4 exactly as OVN") {
    check_bits("xxreg0", Storage::xxreg0, 0, 128);
    check_bits("xxreg1", Storage::xxreg1, 0, 128);
    check_bits("xreg0", Storage::xxreg0, 64, 64);
    check_bits("xreg1", Storage::xxreg0, 0, 64);
    check_bits("xreg2", Storage::xxreg1, 64, 64);
    check_bits("xreg3", Storage::xxreg1, 0, 64);
    check_bits("xreg4", Storage::xreg4, 0, 64);
    check_bits("reg0", Storage::xxreg0, 96, 32);
    check_bits("reg1", Storage::xxreg0, 64, 32);
    check_bits("reg2", Storage::xxreg0, 32, 32);
    check_bits("reg3", Storage::xxreg0, 0, 32);
    check_bits("reg4", Storage::xxreg1, 96, 32);
    check_bits("reg5", Storage::xxreg1, 64, 32);
    check_bits("reg6", Storage::xxreg1, 32, 32);
    check_bits("reg7", Storage::xxreg1, 0, 32);
    check_bits("reg8", Storage::xreg4, 32, 32);
    check_bits("reg9", Storage::xreg4, 0, 32);
    CHECK(sym("reg0").parent == &sym("xxreg0"));
    CHECK(sym("reg8").parent == &sym("xreg4"));
    CHECK(sym("reg0").parent_offset == 96);
    // MFF_N_LOG_REGS is 10: reg10 and up are OVN's own (flags, zones, ports), not names.
    CHECK(SymbolTable::standard().find("reg10") == nullptr);
    CHECK(SymbolTable::standard().find("xxreg2") == nullptr);
    CHECK(SymbolTable::standard().find("xreg5") == nullptr);
}

TEST_CASE("flag bits are include/ovn/logical-fields.h's MLF_*_BIT") {
    check_bits("flags", Storage::flags, 0, 32);
    check_bits("flags.loopback", Storage::flags, 0, 1);
    check_bits("flags.force_snat_for_dnat", Storage::flags, 2, 1);
    check_bits("flags.force_snat_for_lb", Storage::flags, 3, 1);
    check_bits("flags.skip_snat_for_lb", Storage::flags, 9, 1);
    check_bits("flags.use_snat_zone", Storage::flags, 11, 1);
    check_bits("flags.localnet", Storage::flags, 15, 1);
    check_bits("flags.tunnel_rx", Storage::flags, 16, 1);
    check_bits("flags.icmp_snat", Storage::flags, 17, 1);
    check_bits("flags.from_ctrl", Storage::flags, 19, 1);
    check_bits("flags.unsnat_new", Storage::flags, 20, 1);
    check_bits("flags.unsnat_not_tracked", Storage::flags, 21, 1);
    check_bits("flags.igmp_loopback", Storage::flags, 22, 1);
    check_bits("flags.pkt_sampled", Storage::flags, 23, 1);
    check_bits("flags.network_id", Storage::flags, 28, 4);
}

TEST_CASE("ct_mark and ct_label subfields of every version sit on their documented bits") {
    check_bits("ct_mark", Storage::ct_mark, 0, 32);
    check_bits("ct_mark.blocked", Storage::ct_mark, 0, 1);
    check_bits("ct_mark.natted", Storage::ct_mark, 1, 1);
    check_bits("ct_mark.skip_snat", Storage::ct_mark, 2, 1);
    check_bits("ct_mark.force_snat", Storage::ct_mark, 3, 1);
    check_bits("ct_mark.obs_stage", Storage::ct_mark, 4, 2);
    check_bits("ct_mark.allow_established", Storage::ct_mark, 6, 1);
    check_bits("ct_mark.obs_collector_id", Storage::ct_mark, 16, 8);
    check_bits("ct_mark.ecmp_reply_port", Storage::ct_mark, 16, 16);

    check_bits("ct_label", Storage::ct_label, 0, 128);
    check_bits("ct_label.blocked", Storage::ct_label, 0, 1);
    check_bits("ct_label.natted", Storage::ct_label, 1, 1);
    check_bits("ct_label.skip_snat", Storage::ct_label, 2, 1);
    check_bits("ct_label.force_snat", Storage::ct_label, 3, 1);
    check_bits("ct_label.nf", Storage::ct_label, 7, 1);
    check_bits("ct_label.tun_if", Storage::ct_label, 8, 1);
    check_bits("ct_label.nf_id", Storage::ct_label, 17, 8);
    check_bits("ct_label.ecmp_reply_eth", Storage::ct_label, 32, 48);
    check_bits("ct_label.ecmp_reply_port", Storage::ct_label, 80, 16);
    check_bits("ct_label.acl_id", Storage::ct_label, 80, 16);
    check_bits("ct_label.tun_if_id", Storage::ct_label, 80, 16);
    check_bits("ct_label.label", Storage::ct_label, 96, 32);
    check_bits("ct_label.obs_point_id", Storage::ct_label, 96, 32);
    check_bits("ct_label.obs_unused", Storage::ct_label, 0, 96);

    for (const Symbol& s : SymbolTable::standard().symbols()) {
        if (s.bits.storage != Storage::ct_mark && s.bits.storage != Storage::ct_label) continue;
        CAPTURE(s.name);
        CHECK(s.access == Access::ct_commit_only);
        CHECK(s.level == Level::ordinal);
        CHECK(s.check_writable(true) == std::nullopt);
        CHECK(s.check_writable(false) == "Field " + std::string(s.name) +
                                             " can only be modified inside ct_commit.");
    }
}

TEST_CASE("ct.* are bits of ct_state and need ct.trk, except ct.trk itself") {
    const std::pair<std::string_view, unsigned> bits[] = {
        {"ct.new", 0}, {"ct.est", 1}, {"ct.rel", 2},  {"ct.rpl", 3},
        {"ct.inv", 4}, {"ct.trk", 5}, {"ct.snat", 6}, {"ct.dnat", 7}};
    for (auto [name, bit] : bits) {
        check_bits(name, Storage::ct_state, bit, 1);
        CHECK(sym(name).kind == SymbolKind::subfield);
        CHECK(sym(name).prerequisites == (name == "ct.trk" ? "" : "ct.trk"));
        CHECK(sym(name).access == Access::read_only);
    }
    CHECK(sym("ct_state").check_writable(true) == "Field ct_state is not modifiable.");
}

TEST_CASE("packet fields have OpenFlow's widths, levels, writability and OVN's prerequisites") {
    struct Expect {
        std::string_view name;
        unsigned width;
        Level level;
        Access access;
        std::string_view prerequisites;
    };
    const Expect expected[] = {
        {"eth.src", 48, Level::ordinal, Access::read_write, ""},
        {"eth.dst", 48, Level::ordinal, Access::read_write, ""},
        {"eth.type", 16, Level::nominal, Access::read_only, ""},
        {"vlan.tci", 16, Level::ordinal, Access::read_write, ""},
        {"vlan.vid", 12, Level::ordinal, Access::read_write, "vlan.present"},
        {"vlan.pcp", 3, Level::ordinal, Access::read_write, "vlan.present"},
        {"ip.proto", 8, Level::nominal, Access::read_only, "ip"},
        {"ip.dscp", 6, Level::nominal, Access::read_write, "ip"},
        {"ip.ecn", 2, Level::nominal, Access::read_write, "ip"},
        {"ip.ttl", 8, Level::nominal, Access::read_write, "ip"},
        {"ip.frag", 2, Level::ordinal, Access::read_only, "ip"},
        {"ip4.src", 32, Level::ordinal, Access::read_write, "ip4"},
        {"ip4.dst", 32, Level::ordinal, Access::read_write, "ip4"},
        {"ip6.src", 128, Level::ordinal, Access::read_write, "ip6"},
        {"ip6.dst", 128, Level::ordinal, Access::read_write, "ip6"},
        {"ip6.label", 20, Level::ordinal, Access::read_write, "ip6"},
        {"icmp4.type", 8, Level::nominal, Access::read_write, "icmp4"},
        {"icmp4.code", 8, Level::nominal, Access::read_write, "icmp4"},
        {"icmp6.type", 8, Level::nominal, Access::read_write, "icmp6"},
        {"icmp6.code", 8, Level::nominal, Access::read_write, "icmp6"},
        {"arp.op", 16, Level::nominal, Access::read_write, "arp"},
        {"arp.spa", 32, Level::ordinal, Access::read_write, "arp"},
        {"arp.tpa", 32, Level::ordinal, Access::read_write, "arp"},
        {"arp.sha", 48, Level::ordinal, Access::read_write, "arp"},
        {"arp.tha", 48, Level::ordinal, Access::read_write, "arp"},
        {"rarp.op", 16, Level::nominal, Access::read_write, "rarp"},
        {"rarp.spa", 32, Level::ordinal, Access::read_write, "rarp"},
        {"nd.target", 128, Level::ordinal, Access::read_write, "nd"},
        {"nd.sll", 48, Level::ordinal, Access::read_write, "nd_ns"},
        {"nd.tll", 48, Level::ordinal, Access::read_write, "nd_na"},
        {"tcp.src", 16, Level::ordinal, Access::read_write, "tcp"},
        {"tcp.dst", 16, Level::ordinal, Access::read_write, "tcp"},
        {"tcp.flags", 12, Level::ordinal, Access::read_only, "tcp"},
        {"udp.src", 16, Level::ordinal, Access::read_write, "udp"},
        {"udp.dst", 16, Level::ordinal, Access::read_write, "udp"},
        {"sctp.src", 16, Level::ordinal, Access::read_write, "sctp"},
        {"sctp.dst", 16, Level::ordinal, Access::read_write, "sctp"},
        {"pkt.mark", 32, Level::ordinal, Access::read_write, ""},
        {"ct_proto", 8, Level::nominal, Access::read_only, "ct.trk"},
        {"ct_nw_src", 32, Level::ordinal, Access::read_only, "ct.trk"},
        {"ct_ip6_dst", 128, Level::ordinal, Access::read_only, "ct.trk"},
        {"ct_tp_dst", 16, Level::ordinal, Access::read_only, "ct.trk"},
        {"__inport", 32, Level::ordinal, Access::read_write, ""},
        {"__outport", 32, Level::ordinal, Access::read_write, ""},
    };
    for (const auto& e : expected) {
        CAPTURE(e.name);
        const Symbol& s = sym(e.name);
        CHECK(s.width == e.width);
        CHECK(s.level == e.level);
        CHECK(s.access == e.access);
        CHECK(s.prerequisites == e.prerequisites);
    }
    // rarp.* are the ARP fields under another prerequisite.
    CHECK(sym("rarp.spa").field() == sym("arp.spa").field());
    CHECK(sym("rarp.op").field() == sym("arp.op").field());
    // eth.mcast is a bit of eth.dst, from_evpn_vtep a bit of the inport key.
    check_bits("eth.mcast", Storage::eth_dst, 40, 1);
    check_bits("from_evpn_vtep", Storage::inport_key, 31, 1);
    check_bits("to_evpn_vtep", Storage::outport_key, 31, 1);
}

TEST_CASE("inport and outport are string fields") {
    for (std::string_view name : {"inport", "outport"}) {
        const Symbol& s = sym(name);
        CHECK(s.kind == SymbolKind::string_field);
        CHECK(s.width == 0);
        CHECK(s.level == Level::nominal);
        CHECK(s.access == Access::read_write);
        CHECK(is_string_storage(s.bits.storage));
        CHECK(s.check_range({0, 0}) == "Cannot select subfield of string field " + std::string(name) + ".");
    }
    CHECK(&SymbolTable::standard().symbol_of(Storage::inport) == &sym("inport"));
    CHECK(&SymbolTable::standard().symbol_of(Storage::inport_key) == &sym("__inport"));
}

TEST_CASE("predicates expand to OVN's text with OVN's levels") {
    struct Expect {
        std::string_view name;
        Level level;
        std::string_view expansion;
    };
    const Expect expected[] = {
        {"eth.bcast", Level::boolean, "eth.dst == ff:ff:ff:ff:ff:ff"},
        {"eth.mcastv6", Level::boolean, "eth.dst[32..47] == 0x3333"},
        {"vlan.present", Level::boolean, "vlan.tci[12]"},
        {"ip4", Level::nominal, "eth.type == 0x800"},
        {"ip6", Level::nominal, "eth.type == 0x86dd"},
        {"ip", Level::nominal, "ip4 || ip6"},
        {"ip4.src_mcast", Level::boolean, "ip4.src[28..31] == 0xe"},
        {"ip4.mcast", Level::boolean, "eth.mcast && ip4.dst[28..31] == 0xe"},
        {"icmp4", Level::nominal, "ip4 && ip.proto == 1"},
        {"icmp6", Level::nominal, "ip6 && ip.proto == 58"},
        {"icmp", Level::nominal, "icmp4 || icmp6"},
        {"igmp", Level::nominal, "ip4.mcast && ip.proto == 2"},
        {"ip.is_frag", Level::boolean, "ip.frag[0]"},
        {"ip.later_frag", Level::boolean, "ip.frag[1]"},
        {"ip.first_frag", Level::boolean, "ip.is_frag && !ip.later_frag"},
        {"arp", Level::nominal, "eth.type == 0x806"},
        {"rarp", Level::nominal, "eth.type == 0x8035"},
        {"nd", Level::nominal, "icmp6.type == {135, 136} && icmp6.code == 0 && ip.ttl == 255"},
        {"nd_ns", Level::nominal, "icmp6.type == 135 && icmp6.code == 0 && ip.ttl == 255"},
        {"nd_na", Level::nominal, "icmp6.type == 136 && icmp6.code == 0 && ip.ttl == 255"},
        {"nd_rs", Level::nominal, "icmp6.type == 133 && icmp6.code == 0 && ip.ttl == 255"},
        {"nd_ra", Level::nominal, "icmp6.type == 134 && icmp6.code == 0 && ip.ttl == 255"},
        {"ip6.mcast", Level::boolean, "eth.mcastv6 && ip6.dst[120..127] == 0xff"},
        {"tcp", Level::nominal, "ip.proto == 6"},
        {"udp", Level::nominal, "ip.proto == 17"},
        {"sctp", Level::nominal, "ip.proto == 132"},
    };
    for (const auto& e : expected) {
        CAPTURE(e.name);
        const Symbol& s = sym(e.name);
        CHECK(s.kind == SymbolKind::predicate);
        CHECK(s.width == 1);
        CHECK(s.level == e.level);
        CHECK(s.expansion == e.expansion);
        CHECK(s.check_writable(false) ==
              "Predicate symbol " + std::string(e.name) + " used where lvalue required.");
    }
    for (std::string_view name : {"nd_ns_mcast", "mldv1", "mldv2", "ip6.mcast_rsvd",
                                  "ip6.mcast_all_nodes", "ip6.mcast_all_rtrs",
                                  "ip6.mcast_sol_node", "ip6.mcast_flood"})
        CHECK(sym(name).kind == SymbolKind::predicate);
}

TEST_CASE("every name a prerequisite or an expansion uses is a symbol") {
    const auto& table = SymbolTable::standard();
    auto check_names = [&](std::string_view owner, std::string_view text) {
        std::size_t i = 0;
        while (i < text.size()) {
            const char c = text[i];
            if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '.') {
                std::size_t j = i;
                while (j < text.size() &&
                       (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_' ||
                        text[j] == '.' || text[j] == ':'))
                    ++j;
                const auto word = text.substr(i, j - i);
                // MAC and IPv6 constants (ff:ff:..., fe80::, ff02::16) contain ':'.
                if (word.find(':') == std::string_view::npos) {
                    CAPTURE(owner);
                    CHECK_MESSAGE(table.find(word) != nullptr, "unknown name " << word);
                }
                i = j;
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) ||
                                           text[i] == ':' || text[i] == '.'))
                    ++i;
            } else {
                ++i;
            }
        }
    };
    for (const Symbol& s : table.symbols()) {
        check_names(s.name, s.prerequisites);
        check_names(s.name, s.expansion);
    }
}

TEST_CASE("bit ranges are checked with OVN's messages") {
    CHECK(sym("reg0").check_range({3, 3}) == std::nullopt);
    CHECK(sym("reg0").check_range({0, 31}) == std::nullopt);
    CHECK(sym("reg0").check_range({5, 4}) == "Invalid bit range 5 to 4.");
    CHECK(sym("reg0").check_range({0, 32}) == "Cannot select bits 0 to 32 of 32-bit field reg0.");
    CHECK(sym("ct_label").check_range({96, 127}) == std::nullopt);
    CHECK(sym("eth.type").check_range({0, 7}) == "Cannot select subfield of nominal field eth.type.");
    CHECK(sym("eth.type").check_range({0, 15}) == std::nullopt);
    CHECK(sym("ct_label.obs_point_id").check_range({0, 7}) == std::nullopt);

    const FieldBits f = sym("reg0").field(BitRange{7, 9});
    CHECK(f.storage == Storage::xxreg0);
    CHECK(f.offset == 103);
    CHECK(f.width == 3);
    const FieldBits g = sym("ct_label.obs_point_id").field(BitRange{0, 7});
    CHECK(g.offset == 96);
    CHECK(g.width == 8);
}

TEST_CASE("unknown names are not found") {
    const auto& table = SymbolTable::standard();
    for (std::string_view name : {"", "reg", "reg10", "ip5", "tcp.port", "ct.established",
                                  "ct_label.nonexistent", "Inport", "eth.src ", "flags.foo"})
        CHECK(table.find(name) == nullptr);
}

TEST_CASE("writability follows OVN") {
    CHECK(sym("reg0").check_writable(false) == std::nullopt);
    CHECK(sym("outport").check_writable(false) == std::nullopt);
    CHECK(sym("eth.type").check_writable(false) == "Field eth.type is not modifiable.");
    CHECK(sym("ip.proto").check_writable(false) == "Field ip.proto is not modifiable.");
    CHECK(sym("tcp.flags").check_writable(false) == "Field tcp.flags is not modifiable.");
    CHECK(sym("ct.new").check_writable(true) == "Field ct.new is not modifiable.");
    CHECK(sym("icmp4.frag_mtu").check_writable(false) == std::nullopt);
    CHECK(sym("icmp4.frag_mtu").action_only);
    CHECK(sym("icmp6.frag_mtu").width == 32);
}

TEST_CASE("every storage slot is named and every symbol name is unique") {
    const auto& table = SymbolTable::standard();
    std::set<std::string_view> names;
    for (const Symbol& s : table.symbols()) CHECK(names.insert(s.name).second);
    for (std::size_t i = 0; i < kStorageCount; ++i) {
        const auto storage = static_cast<Storage>(i);
        const Symbol& s = table.symbol_of(storage);
        CHECK(s.name == storage_info(storage).name);
        CHECK(s.width == storage_info(storage).width);
    }
}

TEST_CASE("releases up to 23.03 have the plain multicast predicates, later ones the new") {
    const auto& old = SymbolTable::for_release(23, 3);
    CHECK(old.find("igmp")->expansion == "ip4 && ip.proto == 2");
    CHECK(old.find("mldv1")->expansion == "ip6.src == fe80::/10 && icmp6.type == {130, 131, 132}");
    CHECK(old.find("mldv2")->expansion == "ip6.dst == ff02::16 && icmp6.type == 143");
    CHECK(&SymbolTable::for_release(20, 3) == &old);
    CHECK(&SymbolTable::for_release(24, 9) == &SymbolTable::standard());
    CHECK(&SymbolTable::for_release(26, 3) == &SymbolTable::standard());
    CHECK(SymbolTable::standard().find("igmp")->expansion == "ip4.mcast && ip.proto == 2");
    // Every other name means the same everywhere.
    CHECK(old.symbols().size() == SymbolTable::standard().symbols().size());
    for (const Symbol& s : old.symbols()) {
        const Symbol* n = SymbolTable::standard().find(s.name);
        REQUIRE(n != nullptr);
        if (s.name == "igmp" || s.name == "mldv1" || s.name == "mldv2") continue;
        CHECK(s.expansion == n->expansion);
        CHECK(s.field() == n->field());
    }
}
