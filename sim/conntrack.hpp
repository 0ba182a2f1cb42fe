#pragma once
// A model of Linux conntrack as OVN uses it: zones, and in each zone the committed
// connections keyed by their original and reply tuples.
//
// A lookup says what ct_state a packet gets:
//   original direction   `new` until a reply has been seen (committed or not), then `est`;
//   reply direction      `est|rpl` (and the connection counts as replied from then on);
//   ICMP error           `rel` when it answers a tracked connection of the zone;
//   nothing found        `new`, or `inv` for what cannot open a connection (a TCP SYN+ACK,
//                        RST or FIN, an ICMP reply or error).
// Only ct(commit) stores a connection: a packet that is looked up but never committed
// leaves nothing behind, as in the kernel. NAT is kept per entry and applied by lookups
// that ask for it.
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/symbol_table.hpp"
#include "sim/conntrack_types.hpp"

namespace ovnsim {

class Packet;

struct CtEntry {
    CtTuple original;
    CtTuple reply;
    bool seen_reply = false;
    std::uint32_t mark = 0;
    Bits128 label;
    std::optional<CtNat> nat;
    std::optional<CtCommitter> committed_by;
};

// The packet's connection tuple: IPv4 or IPv6 with the protocol's ports (ICMP: type and
// code). nullopt for a packet that is not IP.
std::optional<CtTuple> packet_tuple(const Packet& packet);
// The tuple replies carry, after `nat` (as the entry stores it).
CtTuple reply_tuple(const CtTuple& original, const std::optional<CtNat>& nat);
// Writes a tuple's addresses and ports into the packet (NAT rewrites).
void set_packet_source(Packet& packet, const CtTuple& tuple, Bits128 address, std::optional<std::uint16_t> port);
void set_packet_destination(Packet& packet, const CtTuple& tuple, Bits128 address, std::optional<std::uint16_t> port);

class Conntrack {
public:
    struct Lookup {
        std::uint8_t state = 0;  // ct_state bits (trk always set)
        CtEntry* entry = nullptr;
        bool reply = false;
        bool related = false;
    };

    // The zone named `name`, created (numbered 1, 2, ... in order of first use) if new.
    const ConntrackZone& zone(std::string_view name);
    const ConntrackZone* find_zone(std::string_view name) const;

    // What ct() tells a packet with `tuple` in `zone` (see above). Marks the connection
    // as replied when the packet is a reply.
    Lookup lookup(const ConntrackZone& zone, const CtTuple& tuple, const Packet& packet);
    // The entry whose original or reply tuple is `tuple`, without side effects.
    CtEntry* find(const ConntrackZone& zone, const CtTuple& tuple, bool* reply = nullptr);
    // Commits `original` (the tuple as first looked up) in `zone`: returns the existing
    // entry (matched in either direction) or a new one with `nat`.
    CtEntry& commit(const ConntrackZone& zone, const CtTuple& original, const std::optional<CtNat>& nat,
                    bool* created = nullptr);

    // Every zone with entries, by number; named subfields decoded with `symbols`.
    ConntrackSnapshot snapshot(const SymbolTable& symbols) const;
    // One entry as it is now.
    static CtEntrySnapshot snapshot(const CtEntry& entry, const SymbolTable& symbols);

    std::size_t entry_count() const;
    void clear();

private:
    struct Zone {
        ConntrackZone id;
        std::deque<CtEntry> entries;  // commit order; stable addresses
    };
    Zone* find_zone_data(const ConntrackZone& zone);
    std::vector<std::unique_ptr<Zone>> zones_;
};

}  // namespace ovnsim
