#pragma once
// Finds the SB Logical_Flow row behind a flow of the dump, for its external_ids
// (stage-hint, source) and its full uuid: by the uuid prefix a `--uuid` dump prints, else by
// the flow's text (pipeline, table, priority, match, actions) among the rows of its
// datapath (directly or through a datapath group). Needs sb/Logical_Flow; built on first use.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

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

    // Whether the bundle has sb/Logical_Flow at all (loads SB).
    bool available() const;

private:
    void build() const;
    static bool on_datapath(const SbLogicalFlow& row, std::string_view datapath_uuid);

    const Bundle& bundle_;
    mutable std::once_flag once_;
    mutable std::unordered_multimap<std::uint32_t, const SbLogicalFlow*> by_prefix_;
    mutable std::unordered_multimap<std::string, const SbLogicalFlow*> by_text_;
};

}  // namespace ovnsim
