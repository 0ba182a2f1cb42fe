#pragma once
// xz (LZMA2) decompression of a whole in-memory file: bundles of large clusters keep
// `lflows.txt.xz` and big listings compressed.
#include <string>
#include <string_view>

namespace ovnsim {

// Throws InputError naming `path` when `data` is not a complete, valid .xz stream.
std::string xz_decompress(std::string_view data, const std::string& path);

}  // namespace ovnsim
