#pragma once
// The checks of `ovnsim cost` as text and JSON: the northd model's prediction beside the
// measurement (--predict) and the CI baseline comparison (--baseline).
#include <string>

#include <nlohmann/json.hpp>

#include "sim/cost_prediction.hpp"
#include "sim/flow_baseline.hpp"
#include "sim/northd_model/bundle_config.hpp"

namespace ovnsim {

// Per stage (summed over datapaths) and per datapath, measured beside predicted, then every
// stage that differs with the flows on one side only. per_datapath: every datapath's stages.
std::string format_prediction(const PredictionComparison& comparison, const BundleNorthdConfig& config,
                              bool per_datapath);
// {"family", "family_source", "sample_with_registers", "features_source", "equal",
//  "measured_total", "predicted_total", "by_stage": {stage: {"measured", "predicted"}},
//  "by_datapath": {dp: {stage: {"measured", "predicted"}}},
//  "mismatches": [{"datapath", "pipeline", "stage", "measured", "predicted", "only_predicted": [...],
//                  "only_in_dump": [...]}], "switches_not_in_dump", "datapaths_not_in_nb"}
nlohmann::json prediction_json(const PredictionComparison& comparison, const BundleNorthdConfig& config);

std::string format_baseline_check(const BaselineCheck& check, const std::string& baseline_path);
// {"passed", "tolerance_percent", "changes": [{"what", "baseline", "current", "exceeded"}]}
nlohmann::json baseline_check_json(const BaselineCheck& check);

}  // namespace ovnsim
