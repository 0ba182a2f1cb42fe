#pragma once
// What to trace (one packet or a conversation, and how) and what the tracer answers.
//
// A request names the first packet as ovn-trace does (DATAPATH + MICROFLOW) or as an already
// solved Microflow (what `--from/--to` builds), and a conversation kind:
//   single     the packet alone;
//   handshake  the packet (a TCP SYN), then the SYN+ACK the receiver answers with, built
//              from the SYN as it was delivered (L2/L3/L4 addresses swapped, inport = the
//              delivering port, tcp.flags = 0x012), then the ACK (the SYN's fields with
//              tcp.flags = 0x010);
//   reply      the SYN+ACK alone: the SYN runs first, unreported, so that conntrack holds
//              what it committed and the reply starts where the SYN was delivered.
// `then` packets follow, all through one conntrack.
//
// Results refer into the bundle (stage names, match and action text, flows): they stay
// valid while the bundle lives (TraceResult holds it).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/lflow_dump.hpp"
#include "sim/conntrack_types.hpp"
#include "sim/microflow.hpp"
#include "sim/packet.hpp"

namespace ovnsim {

class Bundle;

// How state crosses from one pipeline to the next.
enum class PipelineHandoff : std::uint8_t {
    // What a real datapath does (ovn-reference.md §8): ingress -> egress on one chassis keeps
    // flags and conntrack state, zeroes reg0..reg9; across chassis flags and conntrack state
    // are zeroed too; a patch port zeroes flags, registers and conntrack state.
    datapath,
    // What ovn-trace does: ingress -> egress zeroes every register including flags and
    // keeps the conntrack state; a patch port keeps everything but inport and outport.
    ovn_trace,
};

struct TraceOptions {
    // `--ct`: one ct_state per ct action in order (ovn-trace's semantics; ct_mark and
    // ct_label then come from the microflow). Exhausted: est|trk, with a note. nullopt: the
    // modelled conntrack decides every state.
    std::optional<std::vector<std::uint8_t>> forced_ct;
    // `--lb-dst IP[:PORT]`: the backend ct_lb / ct_lb_mark picks (else the first backend).
    std::optional<std::string> lb_dst;
    // Trace the packets reject / tcp_reset / icmp4 / icmp6 generate (else only reported).
    bool trace_generated = false;
    // Fill defaults in microflows (ip.ttl 64, ...), reported per packet.
    bool fill_defaults = true;
    PipelineHandoff handoff = PipelineHandoff::datapath;
    // Loop guard: a packet visiting more tables than this is dropped (reason loop).
    unsigned max_table_visits = 4096;
};

// One packet to trace, as text or already solved.
struct PacketSpec {
    // A datapath name, aka name or uuid (prefix); empty: the inport's datapath.
    std::string datapath;
    std::string microflow;
    // Used instead of `microflow` when set (its packet's inport must be set).
    std::optional<Microflow> prepared;
    // Where the microflow text comes from, for errors: "FILE:LINE:COL" of the text start.
    std::string source = "<microflow>";
    SourceLoc source_start{1, 1};
};

enum class Conversation : std::uint8_t { single, handshake, reply };

struct TraceRequest {
    PacketSpec packet;
    Conversation conversation = Conversation::single;
    std::vector<PacketSpec> then;
    TraceOptions options;
};

enum class Verdict : std::uint8_t { output, drop };
std::string_view to_string(Verdict verdict);  // "output" / "drop"

// Why a packet (or one copy of it) went no further.
enum class DropReason : std::uint8_t {
    no_match,            // no flow of the table matched (implicit drop)
    drop_action,         // `drop;`, `/* drop */` or an empty action list
    no_table,            // `next` past the last table of the pipeline
    null_output_port,    // `output` with outport unset
    unknown_output_port, // `output` to a port or group the bundle does not know
    loopback,            // inport == outport without flags.loopback
    loop_guard,          // more than TraceOptions::max_table_visits tables
    no_peer,             // patch port without a peer datapath in the dump
    generated_only,      // consumed by reject / tcp_reset / icmp: only the generated packet goes on
    empty_group,         // output to a multicast group with no port to send a copy to
};
std::string_view to_string(DropReason reason);  // "no_match", ...

// One table a packet went through, in execution order.
struct TraceHop {
    std::string_view datapath;  // name (or uuid when unnamed)
    Pipeline pipeline = Pipeline::Ingress;
    std::string_view stage;
    std::uint16_t table = 0;
    std::uint16_t priority = 0;
    std::string_view match;
    std::string_view actions;
    std::optional<std::uint32_t> flow_uuid;  // first 32 bits of the SB Logical_Flow uuid
    const DumpFlow* flow = nullptr;
    unsigned depth = 0;             // nesting in the execution tree (as ovn-trace nests)
    ConntrackZone zone;                    // the conntrack zone of this pipeline
    bool ovn_trace_omits = false;   // match `1` and actions `next;`: ovn-trace does not print it
    std::uint32_t tied_flows = 0;   // other matching flows of the same priority (ambiguity)
    // Their uuids, when known: ovn-trace may run any of them (its order among equal
    // priorities is unspecified).
    std::vector<std::uint32_t> tied_flow_uuids;
};

// A sample() action that ran: everything a collector would receive, and where it came from.
struct SampleFired {
    std::size_t hop = 0;  // index into PacketResult::hops
    std::string_view datapath;
    std::optional<std::uint32_t> datapath_key;  // SB Datapath_Binding tunnel_key, when known
    Pipeline pipeline = Pipeline::Ingress;
    std::string_view stage;
    std::uint16_t table = 0;
    std::uint16_t priority = 0;
    const DumpFlow* flow = nullptr;
    std::optional<std::uint32_t> flow_uuid;
    std::uint16_t probability = 0;
    std::uint32_t collector_set = 0;
    std::uint8_t obs_domain = 0;                 // as written: the Sampling_App id
    std::optional<std::uint32_t> obs_domain_id;  // (obs_domain << 24) | datapath_key, when the key is known
    enum class PointSource : std::uint8_t { number, field, cookie };
    PointSource point_source = PointSource::number;
    std::string_view point_field;  // "reg3", "ct_label.obs_point_id" (field source)
    std::optional<std::uint32_t> obs_point_id;  // the resolved value (no cookie without a flow uuid)
    bool cookie_from_logical_flow = false;      // cookie: uuid from sb/Logical_Flow (else from a --uuid dump)
};

// How the ACL of a verdict was found.
enum class AttributionMethod : std::uint8_t {
    stage_hint,   // the flow's SB Logical_Flow external_ids:stage-hint
    match_text,   // the ACL whose match text and priority (+1000) the flow carries
    connection,   // the ACL that committed the packet's conntrack entry
};
std::string_view to_string(AttributionMethod method);  // "stage_hint", "match_text", "connection"

struct AclAttribution {
    AttributionMethod method = AttributionMethod::stage_hint;
    // How the flow was joined to sb/Logical_Flow for the stage hint: "uuid" or "text".
    std::string_view logical_flow_join;
    std::size_t hop = 0;  // the eval hop that decided
    std::string uuid;
    std::optional<std::string> name;
    std::int64_t priority = 0;
    std::string direction;  // "from-lport" / "to-lport"
    std::string action;     // "allow-related", ...
    std::string match;
    std::int64_t tier = 0;
    std::vector<std::pair<std::string, std::string>> external_ids;
    bool ambiguous = false;  // several ACLs fit; the first is reported
};

// Where a packet (copy) left the logical network.
struct Delivery {
    std::string port;
    std::string port_type;     // Port_Binding / LSP type: "" for a VIF, "localnet", ...
    std::string_view datapath;
    Packet packet;             // as delivered
};

struct DropInfo {
    DropReason reason = DropReason::no_match;
    std::string_view datapath;
    Pipeline pipeline = Pipeline::Ingress;
    std::string_view stage;
    std::optional<std::size_t> hop;  // the hop whose flow dropped, if any
    std::string port;                // for the output reasons
};

// An assumption the tracer made, or something it could not know. `code` is stable
// ("ct_state_default", "no_port_bindings", "no_mac_bindings", ...); `subject` names what it
// is about (a port, a table, an action).
struct TraceNote {
    std::string code;
    std::string subject;
    friend bool operator==(const TraceNote&, const TraceNote&) = default;
};

struct PacketResult {
    std::string role;       // "packet", "syn", "syn+ack", "ack", "reply", "then"
    std::string datapath;   // where it entered
    std::string microflow;  // the text traced; empty for generated packets
    Packet packet;          // at entry
    std::vector<FilledField> defaults;  // values not written in the microflow
    Verdict verdict = Verdict::drop;
    std::vector<std::string> output_ports;
    std::vector<Delivery> deliveries;
    std::vector<Delivery> generated_deliveries;  // of packets reject / icmp4 / ... generated (traced on request)
    std::vector<DropInfo> drops;  // every copy that went no further (first = the verdict's)
    std::vector<TraceHop> hops;
    std::vector<SampleFired> samples;
    std::optional<AclAttribution> acl;  // the ACL that decided the verdict
    std::vector<AclAttribution> acls;   // every ACL met on the way, in order
    ConntrackSnapshot conntrack;        // after the packet
    std::vector<std::string> not_modelled;  // actions that ran without being modelled
    std::vector<TraceNote> notes;           // assumptions made on the way

    const DropInfo* drop() const { return drops.empty() ? nullptr : &drops.front(); }
};

struct TraceResult {
    std::shared_ptr<const Bundle> bundle;  // keeps the string_views above valid
    std::vector<PacketResult> packets;
};

}  // namespace ovnsim
