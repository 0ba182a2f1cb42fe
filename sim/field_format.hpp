#pragma once
// Field values in the notation people read them in: MAC and IP addresses for address
// fields, hex for Ethernet types, marks, labels and registers, decimal for the rest.
#include <string>

#include "parser/bits128.hpp"
#include "parser/symbol_storage.hpp"

namespace ovnsim {

// `value` is right-aligned; `width` is how many bits of slot `s` it covers (a whole slot
// gets the slot's notation, a bit range is a plain number).
std::string format_field_value(Storage s, Bits128 value, unsigned width);

// The slot's name, with `[lo]` or `[lo..hi]` when `width` bits from `lo` are not all of it:
// "eth.type", "vlan.tci[12]", "xxreg0[96..127]".
std::string format_field_bits(Storage s, unsigned lo, unsigned width);

// {first set bit, number of bits} when `mask` is one run of set bits; {0, 0} otherwise.
struct BitRun {
    unsigned lo = 0;
    unsigned width = 0;
};
BitRun contiguous_run(Bits128 mask);

std::string format_mac(Bits128 value);
std::string format_ipv4(Bits128 value);
std::string format_ipv6(Bits128 value);  // RFC 5952: lowercase, longest zero run as "::"

}  // namespace ovnsim
