#include "sim/report/cost_bundle_report.hpp"

#include <optional>

#include "sim/cost_bundle.hpp"
#include "sim/report/cost_check_report.hpp"
#include "sim/report/cost_report.hpp"
#include "sim/report/whatif_report.hpp"

namespace ovnsim {

nlohmann::json bundle_cost_json(const Bundle& bundle, const MeasuredCost& cost, const BundlePrediction* prediction) {
    nlohmann::json json = cost_json(cost);
    json["bundle"] = bundle.path();
    if (prediction != nullptr) {
        json["predicted"] = prediction_json(prediction->comparison, prediction->config);
        json["predicted"]["warnings"] = prediction->predicted.warnings;
    }
    return json;
}

nlohmann::json bundle_cost_json(const Bundle& bundle, bool predict, const NorthdOverrides& overrides) {
    std::optional<BundlePrediction> prediction;
    if (predict) prediction = predict_bundle(bundle, overrides);
    return bundle_cost_json(bundle, measure_bundle_cost(bundle), prediction ? &*prediction : nullptr);
}

nlohmann::json bundle_whatif_json(const Bundle& bundle, const WhatIfEdits& edits) {
    return whatif_json(whatif_bundle(bundle, edits));
}

nlohmann::json bundle_sweep_json(const Bundle& bundle, const WhatIfEdits& edits,
                                 const std::vector<std::uint64_t>& counts) {
    return sweep_json(sweep_bundle(bundle, edits, counts));
}

}  // namespace ovnsim
