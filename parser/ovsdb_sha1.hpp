#pragma once
// SHA-1 (FIPS 180-4) of a buffer, as lowercase hex: what OVSDB log headers carry. Boost's
// detail::sha1 works a byte at a time (~100 MB/s); this works a block at a time, which
// matters for database files of tens of megabytes, and uses the x86 SHA extensions when the
// CPU has them.
#include <string>
#include <string_view>

namespace ovnsim {

std::string ovsdb_sha1_hex(std::string_view data);

}  // namespace ovnsim
