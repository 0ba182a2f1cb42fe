#include "sim/flow_selection.hpp"

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

bool any_datapath_has_stage(const LogicalFlows& flows, std::string_view stage) {
    for (const LogicalDatapath& dp : flows.datapaths()) {
        if (dp.ingress.stage(stage) != nullptr || dp.egress.stage(stage) != nullptr) return true;
    }
    return false;
}

void append_stage(const LogicalStage& stage, std::vector<const DumpFlow*>& out) {
    out.insert(out.end(), stage.flows.begin(), stage.flows.end());
}

void append_datapath(const LogicalDatapath& dp, const std::optional<std::string>& stage_name,
                     std::vector<const DumpFlow*>& out) {
    for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
        if (stage_name) {
            if (const LogicalStage* stage = pipeline->stage(*stage_name)) append_stage(*stage, out);
            continue;
        }
        for (const LogicalStage& stage : pipeline->stages()) append_stage(stage, out);
    }
}

}  // namespace

std::vector<const DumpFlow*> select_flows(const LogicalFlows& flows, const FlowSelection& selection) {
    if (selection.stage && !any_datapath_has_stage(flows, *selection.stage)) {
        throw InputError(flows.dump().path(), {}, "no stage named \"" + *selection.stage + "\" in the dump");
    }
    std::vector<const DumpFlow*> selected;
    if (selection.datapath) {
        append_datapath(flows.datapath(*selection.datapath), selection.stage, selected);
        return selected;
    }
    if (!selection.stage) selected.reserve(flows.flow_count());
    for (const LogicalDatapath& dp : flows.datapaths()) append_datapath(dp, selection.stage, selected);
    return selected;
}

}  // namespace ovnsim
