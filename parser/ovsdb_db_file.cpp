#include "parser/ovsdb_db_file.hpp"

#include <algorithm>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "parser/ovsdb_db_replay.hpp"
#include "parser/ovsdb_json_events.hpp"
#include "parser/ovsdb_line_index.hpp"
#include "parser/ovsdb_log.hpp"

namespace ovnsim {
namespace {

using json = nlohmann::json;

struct TableState {
    OvsdbReplayTable table;

    struct Row {
        std::uint64_t order = 0;
        SourceLoc loc;
        std::vector<Datum> values;
        std::vector<SourceLoc> locs;
    };
    std::unordered_map<Uuid, Row, UuidHash> rows;
};

struct RowUpdate {
    TableState* table = nullptr;
    Uuid uuid;
    SourceLoc loc;
    bool remove = false;
    std::vector<OvsdbCellWrite> cells;
};

// Reads one transaction record into a list of row updates; they are applied once the
// whole record is read, because "_is_diff" may come after the tables.
class TransactionReader : public OvsdbJsonEvents {
public:
    TransactionReader(const TextFile& file, const OvsdbLineIndex& lines,
                      std::map<std::string, TableState, std::less<>>& tables)
        : errors_(file, lines), lines_(lines), tables_(tables) {}

    [[noreturn]] void fail(std::size_t offset, std::string message) const { errors_.fail(offset, std::move(message)); }

    bool is_diff() const { return is_diff_; }
    std::vector<RowUpdate>& updates() { return updates_; }

    int leaf_depth() const override { return 3; }

    void on_begin(bool is_object, std::size_t start) override {
        if (!is_object) fail(start, "expected a JSON object, not an array, in a database transaction");
        if (depth_ == 1 && table_ == nullptr) fail(start, "\"" + key_ + "\" takes a value, not an object");
        if (depth_ == 2) updates_.push_back(RowUpdate{table_, row_uuid_, row_loc_, false, {}});
        ++depth_;
    }

    void on_end(bool) override { --depth_; }

    void on_key(std::string&& key, std::size_t start) override {
        if (depth_ == 1) {
            const auto it = tables_.find(key);
            table_ = it == tables_.end() ? nullptr : &it->second;
            if (!table_ && key != "_date" && key != "_comment" && key != "_is_diff") {
                fail(start, "transaction names table \"" + key + "\", which the schema does not have");
            }
            key_ = std::move(key);
        } else if (depth_ == 2) {
            const auto uuid = Uuid::parse(key);
            if (!uuid) fail(start, "\"" + key + "\" is not a row UUID");
            row_uuid_ = *uuid;
            row_loc_ = lines_.locate(start);
        } else {
            column_ = ovsdb_write_column(table_->table, key, start, errors_);
        }
    }

    void on_value(json&& value, std::size_t start) override {
        if (depth_ == 0) fail(start, "expected a JSON object (a database transaction)");
        if (depth_ == 1) {
            if (table_ != nullptr) fail(start, "table " + key_ + ": expected an object of rows");
            if (key_ == "_is_diff") is_diff_ = value == true;
            return;
        }
        if (depth_ == 2) {
            if (!value.is_null()) fail(start, "row " + row_uuid_.to_string() + ": expected an object or null");
            updates_.push_back(RowUpdate{table_, row_uuid_, row_loc_, true, {}});
            return;
        }
        if (!column_) return;  // _uuid or _version: not data
        updates_.back().cells.push_back(ovsdb_cell_write(table_->table, *column_, std::move(value), start, errors_));
    }

private:
    OvsdbReplayErrors errors_;
    const OvsdbLineIndex& lines_;
    std::map<std::string, TableState, std::less<>>& tables_;
    int depth_ = 0;
    TableState* table_ = nullptr;
    std::string key_;
    Uuid row_uuid_;
    SourceLoc row_loc_;
    std::optional<std::size_t> column_;
    bool is_diff_ = false;
    std::vector<RowUpdate> updates_;
};

class DatabaseReplay {
public:
    DatabaseReplay(const TextFile& file, const OvsdbSchema& schema, const OvsdbLineIndex& lines)
        : file_(file), lines_(lines) {
        for (auto& [name, table] : ovsdb_replay_tables(schema)) tables_[name].table = std::move(table);
    }

    void replay(const OvsdbLogRecord& record) {
        TransactionReader reader(file_, lines_, tables_);
        scan_ovsdb_json(record.data, record.data_offset, reader,
                        [&](std::size_t offset, std::string message) { reader.fail(offset, std::move(message)); });
        for (RowUpdate& update : reader.updates()) apply(update, reader.is_diff());
    }

    OvsdbDatabase finish(const OvsdbSchema& schema) {
        OvsdbDatabase database;
        database.name = schema.name;
        database.version = schema.version;
        for (auto& [name, state] : tables_) {
            OvsdbTable table;
            table.name = name;
            table.source = file_.path();
            table.columns = state.table.columns;
            std::vector<std::pair<Uuid, TableState::Row*>> rows;
            rows.reserve(state.rows.size());
            for (auto& [uuid, row] : state.rows) rows.emplace_back(uuid, &row);
            std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second->order < b.second->order; });
            table.rows.reserve(rows.size());
            for (auto& [uuid, row] : rows) {
                table.rows.push_back(OvsdbRow{uuid, row->loc, std::move(row->values), std::move(row->locs)});
            }
            database.add(std::move(table));
        }
        return database;
    }

private:
    void apply(RowUpdate& update, bool is_diff) {
        TableState& table = *update.table;
        auto existing = table.rows.find(update.uuid);
        if (update.remove) {
            if (existing == table.rows.end()) {
                throw InputError(file_.path(), update.loc,
                                 "transaction deletes row " + update.uuid.to_string() + " of table " + table.table.name +
                                     ", which does not exist");
            }
            table.rows.erase(existing);
            return;
        }
        const bool inserted = existing == table.rows.end();
        if (inserted) {
            TableState::Row row;
            row.order = next_order_++;
            row.values = table.table.defaults;
            row.locs.resize(table.table.columns.size());
            existing = table.rows.emplace(update.uuid, std::move(row)).first;
        }
        TableState::Row& row = existing->second;
        row.loc = update.loc;
        apply_ovsdb_row_write(table.table, row.values, row.locs, update.cells, inserted, is_diff);
    }

    const TextFile& file_;
    const OvsdbLineIndex& lines_;
    std::map<std::string, TableState, std::less<>> tables_;
    std::uint64_t next_order_ = 0;
};

}  // namespace

OvsdbDatabaseFile read_ovsdb_database_file(const TextFile& file) {
    const auto records = split_ovsdb_log(file);
    const OvsdbLineIndex lines(file.text());
    OvsdbDatabaseFile result;
    result.schema = read_ovsdb_schema_record(file, lines, records.front());
    DatabaseReplay replay(file, result.schema, lines);
    for (std::size_t i = 1; i < records.size(); ++i) replay.replay(records[i]);
    result.database = replay.finish(result.schema);
    return result;
}

}  // namespace ovnsim
