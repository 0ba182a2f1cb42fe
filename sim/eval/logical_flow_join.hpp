#pragma once
// Finds the SB Logical_Flow row behind a flow of the dump, for its external_ids
// (stage-hint, source) and its full uuid: by the uuid prefix a `--uuid` dump prints, else by
// the flow's text (pipeline, table, priority, match, actions) among the rows of its
// datapath (directly or through a datapath group). Needs sb/Logical_Flow, whose rows are
// looked up one at a time (Bundle::sb_logical_flows()), never read whole.
#include <optional>
#include <string_view>

#include "sim/logical_flows.hpp"
#include "sim/sb_rows.hpp"

namespace ovnsim {

class Bundle;

class LogicalFlowJoin {
public:
    explicit LogicalFlowJoin(const Bundle& bundle);

    struct Found {
        const SbLogicalFlow* row = nullptr;
        std::string_view method;  // "uuid" or "text"
    };
    std::optional<Found> find(const LogicalDatapath& datapath, const DumpFlow& flow) const;

    // Whether the bundle has sb/Logical_Flow at all.
    bool available() const;

private:
    const Bundle& bundle_;
};

}  // namespace ovnsim
