#pragma once
// A trace as a user writes it — `ovnsim trace` options, Python's Bundle.trace() and
// trace_ports() keywords — turned into the engine's TraceOptions and conversation.
#include <string>
#include <string_view>
#include <vector>

#include "sim/packet_builder.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

struct TraceOptionText {
    std::vector<std::string> ct;  // ovn-trace --ct flags ("new", "est,rpl"), one per ct action; empty: modelled
    std::string lb_dst;           // IP[:PORT] the load balancer picks; "": the first backend
    bool trace_generated = false;
    bool ovn_trace_handoff = false;
};

// Throws InputError naming `ct_origin` for flags ovn-trace would not take.
TraceOptions make_trace_options(const TraceOptionText& text, std::string_view ct_origin = "--ct");

struct ConversationText {
    bool handshake = false;
    bool reply = false;
    std::vector<std::string> then;  // follow-up microflows
};

// Sets the conversation of `request` and appends its `then` packets (entering on the first
// packet's datapath; the i-th is "<then_origin>[i]" in errors). Throws InputError when both
// handshake and reply are asked for.
void apply_conversation(const ConversationText& text, TraceRequest& request, std::string_view then_origin = "--then");

// "tcp", "udp" or "icmp"; throws InputError naming `origin` otherwise.
PortProtocol parse_port_protocol(std::string_view text, std::string_view origin);

}  // namespace ovnsim
