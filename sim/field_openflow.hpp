#pragma once
// A packet in Open vSwitch's flow syntax, as ovn-trace prints it on the line after its
// command (`# tcp,reg14=0x1,vlan_tci=0x0000,dl_src=...,tcp_flags=syn`): OVS lib/flow.c
// flow_format over lib/match.c match_format, for the fields a logical packet has.
// Registers are OpenFlow's: reg0..reg9 from the logical registers, reg10 the flags,
// reg11..reg13 the DNAT, SNAT and conntrack zones, reg14/reg15 the port keys.
#include <string>

#include "sim/packet.hpp"

namespace ovnsim {

std::string format_openflow_flow(const Packet& packet);

}  // namespace ovnsim
