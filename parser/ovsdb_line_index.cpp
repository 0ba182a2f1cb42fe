#include "parser/ovsdb_line_index.hpp"

#include <algorithm>
#include <cstring>

namespace ovnsim {

OvsdbLineIndex::OvsdbLineIndex(std::string_view text) : size_(text.size()) {
    line_starts_.push_back(0);
    const char* begin = text.data();
    const char* p = begin;
    const char* end = begin + text.size();
    while (p < end) {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (nl == nullptr) break;
        p = static_cast<const char*>(nl) + 1;
        line_starts_.push_back(static_cast<std::size_t>(p - begin));
    }
}

SourceLoc OvsdbLineIndex::locate(std::size_t offset) const {
    offset = std::min(offset, size_);
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    return {static_cast<std::uint32_t>(it - line_starts_.begin() + 1),
            static_cast<std::uint32_t>(offset - *it + 1)};
}

}  // namespace ovnsim
