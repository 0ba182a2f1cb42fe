#include "sim/cost_bundle.hpp"

#include "sim/bundle_tables.hpp"

namespace ovnsim {
namespace {

BundleNorthdConfig whatif_config(const Bundle& bundle, const WhatIfEdits& edits) {
    NorthdOverrides base;
    if (edits.family && !detect_ovn_family(bundle).family) base.family = edits.family;
    return northd_config_for(bundle, base);
}

}  // namespace

MeasuredCost measure_bundle_cost(const Bundle& bundle) {
    return measure_cost(bundle.flows(), bundle.has_nb() ? &bundle.nb() : nullptr,
                        bundle.has_sb() ? &bundle.sb() : nullptr);
}

BundlePrediction predict_bundle(const Bundle& bundle, const NorthdOverrides& overrides) {
    const NbModel& nb = required_nb(bundle, "the prediction");
    BundlePrediction prediction{northd_config_for(bundle, overrides), {}, {}};
    prediction.predicted = predict_acl_flows(nb, prediction.config.config);
    prediction.comparison = compare_prediction(bundle.flows(), prediction.predicted);
    return prediction;
}

WhatIfResult whatif_bundle(const Bundle& bundle, const WhatIfEdits& edits) {
    const NbModel& nb = required_nb(bundle, "what-if");
    return run_whatif(nb, whatif_config(bundle, edits).config, edits);
}

SweepResult sweep_bundle(const Bundle& bundle, const WhatIfEdits& edits, const std::vector<std::uint64_t>& counts) {
    const NbModel& nb = required_nb(bundle, "the sweep");
    const NorthdConfig config = apply_config_edits(whatif_config(bundle, edits).config, edits);
    return run_sweep(nb, config, counts, edits.template_acl, edits.kind);
}

}  // namespace ovnsim
