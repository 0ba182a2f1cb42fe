#include "sim/sampling_flow_mode.hpp"

#include "sim/sb_model.hpp"

namespace ovnsim {

std::string_view to_string(SampleFlowMode mode) { return mode == SampleFlowMode::shared ? "shared" : "per-acl"; }

ChassisSampleSupport chassis_sample_support(const SbModel& sb, bool sb_loaded) {
    ChassisSampleSupport support;
    support.table_loaded = sb_loaded && sb.has_table("Chassis");
    for (const SbChassis& chassis : sb.chassis) {
        // Interconnection peers (is-remote) run no northd-facing ovn-controller here.
        if (ovsdb_option_is_true(chassis.other_config, "is-remote")) continue;
        ++support.chassis;
        if (!chassis.sample_with_registers()) support.without.push_back(chassis.name);
    }
    return support;
}

FlowModeDecision sample_flow_mode(const NbSample& sample, const ChassisSampleSupport& chassis) {
    const std::size_t collectors = sample.collector_uuids.size();
    if (collectors != 1) {
        return {SampleFlowMode::per_acl, std::to_string(collectors) + " collectors; shared flows need exactly one"};
    }
    if (!chassis.all()) {
        std::string names;
        for (const std::string& name : chassis.without) names += (names.empty() ? "" : ", ") + name;
        return {SampleFlowMode::per_acl,
                "chassis without ovn-sample-with-registers=true: " + names + "; shared flows need every chassis"};
    }
    if (!chassis.table_loaded) {
        return {SampleFlowMode::shared, "one collector; no SB Chassis in the bundle, assumed to support registers"};
    }
    if (chassis.chassis == 0) {
        return {SampleFlowMode::shared, "one collector and no chassis (northd then assumes every feature)"};
    }
    return {SampleFlowMode::shared, "one collector and every chassis (" + std::to_string(chassis.chassis) +
                                        ") reports ovn-sample-with-registers=true"};
}

}  // namespace ovnsim
