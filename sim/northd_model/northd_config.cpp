#include "sim/northd_model/northd_config.hpp"

#include <array>

#include "sim/sampling_flow_mode.hpp"

namespace ovnsim {
namespace {

struct FamilyLayout {
    OvnFamily family;
    int in_acl_eval, in_acl_after_lb_eval, in_l2_lkup, out_acl_eval, out_qos;
};

// ovn-reference.md §4, checked against the 24.09.3, 25.03.3 and 26.03.2 dumps.
constexpr std::array<FamilyLayout, 4> kLayouts = {{
    {OvnFamily::v24_09, 8, 18, 28, 4, 7},
    {OvnFamily::v25_03, 8, 18, 28, 6, 9},
    {OvnFamily::v25_09, 9, 20, 30, 6, 10},
    {OvnFamily::v26_03, 9, 20, 32, 6, 10},
}};

}  // namespace

NorthdFeatures chassis_features(const SbModel& sb) {
    NorthdFeatures features;
    features.sample_with_registers = chassis_sample_support(sb, true).all();
    return features;
}

StageTables StageTables::for_family(OvnFamily family) {
    StageTables tables;
    for (const FamilyLayout& layout : kLayouts) {
        if (layout.family != family) continue;
        tables.tables_ = {{"ls_in_acl_eval", layout.in_acl_eval},
                          {"ls_in_acl_after_lb_eval", layout.in_acl_after_lb_eval},
                          {"ls_in_l2_lkup", layout.in_l2_lkup},
                          {"ls_out_acl_eval", layout.out_acl_eval},
                          {"ls_out_qos", layout.out_qos}};
    }
    return tables;
}

StageTables StageTables::from_dump(const LogicalFlows& flows, OvnFamily family) {
    StageTables tables = for_family(family);
    for (const LogicalDatapath& dp : flows.datapaths()) {
        for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
            for (const LogicalStage& stage : pipeline->stages()) {
                auto it = tables.tables_.find(stage.name);
                if (it != tables.tables_.end()) it->second = stage.table;
            }
        }
    }
    return tables;
}

int StageTables::table(std::string_view stage) const {
    const auto it = tables_.find(stage);
    return it == tables_.end() ? -1 : it->second;
}

}  // namespace ovnsim
