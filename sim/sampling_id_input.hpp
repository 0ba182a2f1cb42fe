#pragma once
// The (obs_domain_id, obs_point_id) pairs `ovnsim decode` reads: one pair per line,
// separated by blanks or a comma, or a CSV file whose header names the columns
// obs_domain_id and obs_point_id (any order, other columns ignored). Ids are 32-bit,
// decimal or 0x hex. Blank lines and lines starting with '#' are skipped.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source_location.hpp"

namespace ovnsim {

struct SampleIdPair {
    std::uint32_t obs_domain_id = 0;
    std::uint32_t obs_point_id = 0;
    SourceLoc loc;  // the line it came from
};

// Throws InputError at FILE:LINE:COL of the first malformed line or id.
std::vector<SampleIdPair> read_sample_id_pairs(std::string_view text, const std::string& file);

// One id, decimal or 0x hex; throws InputError naming `what` (an argument or FILE:LINE:COL
// through `file` and `loc`).
std::uint32_t parse_sample_id(std::string_view text, std::string_view what, const std::string& file, SourceLoc loc);

}  // namespace ovnsim
