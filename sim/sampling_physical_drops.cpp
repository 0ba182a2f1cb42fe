#include "sim/sampling_physical_drops.hpp"

namespace ovnsim {
namespace {

constexpr std::uint32_t kPhysicalToLogical = 0;
constexpr std::uint32_t kLogicalToPhysical = 65;

// The OpenFlow table of the first egress logical table (ovn-reference.md §4).
std::optional<std::uint32_t> egress_pipeline_table(const std::optional<OvnVersion>& version) {
    if (!version) return std::nullopt;
    if (version->major == 24 && version->minor == 9) return 45;
    if (version->major == 26 && version->minor == 3) return 48;
    return std::nullopt;
}

std::string table_text(std::uint32_t table) { return "OpenFlow table " + std::to_string(table); }

}  // namespace

PhysicalDrop describe_physical_drop(std::uint32_t table, const std::optional<OvnVersion>& version) {
    PhysicalDrop drop{table, {}, true};
    const std::string where = " (" + table_text(table) + ")";
    const auto egress = egress_pipeline_table(version);
    if (table == kPhysicalToLogical) {
        drop.message = "dropped on entry" + where + ": the packet came from no port or tunnel OVN knows";
    } else if (table == kLogicalToPhysical) {
        drop.message = "dropped on output" + where + ": the logical output port has no port on this chassis";
    } else if (egress && table == *egress - 1) {
        drop.message = "dropped by the loopback check" + where +
                       ": the output port is the input port and flags.loopback is not set";
    } else if (egress && table == *egress - 2) {
        drop.message = "dropped by the local output table" + where +
                       ": the output port is neither on this chassis nor reachable through a tunnel";
    } else {
        drop.known_table = false;
        drop.message = "dropped by ovn-controller in " + table_text(table) +
                       " (a physical-stage drop, not a logical flow";
        drop.message += version ? "; OVN " + version->to_string() + " is not known to drop there)"
                                : "; the OVN release of this bundle is unknown)";
    }
    return drop;
}

}  // namespace ovnsim
