#pragma once
// UUID indexes and reference resolution shared by NbModel and SbModel.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/ovsdb_row_reader.hpp"

namespace ovnsim {

// UUID -> row. Models hand out const rows; the index gives the model itself mutable ones
// so that resolve() can fill in back-references.
template <typename Row>
class RowIndex {
public:
    void rebuild(std::vector<Row>& rows) {
        by_uuid_.clear();
        by_uuid_.reserve(rows.size());
        for (Row& row : rows) by_uuid_.emplace(row.uuid, &row);
    }
    Row* find(const Uuid& uuid) const {
        const auto it = by_uuid_.find(uuid);
        return it == by_uuid_.end() ? nullptr : it->second;
    }

private:
    std::unordered_map<Uuid, Row*, UuidHash> by_uuid_;
};

// Name -> row for tables whose names are unique (first row wins otherwise).
template <typename Row>
class NameIndex {
public:
    template <typename NameOf>
    void rebuild(std::vector<Row>& rows, NameOf name_of) {
        by_name_.clear();
        by_name_.reserve(rows.size());
        for (Row& row : rows) by_name_.emplace(name_of(row), &row);
    }
    Row* find(std::string_view name) const {
        const auto it = by_name_.find(std::string(name));
        return it == by_name_.end() ? nullptr : it->second;
    }

private:
    std::unordered_map<std::string, Row*> by_name_;
};

// Looks references up and records those that dangle. A reference into a table that was
// not loaded is not a problem: there is nothing to check it against.
class ReferenceResolver {
public:
    explicit ReferenceResolver(Diagnostics& problems) : problems_(problems) {}

    template <typename Row>
    Row* resolve(const RowIndex<Row>& index, bool target_loaded, const Uuid& uuid, const OvsdbRowOrigin& from,
                 std::string_view what, std::string_view target_table) {
        Row* row = index.find(uuid);
        if (row == nullptr && target_loaded) dangling(from, what, target_table, uuid.to_string());
        return row;
    }

    // Calls `found(row)` for each reference that resolves.
    template <typename Row, typename Found>
    void resolve_each(const RowIndex<Row>& index, bool target_loaded, const std::vector<Uuid>& uuids,
                      const OvsdbRowOrigin& from, std::string_view what, std::string_view target_table, Found found) {
        for (const Uuid& uuid : uuids) {
            if (Row* row = resolve(index, target_loaded, uuid, from, what, target_table)) found(*row);
        }
    }

    void dangling(const OvsdbRowOrigin& from, std::string_view what, std::string_view target_table,
                  const std::string& key) {
        problems_.push_back(Diagnostic{from.file ? *from.file : std::string(), from.loc,
                                       std::string(what) + " references " + std::string(target_table) + " " + key +
                                           ", which is not in that table (dangling reference)"});
    }

private:
    Diagnostics& problems_;
};

}  // namespace ovnsim
