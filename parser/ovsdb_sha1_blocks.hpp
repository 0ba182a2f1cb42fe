#pragma once
// SHA-1 block functions (64-byte blocks into the five-word state). Internal to
// ovsdb_sha1.cpp.
#include <cstddef>
#include <cstdint>

namespace ovnsim {

// With the x86 SHA extensions; false (state untouched) when the CPU lacks them.
bool sha1_blocks_x86(std::uint32_t state[5], const unsigned char* data, std::size_t blocks);

}  // namespace ovnsim
