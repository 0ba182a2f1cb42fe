#pragma once
// check_in_port_sec() / check_out_port_sec(): whether a packet violates a port's
// port_security addresses, as ovn-controller's flows (and ovn-trace) decide it. Entries are
// "MAC [IP...]"; a port without entries has no port security.
#include <span>
#include <string>

#include "sim/packet.hpp"

namespace ovnsim {

// True when the packet entering through a port with `port_security` is not allowed.
bool violates_in_port_security(const Packet& packet, std::span<const std::string> port_security);
// True when the packet leaving through a port with `port_security` is not allowed.
bool violates_out_port_security(const Packet& packet, std::span<const std::string> port_security);

}  // namespace ovnsim
