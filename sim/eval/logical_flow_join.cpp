#include "sim/eval/logical_flow_join.hpp"

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

std::string text_key(std::string_view pipeline, std::int64_t table, std::int64_t priority, std::string_view match,
                     std::string_view actions) {
    std::string key;
    key.reserve(match.size() + actions.size() + 32);
    key.append(pipeline).append("|").append(std::to_string(table)).append("|").append(std::to_string(priority));
    key.append("|").append(match).append("|").append(actions);
    return key;
}

}  // namespace

LogicalFlowJoin::LogicalFlowJoin(const Bundle& bundle) : bundle_(bundle) {}

bool LogicalFlowJoin::available() const {
    return bundle_.has_sb() && bundle_.sb().has_table("Logical_Flow");
}

void LogicalFlowJoin::build() const {
    std::call_once(once_, [this] {
        if (!available()) return;
        const bool uuids = !bundle_.dump().flows.empty() && bundle_.dump().flows.front().has_uuid;
        for (const SbLogicalFlow& row : bundle_.sb().logical_flows) {
            if (uuids) {
                by_prefix_.emplace(row.uuid.prefix32(), &row);
            } else {
                by_text_.emplace(text_key(row.pipeline, row.table_id, row.priority, row.match, row.actions), &row);
            }
        }
    });
}

bool LogicalFlowJoin::on_datapath(const SbLogicalFlow& row, std::string_view datapath_uuid) {
    if (row.datapath) return row.datapath->uuid.to_string() == datapath_uuid;
    if (row.dp_group) {
        for (const SbDatapathBinding* dp : row.dp_group->datapaths) {
            if (dp && dp->uuid.to_string() == datapath_uuid) return true;
        }
    }
    // A row whose datapath reference did not resolve (table absent): accept on the text.
    return row.datapath == nullptr && row.dp_group == nullptr;
}

std::optional<LogicalFlowJoin::Found> LogicalFlowJoin::find(const LogicalDatapath& datapath,
                                                            const DumpFlow& flow) const {
    build();
    const std::string_view pipeline = to_string(flow.pipeline);
    if (flow.has_uuid) {
        const auto [begin, end] = by_prefix_.equal_range(flow.uuid);
        for (auto it = begin; it != end; ++it) {
            const SbLogicalFlow& row = *it->second;
            if (row.pipeline == pipeline && row.table_id == flow.table && row.priority == flow.priority)
                return Found{&row, "uuid"};
        }
        return std::nullopt;
    }
    const auto [begin, end] = by_text_.equal_range(text_key(pipeline, flow.table, flow.priority, flow.match, flow.actions));
    for (auto it = begin; it != end; ++it) {
        if (on_datapath(*it->second, datapath.uuid)) return Found{it->second, "text"};
    }
    return std::nullopt;
}

}  // namespace ovnsim
