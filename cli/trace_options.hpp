#pragma once
// The options of `ovnsim trace` and how they become a TraceRequest:
//
//   ovnsim trace BUNDLE [DATAPATH] MICROFLOW
//   ovnsim trace BUNDLE --from PORT --to PORT|IP [--tcp|--udp|--icmp] [--sport N] [--dport N]
//   ovnsim trace BUNDLE [DATAPATH] --batch FILE
//
// with --handshake | --reply, --then MICROFLOW..., --ct FLAGS..., --lb-dst IP[:PORT],
// --trace-generated, --ovn-trace-handoff and one of --detailed (default) | --summary |
// --minimal | --table | --json.
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

#include "sim/packet_builder.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim::cli {

enum class TraceOutput { detailed, summary, minimal, table, json };

struct TraceCliOptions {
    std::string bundle;
    std::vector<std::string> arguments;  // [DATAPATH] [MICROFLOW]
    std::string from;
    std::string to;
    bool tcp = false, udp = false, icmp = false;
    std::optional<std::uint16_t> sport;
    std::optional<std::uint16_t> dport;
    bool handshake = false;
    bool reply = false;
    std::vector<std::string> then;
    std::vector<std::string> ct;
    std::string lb_dst;
    bool trace_generated = false;
    bool ovn_trace_handoff = false;
    bool detailed = false, summary = false, minimal = false, table = false, json = false;
    std::string batch;
    unsigned jobs = 0;  // --batch threads; 0: one per core
};

void add_trace_options(CLI::App& cmd, TraceCliOptions& options);

// Throws InputError ("ovnsim trace: ...") for combinations that make no sense: --from
// without --to, --from with a MICROFLOW, no packet at all, two output styles, ...
void check_trace_options(const TraceCliOptions& options);

TraceOutput trace_output(const TraceCliOptions& options);
// --ct (parsed as ovn-trace does), --lb-dst, --trace-generated, --ovn-trace-handoff.
TraceOptions engine_options(const TraceCliOptions& options);
// The conversation and --then packets of a request (its first packet is the caller's).
void add_conversation(const TraceCliOptions& options, TraceRequest& request);
// --from/--to and the protocol options.
PortPacketRequest port_packet_request(const TraceCliOptions& options);

}  // namespace ovnsim::cli
