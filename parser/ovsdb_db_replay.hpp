#pragma once
// Replaying the row writes of a database file's transactions (OVS ovsdb/file.c): what the
// whole-file reader (ovsdb_db_file.cpp) and the row index (ovsdb_db_file_index.cpp) share.
// Internal to the OVSDB readers.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parser/ovsdb_line_index.hpp"
#include "parser/ovsdb_log.hpp"
#include "parser/ovsdb_schema.hpp"
#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

// The schema in the file's first record. Throws InputError for invalid JSON or schema.
OvsdbSchema read_ovsdb_schema_record(const TextFile& file, const OvsdbLineIndex& lines, const OvsdbLogRecord& record);

// A table of the schema as a replay sees it: columns sorted, with types and defaults.
struct OvsdbReplayTable {
    std::string name;
    std::vector<std::string> columns;
    std::vector<const OvsdbColumnType*> types;
    std::vector<Datum> defaults;

    std::optional<std::size_t> column_index(std::string_view column) const;
};

// Every table of `schema` (which must outlive the result).
std::map<std::string, OvsdbReplayTable, std::less<>> ovsdb_replay_tables(const OvsdbSchema& schema);

struct OvsdbCellWrite {
    std::size_t column = 0;
    Datum datum;
    SourceLoc loc;
};

// Throws InputError at `offset` of `file`.
class OvsdbReplayErrors {
public:
    OvsdbReplayErrors(const TextFile& file, const OvsdbLineIndex& lines) : file_(file), lines_(lines) {}
    [[noreturn]] void fail(std::size_t offset, std::string message) const;
    SourceLoc locate(std::size_t offset) const { return lines_.locate(offset); }
    const TextFile& file() const { return file_; }
    const OvsdbLineIndex& lines() const { return lines_; }

private:
    const TextFile& file_;
    const OvsdbLineIndex& lines_;
};

// The column a row write names: its index, or nullopt for _uuid and _version (not data).
// Throws for a column the table lacks.
std::optional<std::size_t> ovsdb_write_column(const OvsdbReplayTable& table, const std::string& key, std::size_t start,
                                              const OvsdbReplayErrors& errors);

// A written value, typed against its column. Throws for a value that is not an OVSDB
// datum or not of the column's type.
OvsdbCellWrite ovsdb_cell_write(const OvsdbReplayTable& table, std::size_t column, nlohmann::json&& value,
                                std::size_t start, const OvsdbReplayErrors& errors);

// The row object `{"column": value, ...}` at text[begin, end) of a transaction, read alone.
std::vector<OvsdbCellWrite> read_ovsdb_row_write(const OvsdbReplayTable& table, std::size_t begin, std::size_t end,
                                                 const OvsdbReplayErrors& errors);

// Applies one write to a row's values, as ovsdb-server does: on a row that existed before
// (not `inserted`) a diff record changes a set or map that holds something; anything else
// is replaced.
void apply_ovsdb_row_write(const OvsdbReplayTable& table, std::vector<Datum>& values, std::vector<SourceLoc>& locs,
                           std::vector<OvsdbCellWrite>& cells, bool inserted, bool is_diff);

}  // namespace ovnsim
