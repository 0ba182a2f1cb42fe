#pragma once
// OVSDB standalone database files (nb.db, sb.db; OVS ovsdb/file.c): the first record is
// the schema, every later one a transaction to replay: {"Table": {"uuid": row-or-null}}
// with "_date", "_comment" and "_is_diff" keys. A row object inserts the row when its UUID
// is new and modifies it otherwise; null deletes it. With "_is_diff": true, values of
// set and map columns are diffs (see Datum::apply_diff); other columns are replaced.
#include "parser/ovsdb_schema.hpp"
#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

struct OvsdbDatabaseFile {
    OvsdbSchema schema;
    // Every table of the schema, empty ones included, with the schema's columns; rows in
    // the order they were first inserted. Each row's location is where its last insert
    // or modification names it; each value's, where it was last written ({} if never).
    OvsdbDatabase database;
};

// Throws InputError (FILE:LINE:COL) for framing problems (see split_ovsdb_log), invalid
// JSON, an unknown table or column, a value of the wrong type, and the deletion of a row
// that does not exist. Clustered databases are rejected with a message saying how to
// convert them.
OvsdbDatabaseFile read_ovsdb_database_file(const TextFile& file);

}  // namespace ovnsim
