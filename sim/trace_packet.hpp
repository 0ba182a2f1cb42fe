#pragma once
// The packets of a trace: a PacketSpec turned into a datapath and a solved microflow (as
// ovn-trace does: the datapath named, or the inport's), and the packets a conversation
// derives from earlier ones (the SYN+ACK answering a delivered SYN, the ACK).
#include <string>

#include "sim/logical_flows.hpp"
#include "sim/microflow.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

class TraceEngine;

struct PreparedPacket {
    const LogicalDatapath* datapath = nullptr;
    Microflow flow;
};

// Throws InputError: unknown or ambiguous datapath, a microflow that does not parse or
// solve, an unknown port, no inport, an inport that is not on the datapath.
PreparedPacket prepare_packet(const TraceEngine& engine, const PacketSpec& spec, bool fill_defaults);

// What the receiver of `delivered` answers with: Ethernet and IP addresses and the
// transport ports swapped, entering at the delivering port, registers and conntrack state
// clear, TCP flags `tcp_flags`. Null datapath when the delivering port is unknown.
PreparedPacket reply_packet(const TraceEngine& engine, const Delivery& delivered, std::uint16_t tcp_flags,
                            std::uint8_t ttl);

// `original` (a packet as it entered) with other TCP flags.
PreparedPacket with_tcp_flags(const PreparedPacket& original, std::uint16_t tcp_flags);

}  // namespace ovnsim
