#include "sim/eval/packet_run.hpp"

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

// Nesting deeper than this (a resubmit chain through thousands of tables) is a loop.
constexpr unsigned kMaxDepth = 1024;

std::string_view datapath_name(const LogicalDatapath& dp) { return dp.name.empty() ? dp.uuid : dp.name; }

}  // namespace

PacketRun::PacketRun(const TraceEngine& engine, Conntrack& conntrack, const TraceOptions& options,
                     TraceObserver& observer, PacketResult& result)
    : engine_(engine), bundle_(engine.bundle()), topology_(engine.topology()), flows_(engine.flows()),
      conntrack_(conntrack), options_(options), observer_(observer), result_(result) {}

void PacketRun::run(const LogicalDatapath& datapath, Packet packet) {
    const TopologyPort* inport = topology_.port(packet.inport());
    run_pipeline(datapath, Pipeline::Ingress, PipelineEntry::start, packet, inport ? inport->chassis : std::string(),
                 nullptr, 0, false);
    finish();
}

void PacketRun::run_pipeline(const LogicalDatapath& datapath, Pipeline pipeline, PipelineEntry entry, Packet& packet,
                             std::string chassis, const LogicalStage* first, unsigned depth, bool generated) {
    Frame frame;
    frame.datapath = &datapath;
    frame.pipeline = pipeline;
    frame.router = Topology::is_router(datapath);
    frame.chassis = std::move(chassis);
    frame.generated = generated;
    const std::string_view name = datapath_name(datapath);
    if (frame.router) {
        frame.dnat_zone = &conntrack_.zone(std::string(name) + ":dnat");
        frame.snat_zone = &conntrack_.zone(std::string(name) + ":snat");
        frame.zone = frame.dnat_zone;
    } else {
        const std::string& port = pipeline == Pipeline::Ingress ? packet.inport() : packet.outport();
        frame.zone = &conntrack_.zone(port.empty() ? std::string(name) + ":" + std::string(to_string(pipeline)) : port);
    }
    packet.datapath = std::string(name);
    packet.datapath_key = topology_.datapath_key(datapath).value_or(0);
    packet.ct_zone = frame.zone->number;
    packet.dnat_zone = frame.dnat_zone ? frame.dnat_zone->number : 0;
    packet.snat_zone = frame.snat_zone ? frame.snat_zone->number : 0;

    if (const TopologySource source = topology_.source(datapath); source != TopologySource::sb)
        note(source == TopologySource::nb ? "ports_from_nb" : "ports_from_dump", name, depth);

    PipelineStartEvent start;
    start.datapath = &datapath;
    start.pipeline = pipeline;
    start.entry = entry;
    start.inport = packet.inport();
    if (pipeline == Pipeline::Egress) start.outport = packet.outport();
    start.zone = frame.zone;
    start.packet = &packet;
    start.depth = depth;
    observer_.pipeline_start(start);

    const LogicalPipeline& stages = datapath.pipeline(pipeline);
    if (first == nullptr && !stages.empty()) first = &stages.stages().front();
    run_stage(first, packet, frame, depth);

    observer_.pipeline_end(PipelineEndEvent{&datapath, pipeline, depth});
}

void PacketRun::run_stage(const LogicalStage* stage, Packet& packet, Frame& frame, unsigned depth) {
    if (stage == nullptr) {
        record_drop(DropReason::no_table, frame, {}, std::nullopt, {}, depth);
        return;
    }
    if (++visits_ > options_.max_table_visits || depth > kMaxDepth) {
        if (!loop_reported_) record_drop(DropReason::loop_guard, frame, stage->name, std::nullopt, {}, depth);
        loop_reported_ = true;
        return;
    }
    visit_table(*stage, packet, frame, depth);
}

