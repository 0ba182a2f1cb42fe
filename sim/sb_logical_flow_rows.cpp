#include "sim/sb_logical_flow_rows.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <string>

#include "sim/sb_rows_from_ovsdb.hpp"

namespace ovnsim {
namespace {

std::uint64_t text_key(std::string_view priority, std::string_view match, std::string_view actions) {
    std::string key;
    key.reserve(priority.size() + match.size() + actions.size() + 2);
    key.append(priority).append(1, '\x1f').append(match).append(1, '\x1f').append(actions);
    return std::hash<std::string>{}(key);
}

}  // namespace

SbLogicalFlowRows::SbLogicalFlowRows(const OvsdbRowIndex* rows, const SbModel& sb) : rows_(rows), sb_(sb) {}

const SbLogicalFlow& SbLogicalFlowRows::typed(std::size_t row) const {
    return typed_.get(row, [&] {
        SbLogicalFlow flow = sb_logical_flow_from_row(rows_->skeleton(), rows_->row(row));
        if (flow.logical_datapath_uuid) flow.datapath = sb_.datapath(*flow.logical_datapath_uuid);
        if (flow.logical_dp_group_uuid) flow.dp_group = sb_.dp_group(*flow.logical_dp_group_uuid);
        return flow;
    });
}

std::vector<const SbLogicalFlow*> SbLogicalFlowRows::with_uuid_prefix(std::uint32_t prefix) const {
    std::vector<const SbLogicalFlow*> out;
    if (!rows_) return out;
    for (const std::size_t row : rows_->rows_with_prefix(prefix)) out.push_back(&typed(row));
    return out;
}

void SbLogicalFlowRows::index_texts() const {
    static const std::array<std::string, 3> columns = {"priority", "match", "actions"};
    by_text_.reserve(rows_->size());
    for (std::size_t row = 0; row < rows_->size(); ++row) {
        std::uint64_t key = 0;
        if (const auto cells = rows_->simple_cells(row, columns)) {
            key = text_key((*cells)[0], (*cells)[1], (*cells)[2]);
        } else {
            const SbLogicalFlow& flow = typed(row);
            key = text_key(std::to_string(flow.priority), flow.match, flow.actions);
        }
        by_text_.emplace(key, static_cast<std::uint32_t>(row));
    }
}

std::vector<const SbLogicalFlow*> SbLogicalFlowRows::with_text(std::int64_t priority, std::string_view match,
                                                               std::string_view actions) const {
    std::vector<const SbLogicalFlow*> out;
    if (!rows_) return out;
    std::call_once(texts_once_, [this] { index_texts(); });
    std::vector<std::uint32_t> candidates;
    const auto [first, last] = by_text_.equal_range(text_key(std::to_string(priority), match, actions));
    for (auto it = first; it != last; ++it) candidates.push_back(it->second);
    std::sort(candidates.begin(), candidates.end());
    for (const std::uint32_t row : candidates) {
        const SbLogicalFlow& flow = typed(row);
        if (flow.priority == priority && flow.match == match && flow.actions == actions) out.push_back(&flow);
    }
    return out;
}

}  // namespace ovnsim
