#pragma once
// SB Logical_Flow rows found one at a time, without building the table: by the uuid prefix
// a `--uuid` dump prints (the row index's uuids), or by the flow's text (a key index over
// the rows' priority, match and actions, built on first use). A trace joins a
// few dump flows to their rows (stage-hint, full uuid) this way; rows are typed once and
// kept, their datapath and datapath group resolved against `sb` (the model of the other
// SB tables). Thread-safe.
#include <cstdint>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/ovsdb_row_index.hpp"
#include "sim/sb_model.hpp"
#include "sim/typed_row_cache.hpp"

namespace ovnsim {

class SbLogicalFlowRows {
public:
    // `rows` null: the bundle has no Logical_Flow table.
    SbLogicalFlowRows(const OvsdbRowIndex* rows, const SbModel& sb);

    bool available() const { return rows_ != nullptr; }
    std::size_t size() const { return rows_ ? rows_->size() : 0; }

    // Rows whose uuid starts with these 32 bits, in file order.
    std::vector<const SbLogicalFlow*> with_uuid_prefix(std::uint32_t prefix) const;
    // Rows with this priority, match and actions (on any datapath), in file order.
    std::vector<const SbLogicalFlow*> with_text(std::int64_t priority, std::string_view match,
                                                std::string_view actions) const;

private:
    const SbLogicalFlow& typed(std::size_t row) const;
    void index_texts() const;  // once

    const OvsdbRowIndex* rows_;
    const SbModel& sb_;
    TypedRowCache<SbLogicalFlow> typed_;
    mutable std::once_flag texts_once_;
    mutable std::unordered_multimap<std::uint64_t, std::uint32_t> by_text_;  // text key -> row
};

}  // namespace ovnsim
