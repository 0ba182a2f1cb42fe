#pragma once
// Which OVN release produced a bundle, as far as the sampling rules need it: from NB_Global
// options:northd_internal_version ("26.03.2-21.8.0-82.14") when the bundle has it, else the
// release family the dump's stage names betray (ovn-reference.md §4).
#include <optional>
#include <string>

namespace ovnsim {

class Bundle;

struct OvnVersion {
    int major = 0;
    int minor = 0;
    std::optional<int> patch;  // unknown when only the family is known
    std::string source;        // how it was found, for messages

    // Ordering on (major, minor, patch); an unknown patch compares as the family's first.
    bool at_least(int major_, int minor_, int patch_ = 0) const;
    std::string to_string() const;  // "24.09.3", "26.03.x"
};

// Parses "26.03.2-21.8.0-82.14" (or "26.03.2"); nullopt when it is something else.
std::optional<OvnVersion> parse_northd_version(const std::string& text);

// nullopt when neither NB_Global nor the stage names tell (a pre-sampling dump without
// NB_Global, for instance).
std::optional<OvnVersion> detect_ovn_version(const Bundle& bundle);

}  // namespace ovnsim
