#pragma once
// The flows of a dump a query names: every flow, one stage's, one datapath's, or one
// stage of one datapath, in pipeline order (datapaths in dump order, ingress before egress,
// stages by table, flows by descending priority). What `Bundle.flows()` in Python lists.
#include <optional>
#include <string>
#include <vector>

#include "sim/logical_flows.hpp"

namespace ovnsim {

struct FlowSelection {
    std::optional<std::string> stage;     // a stage name: "ls_in_acl_eval"
    std::optional<std::string> datapath;  // a name, aka name, uuid or uuid prefix
};

// Throws InputError (the dump's path) for a datapath that names none or several datapaths,
// and for a stage name no datapath of the dump has (a typo should not look like "no flows").
std::vector<const DumpFlow*> select_flows(const LogicalFlows& flows, const FlowSelection& selection);

}  // namespace ovnsim
