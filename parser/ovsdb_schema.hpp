#pragma once
// The parts of an OVSDB schema (RFC 7047 §3.2) that replaying a database file needs:
// each column's key/value atom types, its min/max element counts, and reference targets.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json_fwd.hpp>

#include "parser/ovsdb_datum.hpp"

namespace ovnsim {

struct OvsdbBaseType {
    AtomType type = AtomType::string;
    std::string ref_table;  // for UUIDs that reference a table, else empty
    bool weak = false;      // refType "weak"
};

struct OvsdbColumnType {
    static constexpr std::uint32_t unlimited = std::numeric_limits<std::uint32_t>::max();

    OvsdbBaseType key;
    std::optional<OvsdbBaseType> value;  // set for maps
    std::uint32_t min = 1;
    std::uint32_t max = 1;

    bool is_map() const noexcept { return value.has_value(); }
    // More than one element allowed: the columns whose file records hold diffs.
    bool is_composite() const noexcept { return max > 1; }
    Datum default_datum() const;  // RFC 7047: empty when min is 0, else one default atom
    // Why `datum` cannot be a value of this column (wrong kind or atom type), if it cannot.
    std::optional<std::string> mismatch(const Datum& datum) const;
};

struct OvsdbTableSchema {
    std::map<std::string, OvsdbColumnType, std::less<>> columns;  // without _uuid/_version
    bool is_root = false;
};

struct OvsdbSchema {
    std::string name;
    std::string version;
    std::map<std::string, OvsdbTableSchema, std::less<>> tables;
};

// The schema, or what is wrong with the JSON.
std::variant<OvsdbSchema, std::string> ovsdb_schema_from_json(const nlohmann::json& json);

}  // namespace ovnsim
