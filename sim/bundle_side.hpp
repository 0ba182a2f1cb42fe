#pragma once
// The OVSDB tables of one side of a bundle (NB or SB), each read on first use: per table
// its first listing (`<T>.json` before `<T>.txt`), else the table of the database file
// (nb.db / sb.db, skimmed once by row: parser/ovsdb_db_file_index.hpp). A table can be
// read whole, or row by row through its index without parsing the rest (a trace's few
// Logical_Flow and ACL rows among 100 000). Thread-safe.
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_db_file_index.hpp"
#include "parser/ovsdb_row_index.hpp"
#include "parser/ovsdb_table.hpp"

namespace ovnsim {

class BundleSide {
public:
    using Listings = std::map<std::string, std::vector<std::string>, std::less<>>;

    BundleSide(Listings listings, std::optional<std::string> database_file);
    ~BundleSide();

    // No listing and no database file.
    bool empty() const { return listings_.empty() && !database_file_; }
    // Whether a listing or the database's schema has the table (skims the database file).
    bool has(std::string_view table) const;
    // The table read whole; nullptr when absent. Throws InputError for a bad file.
    const OvsdbTable* table(std::string_view table) const;
    // The table's rows one by one; nullptr when absent. Throws InputError for a file the
    // index cannot be built from.
    const OvsdbRowIndex* rows(std::string_view table) const;
    // Every table: each listing's, then every table of the database file no listing gave.
    const OvsdbDatabase& all() const;

private:
    struct Slot;
    Slot* slot(std::string_view table) const;  // nullptr when absent
    const OvsdbDatabaseIndex* database() const;

    Listings listings_;
    std::optional<std::string> database_file_;
    mutable std::once_flag database_once_, all_once_;
    mutable std::unique_ptr<OvsdbDatabaseIndex> database_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Slot>, std::less<>> slots_;
    // The tables read whole; nodes stay put, so pointers into it stay valid.
    mutable OvsdbDatabase tables_;
};

}  // namespace ovnsim
