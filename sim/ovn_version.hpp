#pragma once
// OVN release families whose ACL flows the northd model knows (ACL sampling exists since
// 24.09), and how to tell from a bundle which one produced it.
#include <optional>
#include <string>
#include <string_view>

#include "sim/bundle.hpp"

namespace ovnsim {

// Ordered: a later family has every flow change of the earlier ones.
enum class OvnFamily { v24_09, v25_03, v25_09, v26_03 };

inline constexpr OvnFamily kNewestOvnFamily = OvnFamily::v26_03;

std::string_view to_string(OvnFamily family);  // "24.09", ...

// "24.09", "24.09.3", "25.03.3-20.41.0-78.9" (NB_Global northd_internal_version), "26.03".
// A release between two families maps to the older one (24.12 -> 24.09); anything newer
// than the newest family maps to it. nullopt before 24.09 or when `text` is no version.
std::optional<OvnFamily> parse_ovn_family(std::string_view text);

// parse_ovn_family() for a command-line option; throws InputError naming `option`.
OvnFamily parse_ovn_family_option(std::string_view text, std::string_view option);

// "24.09, 25.03, 25.09, 26.03": for messages.
std::string ovn_family_list();

struct OvnVersionGuess {
    std::optional<OvnFamily> family;  // nullopt: older than 24.09 (no ACL sampling stages)
    std::string release;              // "26.03.2" when the bundle says it, else ""
    std::string evidence;             // why, for humans
};

// The release as sim/sampling_ovn_version finds it (NB_Global options:northd_internal_version,
// else the dump's stage names), mapped to its family; when neither tells, the ACL flows'
// text: flags.pkt_sampled or ct_label.nf -> 26.03, ct_mark.allow_established -> 25.03.
OvnVersionGuess detect_ovn_family(const Bundle& bundle);

}  // namespace ovnsim
