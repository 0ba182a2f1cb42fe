#include "cli/trace_options.hpp"

#include "cli/bundle_argument.hpp"
#include "parser/source_location.hpp"
#include "sim/trace_request_text.hpp"

namespace ovnsim::cli {
namespace {

[[noreturn]] void usage_error(const std::string& message) { throw InputError("ovnsim trace", {}, message); }

}  // namespace

void add_trace_options(CLI::App& cmd, TraceCliOptions& o) {
    add_bundle_argument(cmd, o.bundle);
    cmd.add_option("ARGS", o.arguments,
                   "[DATAPATH] MICROFLOW, as ovn-trace takes them (DATAPATH: a name, aka name or uuid prefix; "
                   "without it, the inport's datapath). With --batch: [DATAPATH] for every line")
        ->expected(0, 2);

    auto* packet = "Packet from ports";
    cmd.add_option("--from", o.from, "Logical port the packet enters by (addresses from NB/SB port tables)")
        ->group(packet);
    cmd.add_option("--to", o.to, "Destination: a logical port or an IPv4/IPv6 address")->group(packet);
    cmd.add_flag("--tcp", o.tcp, "TCP (default): SYN, source port 49152, destination port 80")->group(packet);
    cmd.add_flag("--udp", o.udp, "UDP: source port 49152, destination port 53")->group(packet);
    cmd.add_flag("--icmp", o.icmp, "ICMP or ICMPv6 echo request")->group(packet);
    cmd.add_option("--sport", o.sport, "Source port")->group(packet);
    cmd.add_option("--dport", o.dport, "Destination port")->group(packet);

    auto* conversation = "Conversation";
    cmd.add_flag("--handshake", o.handshake,
                 "Trace the SYN, then the SYN+ACK from where it was delivered, then the ACK, through one conntrack")
        ->group(conversation);
    cmd.add_flag("--reply", o.reply, "Trace the reply (SYN+ACK) to the packet, after the packet ran unreported")
        ->group(conversation);
    cmd.add_option("--then", o.then, "A follow-up MICROFLOW, traced after the others through the same conntrack (repeatable)")
        ->allow_extra_args(false)
        ->group(conversation);

    auto* ct = "Conntrack";
    cmd.add_option("--ct", o.ct,
                   "Force the ct_state of the next ct action, as ovn-trace --ct does (FLAGS: new,est,rel,rpl,inv,"
                   "trk,snat,dnat; repeatable; exhausted: est|trk)")
        ->allow_extra_args(false)
        ->group(ct);
    cmd.add_option("--lb-dst", o.lb_dst, "Backend ct_lb/ct_lb_mark picks: IP[:PORT] (default: the first)")->group(ct);
    cmd.add_flag("--trace-generated", o.trace_generated,
                 "Also trace the packets reject, tcp_reset and icmp4/icmp6 generate (as ovn-trace does)")
        ->group(ct);
    cmd.add_flag("--ovn-trace-handoff", o.ovn_trace_handoff,
                 "Between pipelines, clear and keep registers as ovn-trace does (flags zeroed) instead of as a "
                 "datapath does")
        ->group(ct);

    auto* output = "Output";
    cmd.add_flag("--detailed", o.detailed, "Table by table, as ovn-trace --detailed, with conntrack, samples and ACLs (default)")
        ->group(output);
    cmd.add_flag("--summary", o.summary, "Nested braces, as ovn-trace --summary")->group(output);
    cmd.add_flag("--minimal", o.minimal, "What is visible outside, as ovn-trace --minimal")->group(output);
    cmd.add_flag("--table", o.table, "One row per stage: flow, conntrack zone and state, zone entries after it")
        ->group(output);
    cmd.add_flag("--json", o.json, "JSON (README.md documents it); with --batch one JSON object per line")->group(output);

    cmd.add_option("--batch", o.batch,
                   "Trace one packet per line of FILE ('DATAPATH MICROFLOW', or MICROFLOW when DATAPATH is given; "
                   "blank and # lines skipped), loading the bundle once")
        ->group(packet);
    cmd.add_option("--jobs", o.jobs,
                   "With --batch: trace lines on N threads (default: one per core); the output keeps the file's order")
        ->check(CLI::Range(1u, 256u))
        ->group(packet);
}

void check_trace_options(const TraceCliOptions& o) {
    const int styles = o.detailed + o.summary + o.minimal + o.table + o.json;
    if (styles > 1) usage_error("choose one of --detailed, --summary, --minimal, --table, --json");
    if (o.tcp + o.udp + o.icmp > 1) usage_error("choose one of --tcp, --udp, --icmp");
    if (o.handshake && o.reply) usage_error("--handshake and --reply exclude each other");
    const bool from_ports = !o.from.empty() || !o.to.empty();
    const bool protocol_options = o.tcp || o.udp || o.icmp || o.sport || o.dport;
    if (from_ports && (o.from.empty() || o.to.empty())) usage_error("--from and --to go together");
    if (protocol_options && !from_ports) usage_error("--tcp, --udp, --icmp, --sport and --dport need --from and --to");
    if (!o.batch.empty()) {
        if (from_ports) usage_error("--batch takes microflows from FILE, not --from/--to");
        if (!o.then.empty()) usage_error("--then does not combine with --batch");
        if (o.arguments.size() > 1) usage_error("with --batch, give at most DATAPATH on the command line");
        return;
    }
    if (o.jobs != 0) usage_error("--jobs goes with --batch");
    if (from_ports) {
        if (!o.arguments.empty()) usage_error("give either --from/--to or [DATAPATH] MICROFLOW, not both");
        return;
    }
    if (o.arguments.empty()) usage_error("no packet: give [DATAPATH] MICROFLOW, --from PORT --to PORT|IP, or --batch FILE");
}

TraceOutput trace_output(const TraceCliOptions& o) {
    if (o.summary) return TraceOutput::summary;
    if (o.minimal) return TraceOutput::minimal;
    if (o.table) return TraceOutput::table;
    if (o.json) return TraceOutput::json;
    return TraceOutput::detailed;
}

TraceOptions engine_options(const TraceCliOptions& o) {
    return make_trace_options({o.ct, o.lb_dst, o.trace_generated, o.ovn_trace_handoff});
}

void add_conversation(const TraceCliOptions& o, TraceRequest& request) {
    apply_conversation({o.handshake, o.reply, o.then}, request);
}

PortPacketRequest port_packet_request(const TraceCliOptions& o) {
    PortPacketRequest r;
    r.from = o.from;
    r.to = o.to;
    if (o.tcp) r.protocol = PortProtocol::tcp;
    if (o.udp) r.protocol = PortProtocol::udp;
    if (o.icmp) r.protocol = PortProtocol::icmp;
    r.source_port = o.sport;
    r.destination_port = o.dport;
    return r;
}

}  // namespace ovnsim::cli
