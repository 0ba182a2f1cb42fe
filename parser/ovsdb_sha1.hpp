#pragma once
// SHA-1 of a buffer, as lowercase hex: what OVSDB log headers carry (OpenSSL's libcrypto,
// which uses the CPU's SHA extensions: database files are tens of megabytes).
#include <string>
#include <string_view>

namespace ovnsim {

std::string ovsdb_sha1_hex(std::string_view data);

}  // namespace ovnsim
