#pragma once
// The packet a nested action hands to its actions, built as ovn-trace builds it
// (utilities/ovn-trace.c execute_arp, execute_nd_ns, execute_icmp4, execute_tcp_reset, ...):
//   reject      a TCP RST for TCP, an SCTP ABORT for SCTP, else an ICMP(v6) destination
//               unreachable, sent back to the sender (addresses and ports swapped); none
//               for a packet that is itself such an answer (no reject loops);
//   tcp_reset, sctp_abort, icmp4, icmp4_error, icmp6, icmp6_error
//               the same, not swapped (their actions address it);
//   arp, nd_ns  a request for the packet's destination; nd_na an advertisement back.
// The packet keeps the original's fields otherwise (conntrack state included, as in
// ovn-trace; the caller clears what a datapath would not carry). clone keeps the packet.
#include <optional>
#include <string_view>

#include "parser/action_ast.hpp"
#include "sim/packet.hpp"

namespace ovnsim {

struct GeneratedPacket {
    Packet packet;
    std::string_view name;  // "tcp_reset", "icmp4", "arp", ... (reject: the kind it chose)
};

std::optional<GeneratedPacket> generated_packet(NestedAction::Kind kind, const Packet& original);

}  // namespace ovnsim
