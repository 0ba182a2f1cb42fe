#include "parser/ovsdb_table.hpp"

#include <algorithm>

namespace ovnsim {
namespace {

std::vector<const OvsdbRow*> rows_by_uuid(const OvsdbTable& table) {
    std::vector<const OvsdbRow*> rows;
    rows.reserve(table.rows.size());
    for (const auto& row : table.rows) rows.push_back(&row);
    std::sort(rows.begin(), rows.end(), [](const OvsdbRow* a, const OvsdbRow* b) { return a->uuid < b->uuid; });
    return rows;
}

}  // namespace

std::optional<std::size_t> OvsdbTable::column_index(std::string_view column) const {
    const auto it = std::lower_bound(columns.begin(), columns.end(), column);
    if (it == columns.end() || *it != column) return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

const Datum* OvsdbTable::cell(const OvsdbRow& row, std::string_view column) const {
    const auto index = column_index(column);
    return index && *index < row.values.size() ? &row.values[*index] : nullptr;
}

SourceLoc OvsdbTable::cell_loc(const OvsdbRow& row, std::string_view column) const {
    const auto index = column_index(column);
    if (index && *index < row.locs.size() && row.locs[*index].line != 0) return row.locs[*index];
    return row.loc;
}

std::optional<std::string> first_difference(const OvsdbTable& a, const OvsdbTable& b) {
    if (a.name != b.name) return "table names differ: " + a.name + " vs " + b.name;
    // An empty text listing cannot name its columns: with no rows, only the names matter.
    if (!a.rows.empty() && a.columns != b.columns) return "table " + a.name + ": the column lists differ";
    if (a.rows.size() != b.rows.size()) {
        return "table " + a.name + ": " + std::to_string(a.rows.size()) + " rows vs " +
               std::to_string(b.rows.size());
    }
    const auto rows_a = rows_by_uuid(a);
    const auto rows_b = rows_by_uuid(b);
    for (std::size_t r = 0; r < rows_a.size(); ++r) {
        const OvsdbRow& ra = *rows_a[r];
        const OvsdbRow& rb = *rows_b[r];
        if (ra.uuid != rb.uuid) {
            return "table " + a.name + ": row " + ra.uuid.to_string() + " vs row " + rb.uuid.to_string();
        }
        for (std::size_t c = 0; c < a.columns.size(); ++c) {
            if (!(ra.values.at(c) == rb.values.at(c))) {
                return "table " + a.name + ", row " + ra.uuid.to_string() + ", column " + a.columns[c] +
                       ": " + ra.values[c].to_text() + " vs " + rb.values[c].to_text();
            }
        }
    }
    return std::nullopt;
}

const OvsdbTable* OvsdbDatabase::table(std::string_view table_name) const {
    const auto it = tables.find(table_name);
    return it == tables.end() ? nullptr : &it->second;
}

void OvsdbDatabase::add(OvsdbTable table) {
    std::string key = table.name;
    tables.insert_or_assign(std::move(key), std::move(table));
}

}  // namespace ovnsim
