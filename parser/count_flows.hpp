#pragma once
// `ovn-sbctl count-flows` output: flows per datapath, pipeline and table. FlowCounts is
// also what sim/flow_stats computes from a dump, so the two compare with ==.
//
//   Datapath: "ls1" (a0bce76c-...)  Pipeline: ingress
//     table=0 (ls_in_check_port_sec) lflows=6
//   Total number of logical flows in the datapath "ls1" (a0bce76c-...) Pipeline: ingress = 100
//
//   Total number of logical flows = 159
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parser/lflow_dump.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

struct StageFlowCount {
    std::uint16_t table = 0;
    std::string stage;  // "" when the flows carry no stage-name
    std::uint64_t flows = 0;
    friend bool operator==(const StageFlowCount&, const StageFlowCount&) = default;
};

// One `Datapath:` block: a datapath's pipeline and its tables in table order.
struct PipelineFlowCount {
    std::string datapath_name;
    std::string datapath_name2;
    std::string datapath_uuid;
    Pipeline pipeline = Pipeline::Ingress;
    std::vector<StageFlowCount> stages;
    std::uint64_t total = 0;
    friend bool operator==(const PipelineFlowCount&, const PipelineFlowCount&) = default;
};

struct FlowCounts {
    std::vector<PipelineFlowCount> pipelines;  // in the order count-flows prints them
    std::uint64_t total = 0;
    friend bool operator==(const FlowCounts&, const FlowCounts&) = default;
};

// Throws InputError at the first line that is not count-flows output, and when a printed
// total is not the sum of what it totals.
FlowCounts parse_count_flows(std::shared_ptr<const TextFile> file);

// TextFile::read + parse_count_flows.
FlowCounts read_count_flows(const std::string& path);

}  // namespace ovnsim
