#pragma once
// ovn-trace's microflow syntax (the match language) turned into one concrete packet, as
// lib/expr.c:expr_parse_microflow does it: prerequisites are added, and the constraints
// must pin every constrained bit to one value. A contradiction (`ip4 && ip6`,
// `tcp.dst == 1 && tcp.dst == 2`) or a choice left open (`tcp.dst == 80` without ip4 or
// ip6, `tcp.dst != 80`, `tcp.src == {80, 81}`) is an InputError at the term responsible.
// Unconstrained fields are zero, as in ovn-trace, except for the defaults below.
//
// Every value the packet got without being written as a comparison is reported: values
// implied by prerequisites and predicates (`eth.type = 0x800` for `ip4.src == ...`) and the
// defaults filled in (ip.ttl 64 for IP packets, echo request for ICMP without a type).
// ovn-trace fills no defaults; MicroflowOptions::fill_defaults = false gives its packet.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/bits128.hpp"
#include "parser/match_ast.hpp"
#include "sim/match_resolve.hpp"
#include "sim/packet.hpp"

namespace ovnsim {

struct MaskedValue {
    Bits128 value;
    Bits128 mask;
};

// What a microflow may need besides its text. Every member is optional.
struct MicroflowOptions {
    bool fill_defaults = true;
    // The entries of address set `name` (nullopt: unknown set).
    std::function<std::optional<std::vector<MaskedValue>>(std::string_view name)> address_set;
    // The member port names of port group `name` (nullopt: unknown group).
    std::function<std::optional<std::vector<std::string>>(std::string_view name)> port_group;
    // The tunnel key of a logical port (nullopt: no such port). When set, inport and outport
    // also get their keys (__inport, __outport) and an unknown port is an error.
    std::function<std::optional<std::uint32_t>(std::string_view port)> port_key;
};

// A value the packet got without the microflow writing it as a comparison.
struct FilledField {
    std::string field;   // "eth.type", "ip.ttl", "vlan.tci[12]"
    Bits128 value;       // right-aligned in those bits
    std::string reason;  // "prerequisite of ip4.src", "ip4", "default TTL"
    friend bool operator==(const FilledField&, const FilledField&) = default;
};

struct Microflow {
    Packet packet;
    std::vector<FilledField> filled;
};

// Checks `text` is valid UTF-8 without NUL, parses it (file and position from `origin`)
// and solves it.
Microflow solve_microflow(std::string_view text, const TextOrigin& origin, const MicroflowOptions& options = {},
                          const MatchResolver& resolver = default_match_resolver());
// Solves an already resolved microflow; errors name `file`.
Microflow solve_microflow(const ResolvedMatch& match, std::string_view file, const MicroflowOptions& options = {});

}  // namespace ovnsim
