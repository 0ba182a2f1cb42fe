#pragma once
// The cost questions of a whole bundle as JSON, each in one call: `ovnsim cost --json
// [--predict]`, `ovnsim whatif --json`, `ovnsim whatif --sweep --json`, and Python's
// Bundle.cost(), whatif() and sweep(). Only declarations: the types stay in sim/cost_bundle.hpp.
#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/northd_model/bundle_config.hpp"
#include "sim/whatif_edits.hpp"

namespace ovnsim {

class Bundle;
struct MeasuredCost;
struct BundlePrediction;

// cost_json(cost) plus "bundle" (its path); with a prediction, "predicted":
// prediction_json() plus the model's "warnings".
nlohmann::json bundle_cost_json(const Bundle& bundle, const MeasuredCost& cost, const BundlePrediction* prediction);
// The same, measured and (when `predict`) predicted here. Throws InputError as predict_bundle().
nlohmann::json bundle_cost_json(const Bundle& bundle, bool predict, const NorthdOverrides& overrides = {});

// whatif_json(whatif_bundle(bundle, edits)).
nlohmann::json bundle_whatif_json(const Bundle& bundle, const WhatIfEdits& edits);
// sweep_json(sweep_bundle(bundle, edits, counts)).
nlohmann::json bundle_sweep_json(const Bundle& bundle, const WhatIfEdits& edits,
                                 const std::vector<std::uint64_t>& counts);

}  // namespace ovnsim
