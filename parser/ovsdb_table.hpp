#pragma once
// The generic OVSDB data every reader produces: tables of rows, each row a UUID and one
// datum per column, with where each came from. A table read from `ovn-nbctl list` text,
// from `--format=json list`, or replayed from a database file compares equal when the
// data is the same (file names, source locations and row order do not take part).
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_datum.hpp"
#include "parser/source_location.hpp"

namespace ovnsim {

struct OvsdbRow {
    Uuid uuid;
    SourceLoc loc;                 // where the row starts
    std::vector<Datum> values;     // one per OvsdbTable::columns entry
    std::vector<SourceLoc> locs;   // where each value was read ({} when defaulted)
};

struct OvsdbTable {
    std::string name;
    std::string source;                // the file the rows came from
    std::vector<std::string> columns;  // sorted by name; `_uuid` is OvsdbRow::uuid, `_version` is dropped
    std::vector<OvsdbRow> rows;        // in file order

    std::optional<std::size_t> column_index(std::string_view column) const;
    // The row's datum for `column`, or nullptr when the table has no such column.
    const Datum* cell(const OvsdbRow& row, std::string_view column) const;
    // Where `column` of `row` was read, falling back to the row's location.
    SourceLoc cell_loc(const OvsdbRow& row, std::string_view column) const;
};

// Empty when the tables hold the same data (same name, same columns, and the same rows
// by UUID with equal datums); otherwise a description of the first difference found.
std::optional<std::string> first_difference(const OvsdbTable& a, const OvsdbTable& b);
inline bool operator==(const OvsdbTable& a, const OvsdbTable& b) { return !first_difference(a, b); }

struct OvsdbDatabase {
    std::string name;     // the schema name (e.g. OVN_Northbound) when known
    std::string version;  // the schema version when known
    std::map<std::string, OvsdbTable, std::less<>> tables;

    const OvsdbTable* table(std::string_view table_name) const;
    // Adds or replaces the table of that name.
    void add(OvsdbTable table);
};

// A table by name, or nullptr: an OvsdbDatabase, or tables read one by one.
using OvsdbTableLookup = std::function<const OvsdbTable*(std::string_view)>;

}  // namespace ovnsim