void PacketRun::visit_table(const LogicalStage& stage, Packet& packet, Frame& frame, unsigned depth) {
    const LogicalDatapath& dp = *frame.datapath;
    const auto candidates = flows_.candidates(dp, stage, packet, candidates_);
    const CompiledFlow* hit = nullptr;
    std::vector<const DumpFlow*> ties;
    std::vector<std::uint32_t> tied_uuids;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const CompiledFlow& cf = flows_.flow(dp, stage, candidates[c]);
        if (hit != nullptr && cf.flow->priority != hit->flow->priority) break;
        // ovn-trace counts every port as resident; a datapath knows where it runs.
        FlowMatchEnvironment env(cf, options_.handoff == PipelineHandoff::ovn_trace ? std::string_view() : frame.chassis,
                                 &topology_);
        if (!cf.match.evaluate(packet, env)) continue;
        if (hit == nullptr) {
            hit = &cf;
        } else {
            ties.push_back(cf.flow);
            if (cf.uuid) tied_uuids.push_back(*cf.uuid);
        }
    }
    if (hit == nullptr) {
        observer_.table_miss(TableMissEvent{&dp, frame.pipeline, &stage, stage.table, depth});
        record_drop(DropReason::no_match, frame, stage.name, std::nullopt, {}, depth);
        return;
    }
    const DumpFlow& flow = *hit->flow;
    const std::size_t hop = result_.hops.size();
    TraceHop h;
    h.datapath = datapath_name(dp);
    h.pipeline = frame.pipeline;
    h.stage = stage.name;
    h.table = stage.table;
    h.priority = flow.priority;
    h.match = flow.match;
    h.actions = flow.actions;
    h.flow_uuid = hit->uuid;
    h.flow = &flow;
    h.depth = depth;
    h.zone = *frame.zone;
    h.ovn_trace_omits = hit->omittable;
    h.tied_flows = static_cast<std::uint32_t>(ties.size());
    h.tied_flow_uuids = std::move(tied_uuids);
    result_.hops.push_back(std::move(h));

    TableHitEvent event;
    event.datapath = &dp;
    event.stage = &stage;
    event.flow = &flow;
    event.flow_uuid = result_.hops[hop].flow_uuid;
    event.ties = ties;
    event.ovn_trace_omits = hit->omittable;
    event.hop = hop;
    event.packet = &packet;
    event.depth = depth;
    observer_.table_hit(event);

    // Which table each $set / @group of the flow was bound from.
    for (const AddressSetBinding* b : hit->address_sets)
        note("address_set_source", "$" + b->name + ": " + std::string(b->source), depth);
    for (const PortGroupBinding* b : hit->port_groups)
        note("port_group_source", "@" + b->name + ": " + std::string(b->source) + " " + b->bound_name, depth);
    attribute_hop(stage, flow, packet, frame, hop);
    const Outcome outcome = run_actions(hit->actions, packet, frame, stage, hop, depth);
    if (!outcome.continued) {
        record_drop(outcome.generated ? DropReason::generated_only : DropReason::drop_action, frame, stage.name, hop,
                    {}, depth);
    }
}

void PacketRun::attribute_hop(const LogicalStage& stage, const DumpFlow& flow, const Packet& packet, Frame& frame,
                              std::size_t hop) {
    if (!acl_eval_stage(stage.name)) return;
    std::optional<AclAttribution> a = engine_.acls().attribute(*frame.datapath, flow, stage.name);
    if (!a && !frame.acl) {
        // northd's own flows that decide established and related traffic on its conntrack
        // state (not the `1` of a tier with no ACL): the connection's ACL decided.
        const auto state = static_cast<std::uint8_t>(packet.get(Storage::ct_state).low());
        const bool tests_conntrack = flow.match.find("ct.") != std::string_view::npos ||
                                     flow.match.find("ct_mark.") != std::string_view::npos;
        if (tests_conntrack && (state & (ct_state::est | ct_state::rel)) != 0) {
            for (const Frame::Pending& p : frame.pending) {
                if (p.zone == nullptr) continue;
                const CtEntry* e = conntrack_.find(*p.zone, p.tuple);
                if (e != nullptr && e->committed_by) {
                    a = engine_.acls().attribute(*e->committed_by);
                    if (a) break;
                }
            }
        }
    }
    if (!a) return;
    a->hop = hop;
    frame.acl = result_.acls.size();
    result_.acls.push_back(std::move(*a));
}

void PacketRun::record_drop(DropReason reason, const Frame& frame, std::string_view stage,
                            std::optional<std::size_t> hop, std::string port, unsigned depth) {
    if (frame.generated) return;  // the generated packet's fate is not the packet's
    DropInfo d;
    d.reason = reason;
    d.datapath = datapath_name(*frame.datapath);
    d.pipeline = frame.pipeline;
    d.stage = stage;
    d.hop = hop;
    d.port = std::move(port);
    result_.drops.push_back(std::move(d));
    drop_acls_.push_back(frame.acl);
    observer_.drop(DropEvent{&result_.drops.back(), depth});
}

void PacketRun::note(std::string_view code, std::string_view subject, unsigned depth) {
    for (const TraceNote& existing : result_.notes) {
        if (existing.code == code && existing.subject == subject) return;
    }
    result_.notes.push_back(TraceNote{std::string(code), std::string(subject)});
    observer_.note(NoteEvent{&result_.notes.back(), depth});
}

void PacketRun::finish() {
    result_.verdict = result_.deliveries.empty() ? Verdict::drop : Verdict::output;
    for (const Delivery& d : result_.deliveries) result_.output_ports.push_back(d.port);
    if (result_.verdict == Verdict::drop) {
        if (!drop_acls_.empty() && drop_acls_.front()) result_.acl = result_.acls[*drop_acls_.front()];
    } else if (!result_.acls.empty()) {
        result_.acl = result_.acls.front();
    }
    result_.conntrack = conntrack_.snapshot(engine_.symbols());
}

}  // namespace ovnsim
