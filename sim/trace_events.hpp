#pragma once
// What the tracer reports while it runs a packet, in execution order. Printers (detailed,
// summary, minimal, table), the JSON observer, sample collectors and coverage counters
// build everything they show from these events; the engine never formats text.
//
// Nesting follows ovn-trace's tree: a pipeline is a section; `next` continues in the same
// section; a ct action that recirculates (ct_next, ct_lb_mark, ct_commit_nat, ct_dnat, ...)
// opens a recirculation branch holding the following tables; `output` from ingress opens
// the egress pipeline inside the current section, and an egress output to a patch port the
// peer's ingress; clone, generated packets (reject, tcp_reset, icmp4, ...) and multicast
// copies are branches too. Every event carries `depth`: 0 for the first pipeline's
// contents, +1 inside each nested section. Each *_start is followed by its *_end.
//
// References in events are valid only during the call (copy what you keep), except those
// into the bundle (flows, stage names), which live as long as the bundle.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "parser/action_ast.hpp"
#include "sim/conntrack_types.hpp"
#include "sim/logical_flows.hpp"
#include "sim/packet.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

struct PacketStartEvent {
    std::size_t index = 0;  // in the conversation (TraceSession::run), or in the session
    std::string_view role;  // "packet", "syn", "syn+ack", ...
    const LogicalDatapath* datapath = nullptr;
    const Packet* packet = nullptr;  // as it enters
    std::span<const FilledField> defaults;
    std::string_view microflow;  // empty for generated packets (reply, ack)
};

// How a pipeline was entered.
enum class PipelineEntry : std::uint8_t {
    start,               // the packet enters here
    from_ingress,        // output from the ingress pipeline of the same datapath, same chassis
    from_remote_ingress, // the same through a tunnel: the outport is bound to another chassis
    from_patch,          // egress output to a patch port: the peer datapath's ingress
    jump,                // next(pipeline=P, table=N) into the other pipeline (reject, tiers)
    multicast_copy,      // one copy of an output to a multicast group
};
std::string_view to_string(PipelineEntry entry);

struct PipelineStartEvent {
    const LogicalDatapath* datapath = nullptr;
    Pipeline pipeline = Pipeline::Ingress;
    PipelineEntry entry = PipelineEntry::start;
    std::string_view inport;
    std::string_view outport;  // egress only
    const ConntrackZone* zone = nullptr;  // the zone ct actions of this pipeline use
    const Packet* packet = nullptr;  // after the handoff rules were applied
    unsigned depth = 0;  // of its tables: 0 for the first pipeline, else one more than where it opens
};

struct PipelineEndEvent {
    const LogicalDatapath* datapath = nullptr;
    Pipeline pipeline = Pipeline::Ingress;
    unsigned depth = 0;
};

struct TableHitEvent {
    const LogicalDatapath* datapath = nullptr;
    const LogicalStage* stage = nullptr;
    const DumpFlow* flow = nullptr;
    std::optional<std::uint32_t> flow_uuid;
    // Other flows of the same priority that match too (an ambiguity: the first in dump
    // order runs, as it is the one reported).
    std::span<const DumpFlow* const> ties;
    bool ovn_trace_omits = false;  // match `1`, actions `next;`
    std::size_t hop = 0;           // index into PacketResult::hops
    const Packet* packet = nullptr;  // before the flow's actions
    unsigned depth = 0;
};

struct TableMissEvent {
    const LogicalDatapath* datapath = nullptr;
    Pipeline pipeline = Pipeline::Ingress;
    const LogicalStage* stage = nullptr;  // null when the table does not exist
    std::uint16_t table = 0;
    unsigned depth = 0;
};

// An action about to run (every action of a flow, in order, `next` included).
struct ActionEvent {
    const Action* action = nullptr;
    const DumpFlow* flow = nullptr;  // the flow it belongs to
    std::size_t hop = 0;
    unsigned depth = 0;
};

// Why a ct action got its state.
enum class CtSource : std::uint8_t {
    modelled,        // the modelled conntrack table
    forced,          // the next --ct argument
    forced_default,  // --ct exhausted: est|trk
};

// A conntrack lookup (ct_next, ct_lb*, ct_dnat/ct_snat, ct_commit_nat, ct_commit_to_zone).
// It is followed by a recirculation branch (BranchEvent) holding the next tables.
struct CtLookupEvent {
    std::string_view action;  // "ct_next", "ct_lb_mark", "ct_dnat", "ct_commit_nat", ...
    const ConntrackZone* zone = nullptr;
    CtTuple tuple;            // the packet's tuple as looked up
    std::uint8_t state = 0;   // the resulting ct_state bits
    CtSource source = CtSource::modelled;
    bool found = false;           // an entry matched (modelled)
    bool reply_direction = false; // it matched the entry's reply tuple
    bool committed = false;       // the action itself committed (ct_lb with backends, ct_commit_nat)
    std::optional<CtNat> nat_applied;  // the rewrite done to the packet, if any
    std::optional<CtEntrySnapshot> entry;
    const Packet* packet = nullptr;  // after the lookup (what the next table sees)
    unsigned depth = 0;
};

// ct_commit (or the commit part of ct_lb / ct_commit_nat): the entry after the commit.
struct CtCommitEvent {
    const ConntrackZone* zone = nullptr;
    CtEntrySnapshot entry;
    bool created = false;  // new entry (else an update of mark/label)
    unsigned depth = 0;
};

struct SampleEvent {
    const SampleFired* sample = nullptr;
    unsigned depth = 0;
};

struct LogEvent {
    std::optional<std::string_view> name;  // log(name="...") decoded
    std::string_view severity;             // "info" when not written
    std::string_view verdict;
    std::optional<std::string_view> meter;
    Pipeline pipeline = Pipeline::Ingress;  // ovn-trace's direction: ingress "IN", egress "OUT"
    const Packet* packet = nullptr;
    unsigned depth = 0;
};

struct DropEvent {
    const DropInfo* drop = nullptr;
    unsigned depth = 0;
};

struct OutputEvent {
    std::string_view port;
    std::string_view port_type;  // "" VIF, "patch", "router", "localnet", ...
    bool delivered = false;      // leaves the logical network here (else continues to a peer)
    const Packet* packet = nullptr;
    unsigned depth = 0;
};

// An action that ran but whose effect is not simulated: it changed nothing, or what it did is
// in `assumption` (e.g. "lookup failed: no MAC_Binding table in the bundle").
struct NotModelledEvent {
    std::string_view action;     // the action's name
    std::string_view assumption;
    unsigned depth = 0;
};

struct NoteEvent {
    const TraceNote* note = nullptr;
    unsigned depth = 0;
};

enum class BranchKind : std::uint8_t {
    recirculation,     // after a ct lookup
    clone,             // clone { ... }
    generated_packet,  // reject, tcp_reset, icmp4, icmp6, arp, nd_ns, nd_na, ...
    multicast_group,   // output to a multicast group: holds one pipeline per member
};
std::string_view to_string(BranchKind kind);

struct BranchEvent {
    BranchKind kind = BranchKind::recirculation;
    std::string_view name;  // ct action, "clone", "tcp_reset", "icmp4", the group name, ...
    const Packet* packet = nullptr;  // the packet inside the branch
    unsigned depth = 0;              // of the branch's own events minus one
};

struct PacketEndEvent {
    const PacketResult* result = nullptr;
};

}  // namespace ovnsim
