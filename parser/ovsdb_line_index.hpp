#pragma once
// Byte offset -> line:column in O(log n), for readers that learn offsets out of order
// (JSON parsers). Internal to the OVSDB readers.
#include <cstddef>
#include <string_view>
#include <vector>

#include "parser/source_location.hpp"

namespace ovnsim {

class OvsdbLineIndex {
public:
    explicit OvsdbLineIndex(std::string_view text);
    SourceLoc locate(std::size_t offset) const;

private:
    std::vector<std::size_t> line_starts_;
    std::size_t size_;
};

}  // namespace ovnsim
