#pragma once
// The rows of one table where its file holds them, found by a quick scan that builds no
// values (parser/ovsdb_json_skim.hpp); each row is parsed only when asked for. For tables
// too large to read whole for the few rows a command needs (SB Logical_Flow, NB ACL): a
// trace looks up a handful of rows by uuid among 100 000.
//
// A row parsed here equals the row the whole-table reader gives (values and locations).
// Problems in rows nobody asks for go unnoticed: reading the whole table reports them.
// Thread-safe: nothing changes after the scan.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

class OvsdbRowIndex {
public:
    virtual ~OvsdbRowIndex() = default;

    // The table's name, source and columns, without rows.
    const OvsdbTable& skeleton() const { return skeleton_; }
    std::size_t size() const { return uuids_.size(); }
    const Uuid& uuid(std::size_t row) const { return uuids_[row]; }

    // The rows whose uuid starts with these 32 bits, in file order.
    std::vector<std::size_t> rows_with_prefix(std::uint32_t prefix) const;
    std::optional<std::size_t> find(const Uuid& uuid) const;

    // Row `row` as the whole-table reader gives it. Throws InputError for a bad value.
    virtual OvsdbRow row(std::size_t row) const = 0;

    // The values of `columns` in row `row` when each is a string, an integer, a boolean,
    // a uuid or an empty set, as text (an empty set is ""); nullopt when the row cannot
    // tell them without being parsed whole (other values, a row written several times).
    // Cheaper than row() for building keys over every row.
    virtual std::optional<std::vector<std::string>> simple_cells(std::size_t row,
                                                                 std::span<const std::string> columns) const = 0;

protected:
    // Sorts the uuids' prefixes for rows_with_prefix(); call once uuids_ is filled.
    void index_uuids();

    OvsdbTable skeleton_;
    std::vector<Uuid> uuids_;

private:
    std::vector<std::pair<std::uint32_t, std::uint32_t>> by_prefix_;  // (prefix, row) sorted
};

// Indexes a `list` listing by the extension of its path, as parse_ovsdb_listing reads it.
// Throws InputError when the file is not a listing; falls back to parsing it whole (and
// serving the parsed rows) when the quick scan cannot follow it.
std::unique_ptr<OvsdbRowIndex> index_ovsdb_listing(std::shared_ptr<const TextFile> file, std::string table_name);

}  // namespace ovnsim
