#pragma once
// Flow counts as text (byte for byte what `ovn-sbctl count-flows` prints) and as JSON.
#include <nlohmann/json.hpp>

#include <string>

#include "parser/count_flows.hpp"

namespace ovnsim {

std::string format_count_flows(const FlowCounts& counts);

// {"total": N,
//  "by_pipeline": {"ingress": N, "egress": N},
//  "by_stage": {stage: N},                        summed over datapaths
//  "by_datapath": {datapath: {stage: N}},         keyed by name (or aka name, or uuid when
//                                                 unnamed; "name (uuid)" when names repeat)
//  "datapaths": [{"name", "name2", "uuid",
//                 "pipelines": {"ingress": {"total": N, "stages": [{"table", "stage", "flows"}]}}}]}
nlohmann::json flow_counts_json(const FlowCounts& counts);

}  // namespace ovnsim
