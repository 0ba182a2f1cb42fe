#pragma once
// A database file (nb.db, sb.db) indexed by row without replaying its values: one skim of
// every transaction notes which rows each writes, and where; a table, or one row, is
// replayed when asked for. A trace that needs the SB topology tables of a 40 MB sb.db then
// never builds the 100 000 Logical_Flow rows. Tables replayed here equal
// read_ovsdb_database_file's. Thread-safe.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_row_index.hpp"
#include "parser/ovsdb_schema.hpp"
#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

class OvsdbDatabaseIndex {
public:
    // Checks the records' framing and SHA-1, reads the schema and skims the transactions.
    // Throws InputError as read_ovsdb_database_file does for a framing problem, a bad
    // schema, a transaction that is not well formed or names an unknown table, and the
    // deletion of a row that does not exist; values are checked when their rows are read.
    explicit OvsdbDatabaseIndex(std::shared_ptr<const TextFile> file);
    ~OvsdbDatabaseIndex();

    const std::string& name() const;     // the schema's name
    const std::string& version() const;  // the schema's version
    std::vector<std::string> table_names() const;  // of the schema
    bool has_table(std::string_view name) const;

    // The table replayed: rows in insertion order, the schema's columns. Throws InputError
    // for a bad value in it.
    OvsdbTable table(std::string_view name) const;
    // Its rows one by one; nullptr when the schema has no such table.
    const OvsdbRowIndex* rows(std::string_view name) const;

    struct Impl;  // the skim's result; defined in the .cpp

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace ovnsim
