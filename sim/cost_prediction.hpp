#pragma once
// The northd model's prediction against a dump: per logical switch and modeled stage, the
// flow counts and the flows (as text multisets) on one side only.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/logical_flows.hpp"
#include "sim/northd_model/northd_model.hpp"

namespace ovnsim {

struct StageComparison {
    std::string datapath;
    Pipeline pipeline = Pipeline::Ingress;
    std::string stage;
    std::uint64_t measured = 0;
    std::uint64_t predicted = 0;
    std::vector<std::string> missing;  // predicted, not in the dump (GeneratedFlow::text form)
    std::vector<std::string> extra;    // in the dump, not predicted

    bool equal() const { return missing.empty() && extra.empty(); }
};

struct PredictionComparison {
    std::vector<StageComparison> stages;           // datapaths in dump order, stages in table order
    std::vector<std::string> switches_not_in_dump; // NB switches the dump has no flows for
    std::vector<std::string> datapaths_not_in_nb;  // dump switches (with ACL stages) NB lacks
    std::uint64_t measured_total = 0;              // flows of the modeled stages
    std::uint64_t predicted_total = 0;

    bool all_equal() const;
    std::vector<const StageComparison*> mismatches() const;
};

// Compares the modeled stages of every datapath that has them. Sample lists inside one
// action are compared as sets (their order follows collector UUIDs, which change between
// runs).
PredictionComparison compare_prediction(const LogicalFlows& flows, const PredictedFlows& predicted);

// `match=(M), action=(A)` of a dump flow in the form GeneratedFlow::text() uses.
std::string flow_text(std::string_view stage, int priority, std::string_view match, std::string_view actions);

}  // namespace ovnsim
