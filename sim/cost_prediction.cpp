#include "sim/cost_prediction.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace ovnsim {
namespace {

// The `sample(...);` call starting at `at`, or npos.
std::size_t sample_call_end(std::string_view text, std::size_t at) {
    if (text.compare(at, 7, "sample(") != 0) return std::string_view::npos;
    const std::size_t close = text.find(");", at);
    return close == std::string_view::npos ? close : close + 2;
}

// Sorts each run of adjacent sample() calls.
std::string canonical_actions(std::string_view actions) {
    if (actions.find("sample(") == std::string_view::npos) return std::string(actions);
    std::string out;
    std::size_t i = 0;
    while (i < actions.size()) {
        std::vector<std::string_view> run;
        std::size_t j = i;
        for (std::size_t end; (end = sample_call_end(actions, j)) != std::string_view::npos; j = end) {
            run.push_back(actions.substr(j, end - j));
        }
        if (run.size() > 1) {
            std::sort(run.begin(), run.end());
            for (auto call : run) out += call;
            i = j;
        } else {
            out += actions[i++];
        }
    }
    return out;
}

using Multiset = std::map<std::string, int>;

void difference(const Multiset& a, const Multiset& b, std::vector<std::string>& out) {
    for (const auto& [text, count] : a) {
        const auto it = b.find(text);
        const int other = it == b.end() ? 0 : it->second;
        for (int k = other; k < count; ++k) out.push_back(text);
    }
}

bool has_modeled_stage(const LogicalDatapath& dp) {
    for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
        for (const LogicalStage& stage : pipeline->stages()) {
            if (is_modeled_stage(stage.name)) return true;
        }
    }
    return false;
}

Pipeline pipeline_of(std::string_view stage) { return stage.starts_with("ls_out_") ? Pipeline::Egress : Pipeline::Ingress; }

}  // namespace

std::string flow_text(std::string_view stage, int priority, std::string_view match, std::string_view actions) {
    return std::string(stage) + ", priority=" + std::to_string(priority) + ", match=(" + std::string(match) +
           "), action=(" + canonical_actions(actions) + ")";
}

bool PredictionComparison::all_equal() const {
    if (!switches_not_in_dump.empty() || !datapaths_not_in_nb.empty()) return false;
    return std::all_of(stages.begin(), stages.end(), [](const StageComparison& s) { return s.equal(); });
}

std::vector<const StageComparison*> PredictionComparison::mismatches() const {
    std::vector<const StageComparison*> out;
    for (const auto& stage : stages) {
        if (!stage.equal()) out.push_back(&stage);
    }
    return out;
}

PredictionComparison compare_prediction(const LogicalFlows& flows, const PredictedFlows& predicted) {
    PredictionComparison result;
    std::set<std::string, std::less<>> seen_switches;
    for (const LogicalDatapath& dp : flows.datapaths()) {
        if (!has_modeled_stage(dp)) continue;
        const DatapathFlows* model = predicted.datapath(dp.name);
        if (model == nullptr) {
            result.datapaths_not_in_nb.push_back(dp.label());
            continue;
        }
        seen_switches.insert(std::string(dp.name));

        std::map<std::string, Multiset, std::less<>> model_stages;
        for (const GeneratedFlow& flow : model->flows()) {
            ++model_stages[flow.stage][flow_text(flow.stage, flow.priority, flow.match, flow.actions)];
        }
        std::set<std::string, std::less<>> compared;
        const auto compare_stage = [&](std::string_view name, Pipeline pipeline, std::span<const DumpFlow* const> dump) {
            StageComparison cmp{std::string(dp.name), pipeline, std::string(name), dump.size(), model->count(name), {}, {}};
            Multiset measured;
            for (const DumpFlow* flow : dump) ++measured[flow_text(name, flow->priority, flow->match, flow->actions)];
            const auto it = model_stages.find(name);
            static const Multiset kEmpty;
            const Multiset& expected = it == model_stages.end() ? kEmpty : it->second;
            difference(expected, measured, cmp.missing);
            difference(measured, expected, cmp.extra);
            result.measured_total += cmp.measured;
            result.predicted_total += cmp.predicted;
            result.stages.push_back(std::move(cmp));
            compared.insert(std::string(name));
        };
        for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
            for (const LogicalStage& stage : pipeline->stages()) {
                if (is_modeled_stage(stage.name)) compare_stage(stage.name, pipeline->kind(), stage.flows);
            }
        }
        // A modeled stage the dump does not have at all (e.g. an older release's layout).
        for (const auto& [name, flows_of_stage] : model_stages) {
            if (!compared.contains(name)) compare_stage(name, pipeline_of(name), {});
        }
    }
    for (const DatapathFlows& dp : predicted.datapaths) {
        if (!seen_switches.contains(dp.name())) result.switches_not_in_dump.push_back(dp.name());
    }
    return result;
}

}  // namespace ovnsim
