#pragma once
// Typed reading of OvsdbTable columns, for the NB/SB model builders. A column the table
// does not have reads as its default (listings of older OVN versions lack newer columns,
// and `--columns=` drops some); a value of the wrong type throws InputError at the cell.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_table.hpp"

namespace ovnsim {

using OvsdbStringMap = std::map<std::string, std::string, std::less<>>;

// Where a typed row came from.
struct OvsdbRowOrigin {
    std::shared_ptr<const std::string> file;
    SourceLoc loc;
    std::string to_string() const;  // "FILE:LINE:COL"
};

// OVS smap_get_bool(map, key, false): true only for "true", in any case.
bool ovsdb_option_is_true(const OvsdbStringMap& map, std::string_view key);
// The value of `key`, or nullptr.
const std::string* ovsdb_option(const OvsdbStringMap& map, std::string_view key);

class OvsdbRowReader {
public:
    struct Column {
        std::string name;
        std::optional<std::size_t> index;
    };

    explicit OvsdbRowReader(const OvsdbTable& table);

    const OvsdbTable& table() const noexcept { return table_; }
    Column column(std::string_view name) const;
    OvsdbRowOrigin origin(const OvsdbRow& row) const { return {file_, row.loc}; }

    std::string string(const OvsdbRow& row, const Column& column) const;  // "" when absent
    std::optional<std::string> optional_string(const OvsdbRow& row, const Column& column) const;
    std::int64_t integer(const OvsdbRow& row, const Column& column, std::int64_t fallback = 0) const;
    std::optional<std::int64_t> optional_integer(const OvsdbRow& row, const Column& column) const;
    std::optional<bool> optional_boolean(const OvsdbRow& row, const Column& column) const;
    bool boolean(const OvsdbRow& row, const Column& column, bool fallback = false) const;
    std::optional<Uuid> optional_uuid(const OvsdbRow& row, const Column& column) const;
    std::vector<Uuid> uuids(const OvsdbRow& row, const Column& column) const;
    std::vector<std::string> strings(const OvsdbRow& row, const Column& column) const;
    OvsdbStringMap string_map(const OvsdbRow& row, const Column& column) const;

    [[noreturn]] void fail(const OvsdbRow& row, const Column& column, const std::string& message) const;

private:
    const Datum* cell(const OvsdbRow& row, const Column& column) const;
    // The datum's only atom as T, nullopt when empty; throws when it is something else.
    template <typename T>
    std::optional<T> single(const OvsdbRow& row, const Column& column, std::string_view expected) const;
    template <typename T>
    std::vector<T> all(const OvsdbRow& row, const Column& column, std::string_view expected) const;

    const OvsdbTable& table_;
    std::shared_ptr<const std::string> file_;
};

}  // namespace ovnsim
