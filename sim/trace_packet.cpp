#include "sim/trace_packet.hpp"

#include "sim/bundle.hpp"
#include "sim/field_format.hpp"
#include "sim/trace_engine.hpp"

namespace ovnsim {
namespace {

void swap_slots(Packet& p, Storage a, Storage b) {
    const Bits128 x = p.get(a);
    p.set(a, p.get(b));
    p.set(b, x);
}

void fill(Microflow& flow, Storage s, std::string reason) {
    const unsigned width = storage_info(s).width;
    flow.filled.push_back({format_field_bits(s, 0, width), flow.packet.get(s), std::move(reason)});
}

}  // namespace

PreparedPacket prepare_packet(const TraceEngine& engine, const PacketSpec& spec, bool fill_defaults) {
    const LogicalFlows& flows = engine.bundle().flows();
    const Topology& topology = engine.topology();
    PreparedPacket out;
    if (!spec.datapath.empty()) out.datapath = &flows.datapath(spec.datapath);

    if (spec.prepared) {
        out.flow = *spec.prepared;
    } else {
        MicroflowOptions options;
        options.fill_defaults = fill_defaults;
        const std::optional<std::uint32_t> key = out.datapath ? topology.datapath_key(*out.datapath) : std::nullopt;
        options.address_set = [&](std::string_view name) -> std::optional<std::vector<MaskedValue>> {
            const AddressSetBinding* b = engine.sets().address_set(name);
            if (b == nullptr) return std::nullopt;
            return b->entries.values();
        };
        options.port_group = [&](std::string_view name) -> std::optional<std::vector<std::string>> {
            const PortGroupBinding* b = engine.sets().port_group(name, key);
            if (b == nullptr) return std::nullopt;
            return b->port_list;
        };
        options.port_key = [&](std::string_view port) -> std::optional<std::uint32_t> {
            const TopologyPort* p = topology.port(port);
            if (p == nullptr) return std::nullopt;
            return p->tunnel_key;
        };
        out.flow = solve_microflow(spec.microflow, TextOrigin{spec.source, spec.source_start}, options,
                                   engine.resolver());
    }

    const std::string& inport = out.flow.packet.inport();
    if (inport.empty()) throw InputError(spec.source, spec.source_start, "microflow does not specify ingress port");
    const TopologyPort* port = topology.port(inport);
    if (port == nullptr) throw InputError(spec.source, spec.source_start, "unknown port \"" + inport + "\"");
    if (out.datapath == nullptr) {
        out.datapath = port->datapath;
    } else if (port->datapath != out.datapath) {
        throw InputError(spec.source, spec.source_start,
                         "inport \"" + inport + "\" is not a port of datapath " + out.datapath->label() +
                             " (it is on " + port->datapath->label() + ")");
    }
    return out;
}

PreparedPacket reply_packet(const TraceEngine& engine, const Delivery& delivered, std::uint16_t tcp_flags,
                            std::uint8_t ttl) {
    PreparedPacket out;
    const TopologyPort* port = engine.topology().port(delivered.port);
    if (port == nullptr) return out;
    out.datapath = port->datapath;
    Packet& p = out.flow.packet;
    p = delivered.packet;
    p.clear_logical_registers();
    p.clear_flags();
    p.clear_conntrack();
    p.set_port(Storage::outport, "");
    p.set(Storage::outport_key, 0);
    p.set_port(Storage::inport, port->name);
    p.set(Storage::inport_key, port->tunnel_key);
    swap_slots(p, Storage::eth_src, Storage::eth_dst);
    swap_slots(p, Storage::ip4_src, Storage::ip4_dst);
    swap_slots(p, Storage::ip6_src, Storage::ip6_dst);
    swap_slots(p, Storage::tcp_src, Storage::tcp_dst);
    swap_slots(p, Storage::udp_src, Storage::udp_dst);
    swap_slots(p, Storage::sctp_src, Storage::sctp_dst);
    p.set(Storage::tcp_flags, tcp_flags);
    p.set(Storage::ip_ttl, ttl);
    const std::string why = "reply to the packet delivered to " + port->name;
    out.flow.filled.push_back({"inport", Bits128(), why});
    for (Storage s : {Storage::eth_src, Storage::eth_dst}) fill(out.flow, s, why);
    const bool v6 = p.get(Storage::eth_type).low() == 0x86dd;
    fill(out.flow, v6 ? Storage::ip6_src : Storage::ip4_src, why);
    fill(out.flow, v6 ? Storage::ip6_dst : Storage::ip4_dst, why);
    fill(out.flow, Storage::tcp_src, why);
    fill(out.flow, Storage::tcp_dst, why);
    fill(out.flow, Storage::tcp_flags, why);
    fill(out.flow, Storage::ip_ttl, "TTL of the original packet");
    return out;
}

PreparedPacket with_tcp_flags(const PreparedPacket& original, std::uint16_t tcp_flags) {
    PreparedPacket out = original;
    out.flow.packet.set(Storage::tcp_flags, tcp_flags);
    out.flow.filled.push_back({"tcp.flags", tcp_flags, "the conversation's next packet"});
    return out;
}

}  // namespace ovnsim
