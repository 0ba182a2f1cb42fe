#include "sim/flow_stats.hpp"

namespace ovnsim {

FlowCounts count_flows(const LogicalFlows& flows) {
    FlowCounts counts;
    for (const LogicalDatapath& dp : flows.datapaths()) {
        for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
            if (pipeline->empty()) continue;
            PipelineFlowCount block{std::string(dp.name), std::string(dp.name2), std::string(dp.uuid),
                                    pipeline->kind(), {}, 0};
            for (const LogicalStage& stage : pipeline->stages()) {
                block.stages.push_back({stage.table, std::string(stage.name), stage.flows.size()});
                block.total += stage.flows.size();
            }
            counts.total += block.total;
            counts.pipelines.push_back(std::move(block));
        }
    }
    return counts;
}

std::map<std::string, std::uint64_t, std::less<>> flows_by_stage(const FlowCounts& counts) {
    std::map<std::string, std::uint64_t, std::less<>> by_stage;
    for (const auto& block : counts.pipelines) {
        for (const auto& stage : block.stages) by_stage[stage.stage] += stage.flows;
    }
    return by_stage;
}

std::map<std::string, std::uint64_t, std::less<>> flows_by_pipeline(const FlowCounts& counts) {
    std::map<std::string, std::uint64_t, std::less<>> by_pipeline;
    for (const auto& block : counts.pipelines) by_pipeline[std::string(to_string(block.pipeline))] += block.total;
    return by_pipeline;
}

}  // namespace ovnsim
