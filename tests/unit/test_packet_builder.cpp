// Packets from ports: addresses from NB Logical_Switch_Port / Logical_Router_Port and SB
// Port_Binding, the gateway MAC for destinations behind a router, the defaults reported,
// and the microflow solving to the packet it describes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "sim/bundle.hpp"
#include "sim/field_format.hpp"
#include "sim/field_selector.hpp"
#include "sim/microflow.hpp"
#include "sim/packet_builder.hpp"
#include "sim/packet_builder_addresses.hpp"
#include "tests/unit/test_support.hpp"

using namespace ovnsim;
namespace fs = std::filesystem;

namespace {

fs::path routed_bundle() { return test::source_dir() / "tests/unit/data/routed-23.03"; }

std::shared_ptr<const Bundle> load(const fs::path& path) { return Bundle::load(path.string()); }

PortPacket build(const Bundle& bundle, std::string from, std::string to, std::optional<PortProtocol> protocol = {},
                 std::optional<std::uint16_t> sport = {}, std::optional<std::uint16_t> dport = {}) {
    return build_port_packet(bundle, PortPacketRequest{std::move(from), std::move(to), protocol, sport, dport});
}

std::string error_of(const Bundle& bundle, std::string from, std::string to, std::optional<PortProtocol> protocol = {},
                     std::optional<std::uint16_t> sport = {}) {
    try {
        build(bundle, std::move(from), std::move(to), protocol, sport);
    } catch (const InputError& e) {
        return format_diagnostic(e.file(), e.loc(), e.message());
    }
    return "no error";
}

const ChosenValue* chosen(const PortPacket& p, std::string_view field) {
    for (const ChosenValue& c : p.chosen)
        if (c.field == field) return &c;
    return nullptr;
}

std::string field_text(const Packet& packet, std::string_view field) {
    const FieldSelection f = select_field(field);
    return format_field_value(f.bits.storage, packet.read(f.bits), f.bits.width);
}

// A bundle directory with the given NB/SB listings (and a one-flow dump).
fs::path write_bundle(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
    const fs::path dir = fs::temp_directory_path() / ("ovnsim-packet-builder-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir / "nb");
    fs::create_directories(dir / "sb");
    std::ofstream(dir / "lflows.txt")
        << "Datapath: \"ls1\" (11111111-1111-1111-1111-111111111111)  Pipeline: ingress\n"
           "  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\n";
    for (const auto& [path, text] : files) std::ofstream(dir / path) << text;
    return dir;
}

}  // namespace

TEST_CASE("address entries: MAC and IPs, router, dynamic, unknown") {
    auto e = parse_port_address_entry("0a:58:0a:f4:01:04 10.244.1.4 fd00::4/64");
    CHECK(e.kind == PortAddressEntry::Kind::addresses);
    CHECK(format_mac(*e.mac) == "0a:58:0a:f4:01:04");
    REQUIRE(e.ips.size() == 2);
    CHECK(e.ips[0].to_string() == "10.244.1.4");
    CHECK(e.ips[1].v6);
    CHECK(e.ips[1].prefix == 64);
    CHECK(parse_port_address_entry("router").kind == PortAddressEntry::Kind::router);
    CHECK(parse_port_address_entry("unknown").kind == PortAddressEntry::Kind::unknown);
    CHECK(parse_port_address_entry("dynamic").kind == PortAddressEntry::Kind::dynamic);
    auto d = parse_port_address_entry("0a:00:00:00:00:01 dynamic");
    CHECK(d.kind == PortAddressEntry::Kind::dynamic);
    CHECK(d.mac.has_value());
    CHECK(parse_port_address_entry("0a:00:00:00:00:01 not-an-ip").kind == PortAddressEntry::Kind::other);
    CHECK_FALSE(parse_mac_address("0a:00:00:00:00"));
    CHECK_FALSE(parse_ip_address("10.0.0.1/33"));
    CHECK_FALSE(parse_ip_address("10.0.0.1/"));
    const auto net = parse_ip_address("10.1.0.1/24");
    CHECK(net->network_contains(*parse_ip_address("10.1.0.200")));
    CHECK_FALSE(net->network_contains(*parse_ip_address("10.2.0.1")));
    CHECK_FALSE(net->network_contains(*parse_ip_address("fd01::1")));
}

TEST_CASE("from a port to a port on the same switch: the port's own MAC, every default reported") {
    const auto bundle = load(test::bundled_corpora() / "ovn-26.03/talk");
    const PortPacket p = build(*bundle, "vif1", "vif2");
    CHECK(p.datapath == "ls1");
    CHECK(p.destination_port == "vif2");
    CHECK(p.microflow ==
          "inport == \"vif1\" && eth.src == 0a:58:0a:f4:01:04 && eth.dst == 0a:58:0a:f4:02:06 && "
          "ip4.src == 10.244.1.4 && ip4.dst == 10.244.2.6 && ip.ttl == 64 && tcp && tcp.src == 49152 && "
          "tcp.dst == 80 && tcp.flags == 0x002");
    REQUIRE(chosen(p, "eth.dst"));
    CHECK(chosen(p, "eth.dst")->reason == "MAC of vif2 (NB Logical_Switch_Port vif2 addresses)");
    CHECK(chosen(p, "protocol")->value == "tcp");
    CHECK(chosen(p, "tcp.src")->value == "49152");
    CHECK(chosen(p, "tcp.dst")->value == "80");
    CHECK(chosen(p, "tcp.flags")->value == "0x002");
    CHECK(chosen(p, "ip.ttl")->value == "64");
    CHECK(chosen(p, "inport") == nullptr);

    // The microflow is one ovn-trace accepts and it describes exactly this packet.
    const Microflow m = solve_microflow(p.microflow, TextOrigin{"<built>", {1, 1}});
    CHECK(m.packet.inport() == "vif1");
    CHECK(field_text(m.packet, "eth.dst") == "0a:58:0a:f4:02:06");
    CHECK(field_text(m.packet, "tcp.flags") == "0x2");
    CHECK(field_text(m.packet, "tcp.src") == "49152");
}

TEST_CASE("what the user gives is used and not reported as a default") {
    const auto bundle = load(test::bundled_corpora() / "ovn-26.03/talk");
    const PortPacket p = build(*bundle, "vif2", "10.244.1.4", PortProtocol::udp, 5000, 5201);
    CHECK(p.microflow.find("udp && udp.src == 5000 && udp.dst == 5201") != std::string::npos);
    CHECK(p.microflow.find("tcp.flags") == std::string::npos);
    CHECK(chosen(p, "udp.src") == nullptr);
    CHECK(chosen(p, "udp.dst") == nullptr);
    CHECK(chosen(p, "protocol") == nullptr);
    CHECK(chosen(p, "ip4.dst") == nullptr);
    CHECK(p.destination_port == "vif1");  // found by its address
    CHECK(chosen(p, "eth.dst")->value == "0a:58:0a:f4:01:04");
}

TEST_CASE("behind a router: the gateway's router port MAC from NB Logical_Router_Port") {
    const auto bundle = load(routed_bundle());
    const PortPacket p = build(*bundle, "vif11", "vif22");
    CHECK(p.datapath == "ls1");
    CHECK(p.destination_port == "vif22");
    const ChosenValue* dst = chosen(p, "eth.dst");
    REQUIRE(dst);
    CHECK(dst->value == "0a:00:00:00:ff:01");
    CHECK(dst->reason.find("router port lr1-ls1 (NB Logical_Router_Port lr1-ls1 mac and networks)") != std::string::npos);
    CHECK(dst->reason.find("on ls2") != std::string::npos);
    CHECK(chosen(p, "ip4.dst")->value == "10.2.0.22");

    // To an address no port has: still through the gateway.
    CHECK(chosen(build(*bundle, "vif21", "8.8.8.8"), "eth.dst")->value == "0a:00:00:00:ff:02");
    // To the router's own address on the sender's subnet.
    const PortPacket to_router = build(*bundle, "vif12", "10.1.0.1", PortProtocol::icmp);
    CHECK(to_router.destination_port == "lr1-ls1");
    CHECK(chosen(to_router, "eth.dst")->value == "0a:00:00:00:ff:01");
    CHECK(to_router.microflow.find("icmp4 && icmp4.type == 8 && icmp4.code == 0") != std::string::npos);
}

TEST_CASE("IPv6 when the destination is IPv6") {
    const auto bundle = load(routed_bundle());
    const PortPacket p = build(*bundle, "vif11", "fd02::21", PortProtocol::icmp);
    CHECK(chosen(p, "ip6.src")->value == "fd01::11");
    CHECK(p.microflow.find("ip6.dst == fd02::21") != std::string::npos);
    CHECK(p.microflow.find("icmp6 && icmp6.type == 128") != std::string::npos);
    CHECK(chosen(p, "eth.dst")->value == "0a:00:00:00:ff:01");
    solve_microflow(p.microflow, TextOrigin{"<built>", {1, 1}});
}

TEST_CASE("SB Port_Binding alone: addresses from mac, the gateway through the patch peer") {
    const fs::path full = routed_bundle();
    const fs::path dir = write_bundle("sb-only", {});
    fs::copy(full / "sb", dir / "sb", fs::copy_options::overwrite_existing | fs::copy_options::recursive);
    const auto bundle = load(dir);
    const PortPacket p = build(*bundle, "vif11", "vif22");
    CHECK(p.datapath == "ls1");
    CHECK(chosen(p, "eth.src")->reason == "MAC of vif11 (SB Port_Binding vif11 mac)");
    CHECK(chosen(p, "eth.dst")->value == "0a:00:00:00:ff:01");
    CHECK(chosen(p, "eth.dst")->reason.find("SB Port_Binding lr1-ls1 mac") != std::string::npos);
}

TEST_CASE("dynamic addresses come from SB Port_Binding mac") {
    const fs::path dir = write_bundle(
        "dynamic",
        {{"nb/Logical_Switch.txt", "_uuid               : 6b59354d-b7a9-4ae4-bc07-80087d7775de\nname                : ls1\n"
                                   "ports               : [0226a95c-fed1-439b-966f-2a81013a7d0d, b4d5c9a7-23de-4563-bfe6-9830b7304f3a]\n"},
         {"nb/Logical_Switch_Port.txt",
          "_uuid               : 0226a95c-fed1-439b-966f-2a81013a7d0d\naddresses           : [dynamic]\nname                : a\ntype                : \"\"\n\n"
          "_uuid               : b4d5c9a7-23de-4563-bfe6-9830b7304f3a\naddresses           : [unknown, \"0a:00:00:00:00:0b 10.0.0.11\"]\nname                : b\ntype                : \"\"\n"},
         {"sb/Port_Binding.txt", "_uuid               : 35efd93c-29a1-492f-8e9e-7106b1edb0e4\nlogical_port        : a\n"
                                 "mac                 : [\"0a:00:00:00:00:0a 10.0.0.10\"]\ntype                : \"\"\n"}});
    const auto bundle = load(dir);
    const PortPacket p = build(*bundle, "a", "b");
    CHECK(chosen(p, "eth.src")->value == "0a:00:00:00:00:0a");
    CHECK(chosen(p, "eth.src")->reason == "MAC of a (SB Port_Binding a mac)");
    CHECK(chosen(p, "ip4.src")->value == "10.0.0.10");
    CHECK(chosen(p, "eth.dst")->value == "0a:00:00:00:00:0b");  // "unknown" skipped
}

TEST_CASE("bad requests are InputErrors naming the option") {
    const auto routed = load(routed_bundle());
    CHECK(error_of(*routed, "nope", "vif12") ==
          "--from: no logical port named \"nope\" (NB Logical_Switch_Port, Logical_Router_Port, SB Port_Binding)");
    CHECK(error_of(*routed, "vif11", "nope").rfind("--to: no logical port named \"nope\"", 0) == 0);
    CHECK(error_of(*routed, "vif11", "10.2.0.0/24") == "--to: give one address, not a network: 10.2.0.0/24");
    CHECK(error_of(*routed, "vif11", "vif12", PortProtocol::icmp, 5) == "--sport: --sport and --dport need --tcp or --udp");

    const auto talk = load(test::bundled_corpora() / "ovn-26.03/talk");
    CHECK(error_of(*talk, "vif1", "fd00::1") == "--from: port \"vif1\" has no IPv6 address (NB Logical_Switch_Port vif1 addresses)");
    CHECK(error_of(*talk, "vif1", "192.0.2.1") ==
          "--to: 192.0.2.1 is not an address of any port and switch \"ls1\" has no router port to reach it through");

    const auto dump_only = load(test::bundled_corpora() / "ovn-26.03/talk/lflows.txt");
    CHECK(error_of(*dump_only, "vif1", "vif2").find("the bundle has no nb/Logical_Switch_Port or sb/Port_Binding table") !=
          std::string::npos);
}
