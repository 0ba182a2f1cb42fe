#include "sim/report/flow_stats_report.hpp"

#include <cstdio>
#include <map>

#include "sim/flow_stats.hpp"

namespace ovnsim {
namespace {

// print_datapath_name() of ovn-sbctl: `"name" aka "name2"`, `"name"`, or nothing.
std::string printed_names(const PipelineFlowCount& block) {
    const std::string& first = block.datapath_name.empty() ? block.datapath_name2 : block.datapath_name;
    if (first.empty()) return "";
    std::string out = "\"" + first + "\"";
    if (!block.datapath_name.empty() && !block.datapath_name2.empty()) out += " aka \"" + block.datapath_name2 + "\"";
    return out;
}

std::string table_line(const StageFlowCount& stage) {
    char prefix[32];
    std::snprintf(prefix, sizeof prefix, "  table=%-2u(", static_cast<unsigned>(stage.table));
    std::string line = prefix + stage.stage;
    if (stage.stage.size() < 19) line.append(19 - stage.stage.size(), ' ');
    return line + ") lflows=" + std::to_string(stage.flows) + "\n";
}

std::string datapath_key(const PipelineFlowCount& block) {
    if (!block.datapath_name.empty()) return block.datapath_name;
    if (!block.datapath_name2.empty()) return block.datapath_name2;
    return block.datapath_uuid;
}

// by_datapath keys: the datapath's name, unless two datapaths share it.
std::map<std::string, std::string> datapath_keys(const FlowCounts& counts) {
    std::map<std::string, std::string> uuid_of_key;
    std::map<std::string, bool> repeated;
    for (const auto& block : counts.pipelines) {
        const auto key = datapath_key(block);
        const auto [it, inserted] = uuid_of_key.try_emplace(key, block.datapath_uuid);
        if (!inserted && it->second != block.datapath_uuid) repeated[key] = true;
    }
    std::map<std::string, std::string> key_of_uuid;
    for (const auto& block : counts.pipelines) {
        const auto key = datapath_key(block);
        key_of_uuid[block.datapath_uuid] = repeated.count(key) != 0 ? key + " (" + block.datapath_uuid + ")" : key;
    }
    return key_of_uuid;
}

}  // namespace

std::string format_count_flows(const FlowCounts& counts) {
    std::string out;
    for (const auto& block : counts.pipelines) {
        const std::string names = printed_names(block);
        const std::string pipeline(to_string(block.pipeline));
        out += "Datapath: " + names + " (" + block.datapath_uuid + ")  Pipeline: " + pipeline + "\n";
        for (const auto& stage : block.stages) out += table_line(stage);
        out += "Total number of logical flows in the datapath " + names + " (" + block.datapath_uuid +
               ") Pipeline: " + pipeline + " = " + std::to_string(block.total) + "\n\n";
    }
    out += "Total number of logical flows = " + std::to_string(counts.total) + "\n";
    return out;
}

nlohmann::json flow_counts_json(const FlowCounts& counts) {
    std::map<std::string, std::map<std::string, std::uint64_t>> by_datapath;
    nlohmann::json datapaths = nlohmann::json::array();
    const auto keys = datapath_keys(counts);
    std::map<std::string, std::size_t> datapath_index;  // uuid -> position in `datapaths`
    for (const auto& block : counts.pipelines) {
        auto& stages_of_dp = by_datapath[keys.at(block.datapath_uuid)];
        nlohmann::json stages = nlohmann::json::array();
        for (const auto& stage : block.stages) {
            stages_of_dp[stage.stage] += stage.flows;
            stages.push_back({{"table", stage.table}, {"stage", stage.stage}, {"flows", stage.flows}});
        }
        const auto [it, inserted] = datapath_index.try_emplace(block.datapath_uuid, datapaths.size());
        if (inserted) {
            datapaths.push_back({{"name", block.datapath_name},
                                 {"name2", block.datapath_name2},
                                 {"uuid", block.datapath_uuid},
                                 {"pipelines", nlohmann::json::object()}});
        }
        datapaths[it->second]["pipelines"][std::string(to_string(block.pipeline))] = {{"total", block.total},
                                                                                       {"stages", std::move(stages)}};
    }
    return {{"total", counts.total},
            {"by_pipeline", flows_by_pipeline(counts)},
            {"by_stage", flows_by_stage(counts)},
            {"by_datapath", by_datapath},
            {"datapaths", std::move(datapaths)}};
}

}  // namespace ovnsim
