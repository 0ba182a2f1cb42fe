#pragma once
// Conntrack values the tracer reports: ct_state bits, connection tuples, zones and the
// per-zone snapshot of entries taken after every packet. The table itself (lookups,
// commits, NAT) is sim/conntrack.hpp; these types are what results and events carry.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/bits128.hpp"

namespace ovnsim {

// ct_state bits, in the order of the symbol table (ct.new = ct_state[0], ..., ct.dnat = [7]),
// which is also OVS's CS_* order.
namespace ct_state {
inline constexpr std::uint8_t new_ = 0x01;
inline constexpr std::uint8_t est = 0x02;
inline constexpr std::uint8_t rel = 0x04;
inline constexpr std::uint8_t rpl = 0x08;
inline constexpr std::uint8_t inv = 0x10;
inline constexpr std::uint8_t trk = 0x20;
inline constexpr std::uint8_t snat = 0x40;
inline constexpr std::uint8_t dnat = 0x80;
}  // namespace ct_state

// "new|trk", "est|rpl|trk": the flags in ovn-trace's order (new, est, rel, rpl, inv, trk,
// snat, dnat) joined by '|'; "0" when none.
std::string ct_state_text(std::uint8_t state);

// Parses one `--ct` argument as ovn-trace does: flags separated by ',' or blanks, from
// new est rel rpl inv trk snat dnat; trk is implied. Throws InputError (file `origin`,
// column of the bad flag) for an unknown flag.
std::uint8_t parse_ct_flags(std::string_view text, std::string_view origin = "--ct");

// One direction of a connection. Addresses are right-aligned (IPv4 in the low 32 bits).
// For ICMP the ports hold the type and code.
struct CtTuple {
    bool ipv6 = false;
    std::uint8_t protocol = 0;  // ip.proto
    Bits128 src;
    Bits128 dst;
    std::uint16_t src_port = 0;
    std::uint16_t dst_port = 0;
    friend bool operator==(const CtTuple&, const CtTuple&) = default;
};

// A conntrack zone: one per logical switch port (its ingress and egress pipelines), two per
// logical router (DNAT and SNAT). Numbers are given in order of first use in a session, so
// the same conversation always gets the same numbers.
struct ConntrackZone {
    std::string name;          // "vif1", "ovn_cluster_router:dnat", "ovn_cluster_router:snat"
    std::uint32_t number = 0;  // 1, 2, ... (0: no zone)
    friend bool operator==(const ConntrackZone&, const ConntrackZone&) = default;
};

// A named subfield of ct_mark or ct_label as the symbol table defines it, with its value in
// an entry (only the non-zero ones are listed).
struct CtNamedValue {
    std::string_view name;  // "ct_mark.obs_collector_id", "ct_label.obs_point_id"
    Bits128 value;
};

// Network address translation an entry applies: the original destination (DNAT) or source
// (SNAT) rewritten to `address`[:port].
struct CtNat {
    enum class Kind : std::uint8_t { dnat, snat };
    Kind kind = Kind::dnat;
    Bits128 address;
    std::optional<std::uint16_t> port;
};

// The ACL a connection was committed under (what a reply or established packet is
// attributed to). `acl_uuid` is empty when the committing packet matched no NB ACL.
struct CtCommitter {
    std::string acl_uuid;
    std::string acl_name;
    std::string datapath;  // where the commit ran
    std::string stage;
    std::uint32_t flow_line = 0;  // dump line of the committing flow
};

struct CtEntrySnapshot {
    CtTuple original;
    CtTuple reply;
    bool established = false;  // a reply has been seen
    std::uint32_t mark = 0;
    Bits128 label;
    std::vector<CtNamedValue> named;  // non-zero named subfields of mark and label
    std::optional<CtNat> nat;
    std::optional<CtCommitter> committed_by;
};

struct CtZoneSnapshot {
    ConntrackZone zone;
    std::vector<CtEntrySnapshot> entries;  // in commit order
};

struct ConntrackSnapshot {
    std::vector<CtZoneSnapshot> zones;  // by zone number; zones without entries omitted
};

}  // namespace ovnsim
