#pragma once
// Flow counts per datapath, pipeline and stage: the numbers `ovn-sbctl count-flows` prints,
// computed from a dump. Printing them is sim/report/flow_stats_report's job.
#include <cstdint>
#include <map>
#include <string>

#include "parser/count_flows.hpp"
#include "sim/logical_flows.hpp"

namespace ovnsim {

// One block per datapath pipeline that has flows (datapaths in dump order, ingress before
// egress), one entry per stage in table order: what count-flows prints for the same SB.
FlowCounts count_flows(const LogicalFlows& flows);

// Flows per stage name, summed over datapaths.
std::map<std::string, std::uint64_t, std::less<>> flows_by_stage(const FlowCounts& counts);

// Flows per pipeline ("ingress", "egress"), summed over datapaths.
std::map<std::string, std::uint64_t, std::less<>> flows_by_pipeline(const FlowCounts& counts);

}  // namespace ovnsim
