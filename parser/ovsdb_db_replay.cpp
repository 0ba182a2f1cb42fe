#include "parser/ovsdb_db_replay.hpp"

#include <algorithm>

#include "parser/ovsdb_json_datum.hpp"
#include "parser/ovsdb_json_events.hpp"

namespace ovnsim {
namespace {

// One row object, on its own: values at depth 1 whole.
class RowWriteReader : public OvsdbJsonEvents {
public:
    RowWriteReader(const OvsdbReplayTable& table, const OvsdbReplayErrors& errors) : table_(table), errors_(errors) {}

    int leaf_depth() const override { return 1; }
    void on_begin(bool is_object, std::size_t start) override {
        if (!is_object) errors_.fail(start, "expected a JSON object, not an array, in a database transaction");
    }
    void on_end(bool) override {}
    void on_key(std::string&& key, std::size_t start) override { column_ = ovsdb_write_column(table_, key, start, errors_); }
    void on_value(nlohmann::json&& value, std::size_t start) override {
        if (!column_) return;
        cells.push_back(ovsdb_cell_write(table_, *column_, std::move(value), start, errors_));
    }

    std::vector<OvsdbCellWrite> cells;

private:
    const OvsdbReplayTable& table_;
    const OvsdbReplayErrors& errors_;
    std::optional<std::size_t> column_;
};

}  // namespace

std::optional<std::size_t> OvsdbReplayTable::column_index(std::string_view column) const {
    const auto it = std::lower_bound(columns.begin(), columns.end(), column);
    if (it == columns.end() || *it != column) return std::nullopt;
    return static_cast<std::size_t>(it - columns.begin());
}

OvsdbSchema read_ovsdb_schema_record(const TextFile& file, const OvsdbLineIndex& lines, const OvsdbLogRecord& record) {
    nlohmann::json schema_json;
    try {
        schema_json = nlohmann::json::parse(record.data);
    } catch (const nlohmann::json::parse_error& e) {
        throw InputError(file.path(), lines.locate(record.data_offset + (e.byte > 0 ? e.byte - 1 : 0)),
                         "invalid JSON in the schema record");
    }
    auto schema = ovsdb_schema_from_json(schema_json);
    if (auto* problem = std::get_if<std::string>(&schema)) {
        throw InputError(file.path(), lines.locate(record.data_offset), *problem);
    }
    return std::move(std::get<OvsdbSchema>(schema));
}

std::map<std::string, OvsdbReplayTable, std::less<>> ovsdb_replay_tables(const OvsdbSchema& schema) {
    std::map<std::string, OvsdbReplayTable, std::less<>> tables;
    for (const auto& [name, table_schema] : schema.tables) {
        OvsdbReplayTable& table = tables[name];
        table.name = name;
        for (const auto& [column, type] : table_schema.columns) {  // std::map: sorted
            table.columns.push_back(column);
            table.types.push_back(&type);
            table.defaults.push_back(type.default_datum());
        }
    }
    return tables;
}

void OvsdbReplayErrors::fail(std::size_t offset, std::string message) const {
    throw InputError(file_.path(), lines_.locate(offset), std::move(message));
}

std::optional<std::size_t> ovsdb_write_column(const OvsdbReplayTable& table, const std::string& key, std::size_t start,
                                              const OvsdbReplayErrors& errors) {
    const auto column = table.column_index(key);
    if (!column && key != "_uuid" && key != "_version") {
        errors.fail(start, "table " + table.name + " has no column \"" + key + "\"");
    }
    return column;
}

OvsdbCellWrite ovsdb_cell_write(const OvsdbReplayTable& table, std::size_t column, nlohmann::json&& value,
                                std::size_t start, const OvsdbReplayErrors& errors) {
    auto datum = datum_from_wire_json(std::move(value));
    if (auto* problem = std::get_if<std::string>(&datum)) errors.fail(start, *problem);
    Datum& d = std::get<Datum>(datum);
    if (auto mismatch = table.types[column]->mismatch(d)) {
        errors.fail(start, table.name + "." + table.columns[column] + ": " + *mismatch);
    }
    return OvsdbCellWrite{column, std::move(d), errors.locate(start)};
}

std::vector<OvsdbCellWrite> read_ovsdb_row_write(const OvsdbReplayTable& table, std::size_t begin, std::size_t end,
                                                 const OvsdbReplayErrors& errors) {
    RowWriteReader reader(table, errors);
    scan_ovsdb_json(errors.file().text().substr(begin, end - begin), begin, reader,
                    [&](std::size_t offset, std::string message) { errors.fail(offset, std::move(message)); });
    return std::move(reader.cells);
}

void apply_ovsdb_row_write(const OvsdbReplayTable& table, std::vector<Datum>& values, std::vector<SourceLoc>& locs,
                           std::vector<OvsdbCellWrite>& cells, bool inserted, bool is_diff) {
    for (OvsdbCellWrite& cell : cells) {
        Datum& current = values[cell.column];
        const OvsdbColumnType& type = *table.types[cell.column];
        if (!inserted && is_diff && type.is_composite() && !(current == table.defaults[cell.column])) {
            current.apply_diff(cell.datum);
        } else {
            current = std::move(cell.datum);
        }
        locs[cell.column] = cell.loc;
    }
}

}  // namespace ovnsim
