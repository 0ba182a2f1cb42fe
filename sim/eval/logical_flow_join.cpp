#include "sim/eval/logical_flow_join.hpp"

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

bool on_datapath(const SbLogicalFlow& row, std::string_view datapath_uuid) {
    if (row.datapath) return row.datapath->uuid.to_string() == datapath_uuid;
    if (row.dp_group) {
        for (const SbDatapathBinding* dp : row.dp_group->datapaths) {
            if (dp && dp->uuid.to_string() == datapath_uuid) return true;
        }
    }
    // A row whose datapath reference did not resolve (table absent): accept on the text.
    return row.datapath == nullptr && row.dp_group == nullptr;
}

}  // namespace

LogicalFlowJoin::LogicalFlowJoin(const Bundle& bundle) : bundle_(bundle) {}

bool LogicalFlowJoin::available() const { return bundle_.has_sb() && bundle_.sb_logical_flows().available(); }

std::optional<LogicalFlowJoin::Found> LogicalFlowJoin::find(const LogicalDatapath& datapath,
                                                            const DumpFlow& flow) const {
    if (!available()) return std::nullopt;
    const SbLogicalFlowRows& rows = bundle_.sb_logical_flows();
    const std::string_view pipeline = to_string(flow.pipeline);
    if (flow.has_uuid) {
        for (const SbLogicalFlow* row : rows.with_uuid_prefix(flow.uuid)) {
            if (row->pipeline == pipeline && row->table_id == flow.table && row->priority == flow.priority)
                return Found{row, "uuid"};
        }
        return std::nullopt;
    }
    for (const SbLogicalFlow* row : rows.with_text(flow.priority, flow.match, flow.actions)) {
        if (row->pipeline == pipeline && row->table_id == flow.table && on_datapath(*row, datapath.uuid))
            return Found{row, "text"};
    }
    return std::nullopt;
}

}  // namespace ovnsim
