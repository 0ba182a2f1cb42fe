#pragma once
// A concrete packet as the logical pipelines see it: every storage slot of the symbol table
// (packet headers, logical registers and flags, conntrack fields) plus the logical metadata
// a datapath keeps in registers OVN does not name (datapath, conntrack zones).
//
// Numeric reads and writes never allocate: a FieldBits names a slot and a bit range, and the
// slots are one fixed array of Bits128, so reg0 is literally bits 96..127 of xxreg0.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "parser/bits128.hpp"
#include "parser/symbol_table.hpp"

namespace ovnsim {

class Packet {
public:
    // Whole slots. set() keeps only the slot's significant bits.
    Bits128 get(Storage s) const noexcept { return values_[storage_index(s)]; }
    void set(Storage s, Bits128 value) noexcept {
        values_[storage_index(s)] = value & Bits128::ones(storage_info(s).width);
    }

    // Bit ranges: the value is right-aligned (bit `ref.offset` of the slot is bit 0).
    Bits128 read(FieldBits ref) const noexcept {
        return values_[storage_index(ref.storage)].extract(ref.offset, ref.width);
    }
    void write(FieldBits ref, Bits128 value) noexcept {
        values_[storage_index(ref.storage)].deposit(ref.offset, ref.width, value);
    }
    // (slot & mask) == value, with mask and value in slot bit positions.
    bool test(Storage s, Bits128 mask, Bits128 value) const noexcept {
        return (values_[storage_index(s)] & mask) == value;
    }

    // The logical port names (the string slots inport and outport).
    const std::string& port(Storage s) const noexcept { return s == Storage::outport ? outport_ : inport_; }
    void set_port(Storage s, std::string_view name) { (s == Storage::outport ? outport_ : inport_) = name; }
    const std::string& inport() const noexcept { return inport_; }
    const std::string& outport() const noexcept { return outport_; }

    // What a datapath does between pipelines (ovn-reference.md §8), for the evaluator:
    // reg0..reg9 (xxreg0, xxreg1, xreg4) zeroed.
    void clear_logical_registers() noexcept;
    // flags (reg10) zeroed.
    void clear_flags() noexcept;
    // ct_clear: conntrack state, mark, label and original tuple zeroed.
    void clear_conntrack() noexcept;
    // Output to a port on the same chassis: registers zeroed, flags, ports and conntrack
    // fields kept.
    void enter_egress_same_chassis() noexcept { clear_logical_registers(); }
    // Output through a tunnel: only the datapath and the port keys cross (registers, flags
    // and conntrack fields zeroed).
    void enter_egress_remote_chassis() noexcept;
    // Through a patch port into the peer datapath's ingress: registers, flags, outport and
    // conntrack state zeroed; the caller then sets the datapath and inport of the peer.
    void enter_peer_datapath() noexcept;

    // Logical metadata.
    std::string datapath;             // logical datapath name
    std::uint32_t datapath_key = 0;   // its tunnel key (OpenFlow metadata)
    std::uint32_t ct_zone = 0;        // reg13: conntrack zone of the current port
    std::uint32_t dnat_zone = 0;      // reg11: router DNAT zone
    std::uint32_t snat_zone = 0;      // reg12: router SNAT zone

    friend bool operator==(const Packet&, const Packet&) = default;

private:
    std::array<Bits128, kNumericStorageCount> values_{};
    std::string inport_;
    std::string outport_;
};

}  // namespace ovnsim
