#pragma once
// Drop-debug samples that come from ovn-controller's own OpenFlow tables, not from a
// logical flow (ovn-reference.md §9): with NB_Global options debug_drop_collector_set and
// debug_drop_domain_id, the physical-stage drops sample with obs_domain_id =
// debug_drop_domain_id << 24 (no datapath key) and obs_point_id = the OpenFlow table.
#include <cstdint>
#include <optional>
#include <string>

#include "sim/sampling_ovn_version.hpp"

namespace ovnsim {

struct PhysicalDrop {
    std::uint32_t table = 0;
    std::string message;  // "dropped by the loopback check (OpenFlow table 47): ..."
    bool known_table = false;  // false: a table this OVN release is not known to drop in
};

// Table numbers move between releases: tables 0 (physical to logical) and 65 (logical to
// physical) are fixed; the local-output and loopback-check tables sit just before the
// egress pipeline, whose first OpenFlow table is known for 24.09 (45) and 26.03 (48).
PhysicalDrop describe_physical_drop(std::uint32_t table, const std::optional<OvnVersion>& version);

}  // namespace ovnsim
