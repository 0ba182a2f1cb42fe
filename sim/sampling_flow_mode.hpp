#pragma once
// Which sample flows northd emits for a Sample (ovn-reference.md §5.4,
// acl_use_generic_sample_flows): flows shared per collector when the Sample has exactly one
// collector and every chassis reports other_config:ovn-sample-with-registers=true (no
// chassis at all counts as true, as northd assumes); otherwise one set of flows per ACL.
// A predicate on the NB/SB rows, not a flow generator.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/nb_rows.hpp"

namespace ovnsim {

class SbModel;

enum class SampleFlowMode { shared, per_acl };
std::string_view to_string(SampleFlowMode mode);  // "shared", "per-acl"

struct ChassisSampleSupport {
    bool table_loaded = false;  // the bundle has SB Chassis
    std::size_t chassis = 0;    // local (non-remote) chassis counted
    std::vector<std::string> without;  // names of those not reporting the feature
    bool all() const { return without.empty(); }
};
ChassisSampleSupport chassis_sample_support(const SbModel& sb, bool sb_loaded);

struct FlowModeDecision {
    SampleFlowMode mode = SampleFlowMode::per_acl;
    std::string reason;
};
FlowModeDecision sample_flow_mode(const NbSample& sample, const ChassisSampleSupport& chassis);

}  // namespace ovnsim
