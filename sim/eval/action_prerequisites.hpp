#pragma once
// The prerequisites a flow's actions add to its match, as OVN's action parser does
// (lib/actions.c add_prerequisite): "ip" for the conntrack actions and `ip.ttl--`, "tcp"
// for tcp_reset, "ip4" / "ip6" for the ICMP and ARP / ND packet builders, and each
// assigned or read field's own prerequisites (`ip4.dst = ...` needs ip4). Only the list's
// top level counts: nested lists act on a new packet.
#include <string_view>
#include <vector>

#include "parser/action_ast.hpp"
#include "parser/symbol_table.hpp"

namespace ovnsim {

std::vector<std::string_view> action_prerequisites(const ActionList& actions, const SymbolTable& symbols);

}  // namespace ovnsim
