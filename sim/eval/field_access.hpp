#pragma once
// Fields as actions name them (`reg0[7]`, `ct_label.obs_point_id`, `outport`) resolved to
// storage bits of a Packet.
#include <string_view>

#include "parser/match_ast.hpp"
#include "parser/symbol_table.hpp"
#include "sim/packet.hpp"

namespace ovnsim {

struct FieldTarget {
    const Symbol* symbol = nullptr;
    FieldBits bits;      // numeric fields
    bool port = false;   // inport / outport: a port name (bits.storage says which)
};

// Throws InputError at the field's location in `file` for an unknown name, a predicate or
// a bit range the field does not have.
FieldTarget resolve_field(const FieldRef& ref, const SymbolTable& symbols, std::string_view file);

inline Bits128 read_field(const Packet& packet, const FieldTarget& f) { return packet.read(f.bits); }
// What `field = c` leaves in a field that held `old`: c, or for a masked c only its bits.
inline Bits128 loaded_value(Bits128 old, const Constant& c) {
    return c.masked() ? (old & ~c.mask()) | (c.value() & c.mask()) : c.value();
}
inline void write_field(Packet& packet, const FieldTarget& f, Bits128 value) { packet.write(f.bits, value); }

}  // namespace ovnsim
