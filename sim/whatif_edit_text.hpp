#pragma once
// What-if edits as a user writes them — `ovnsim whatif` options, Python's
// Bundle.whatif(**edits) — checked and parsed into WhatIfEdits.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/whatif_edits.hpp"

namespace ovnsim {

struct WhatIfEditText {
    bool sample_all = false;
    std::vector<std::string> sample;    // selectors (sim/whatif_selector.hpp)
    std::vector<std::string> unsample;
    std::string which = "both";         // new, est or both
    std::optional<std::size_t> collectors;
    std::vector<std::string> collector;  // "set_id=S[,probability=P]"
    std::optional<std::size_t> add_acls;
    std::string template_acl;           // a selector; "" for the default template
    std::optional<bool> sample_with_registers;
    std::string ovn_version;            // "" keeps the bundle's
};

inline constexpr std::size_t kMaxWhatIfCollectors = 255;
inline constexpr std::size_t kMaxWhatIfAddedAcls = 1000000;

// Throws InputError naming the option of the first bad value ("--sample", "--collectors",
// ...): a malformed selector or collector, an unknown family, --collectors with --collector,
// more than kMaxWhatIfCollectors collectors or kMaxWhatIfAddedAcls added ACLs.
WhatIfEdits parse_whatif_edits(const WhatIfEditText& text);

}  // namespace ovnsim
