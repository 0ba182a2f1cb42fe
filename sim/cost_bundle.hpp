#pragma once
// The flow-cost questions asked of a whole bundle, shared by `ovnsim cost` / `ovnsim whatif`
// and Python's Bundle.cost(), whatif() and sweep(): the measurement of the dump, the northd
// model's prediction beside it, and what-if edits priced with the bundle's configuration.
#include <cstdint>
#include <vector>

#include "sim/bundle.hpp"
#include "sim/cost.hpp"
#include "sim/cost_prediction.hpp"
#include "sim/northd_model/bundle_config.hpp"
#include "sim/northd_model/northd_model.hpp"
#include "sim/whatif.hpp"

namespace ovnsim {

// With the NB and SB tables when the bundle has them (else counts only).
MeasuredCost measure_bundle_cost(const Bundle& bundle);

struct BundlePrediction {
    BundleNorthdConfig config;
    PredictedFlows predicted;
    PredictionComparison comparison;
};

// Throws InputError when the bundle has no NB tables, or is older than 24.09 and
// `overrides` names no family.
BundlePrediction predict_bundle(const Bundle& bundle, const NorthdOverrides& overrides = {});

// The edits priced before and after with the bundle's configuration. A bundle older than
// 24.09 has no sampling to start from: it is priced as the release `edits.family` names.
// Throws InputError when the bundle has no NB tables or an edit cannot apply.
WhatIfResult whatif_bundle(const Bundle& bundle, const WhatIfEdits& edits);

// run_sweep() with the bundle's configuration after the configuration edits (the chassis
// feature, the family); `edits.template_acl` and `edits.kind` choose what is copied.
SweepResult sweep_bundle(const Bundle& bundle, const WhatIfEdits& edits, const std::vector<std::uint64_t>& counts);

}  // namespace ovnsim
