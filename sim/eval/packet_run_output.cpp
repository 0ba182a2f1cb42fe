// `output`: from ingress to the egress pipeline of the same datapath (one copy per member
// of a multicast group); from egress out of the logical network, or through a patch port
// into the peer datapath's ingress. What survives each handoff is ovn-reference.md §8
// (PipelineHandoff::datapath) or what ovn-trace keeps (PipelineHandoff::ovn_trace).
#include "sim/eval/packet_run.hpp"

namespace ovnsim {
namespace {

constexpr unsigned kFlagLoopback = 0;  // flags.loopback

bool loopback_allowed(const Packet& p) { return p.get(Storage::flags).bit(kFlagLoopback); }

}  // namespace

void PacketRun::output_action(Packet& packet, Frame& frame, unsigned depth) {
    if (frame.pipeline == Pipeline::Ingress) {
        output_from_ingress(packet, frame, depth);
    } else {
        output_from_egress(packet, frame, depth);
    }
}

void PacketRun::output_from_ingress(const Packet& packet, Frame& frame, unsigned depth) {
    const std::string& outport = packet.outport();
    if (outport.empty()) {
        record_drop(DropReason::null_output_port, frame, {}, result_.hops.size() - 1, {}, depth);
        return;
    }
    if (const MulticastGroup* group = topology_.multicast_group(*frame.datapath, outport)) {
        observer_.branch_start(BranchEvent{BranchKind::multicast_group, group->name, &packet, depth});
        bool sent = false;
        for (const TopologyPort* member : group->ports) {
            if (member->name == packet.inport() && !loopback_allowed(packet)) {
                note("loopback_copy_omitted", member->name, depth + 1);
                continue;
            }
            enter_egress(packet, frame, member->name, PipelineEntry::multicast_copy, depth + 1);
            sent = true;
        }
        observer_.branch_end(BranchEvent{BranchKind::multicast_group, group->name, &packet, depth});
        if (!sent) {
            record_drop(group->ports.empty() ? DropReason::empty_group : DropReason::loopback, frame, {},
                        result_.hops.size() - 1, outport, depth);
        }
        return;
    }
    const TopologyPort* port = topology_.port(outport);
    if (port == nullptr || port->datapath != frame.datapath) {
        record_drop(DropReason::unknown_output_port, frame, {}, result_.hops.size() - 1, outport, depth);
        return;
    }
    if (port->type == "chassisredirect") {
        // The gateway chassis sends it on as the router port it stands for (ovn-trace does too).
        const TopologyPort* distributed = topology_.port(port->distributed_port);
        if (distributed == nullptr) {
            record_drop(DropReason::unknown_output_port, frame, {}, result_.hops.size() - 1, outport, depth);
            return;
        }
        note("chassisredirect_replaced", port->name + " -> " + distributed->name, depth);
        port = distributed;
    }
    if (port->name == packet.inport() && !loopback_allowed(packet)) {
        record_drop(DropReason::loopback, frame, {}, result_.hops.size() - 1, port->name, depth);
        return;
    }
    enter_egress(packet, frame, port->name, PipelineEntry::from_ingress, depth + 1);
}

void PacketRun::enter_egress(const Packet& packet, const Frame& frame, std::string_view outport, PipelineEntry how,
                             unsigned depth) {
    const TopologyPort* port = topology_.port(outport);
    Packet egress = packet;
    egress.set_port(Storage::outport, outport);
    egress.set(Storage::outport_key, port ? port->tunnel_key : 0);
    std::string chassis = frame.chassis;
    const std::string& bound = port ? port->chassis : chassis;
    const bool remote = !chassis.empty() && !bound.empty() && bound != chassis;
    if (chassis.empty()) chassis = bound;
    if (options_.handoff == PipelineHandoff::ovn_trace) {
        egress.clear_logical_registers();
        egress.clear_flags();
    } else if (remote) {
        egress.enter_egress_remote_chassis();
        chassis = bound;
        if (how == PipelineEntry::from_ingress) how = PipelineEntry::from_remote_ingress;
    } else {
        egress.enter_egress_same_chassis();
    }
    // Without both ends' chassis the output counts as local (flags and conntrack kept).
    if (options_.handoff == PipelineHandoff::datapath && (frame.chassis.empty() || bound.empty()))
        note("chassis_unknown", outport, depth);
    run_pipeline(*frame.datapath, Pipeline::Egress, how, egress, std::move(chassis), nullptr, depth, frame.generated);
}

void PacketRun::output_from_egress(const Packet& packet, Frame& frame, unsigned depth) {
    const std::string& outport = packet.outport();
    const TopologyPort* port = topology_.port(outport);
    const std::size_t hop = result_.hops.size() - 1;
    if (outport.empty()) {
        record_drop(DropReason::null_output_port, frame, {}, hop, {}, depth);
        return;
    }
    if (port == nullptr) {
        record_drop(DropReason::unknown_output_port, frame, {}, hop, outport, depth);
        return;
    }
    OutputEvent out;
    out.port = port->name;
    out.port_type = port->type;
    out.packet = &packet;
    out.depth = depth;
    if (port->type == "patch" || port->type == "l3gateway" || port->peer != nullptr) {
        out.delivered = false;
        observer_.output(out);
        if (port->peer == nullptr || port->peer->datapath == nullptr) {
            record_drop(DropReason::no_peer, frame, {}, hop, outport, depth);
            return;
        }
        const TopologyPort& peer = *port->peer;
        Packet next = packet;
        if (options_.handoff == PipelineHandoff::ovn_trace) {
            next.set_port(Storage::outport, "");
            next.set(Storage::outport_key, 0);
        } else {
            next.enter_peer_datapath();
        }
        next.set_port(Storage::inport, peer.name);
        next.set(Storage::inport_key, peer.tunnel_key);
        run_pipeline(*peer.datapath, Pipeline::Ingress, PipelineEntry::from_patch, next, frame.chassis, nullptr,
                     depth + 1, frame.generated);
        return;
    }
    out.delivered = true;
    observer_.output(out);
    Delivery d{port->name, port->type, frame.datapath->name.empty() ? frame.datapath->uuid : frame.datapath->name,
               packet};
    (frame.generated ? result_.generated_deliveries : result_.deliveries).push_back(std::move(d));
}

}  // namespace ovnsim
