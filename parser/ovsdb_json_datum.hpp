#pragma once
// OVSDB wire JSON (RFC 7047 §5.1, OVS lib/ovsdb-data.c:ovsdb_datum_from_json) to Datum:
// an atom is a JSON string, number or boolean, or ["uuid", "..."]; a set is one bare atom
// or ["set", [atoms]]; a map is ["map", [[key, value], ...]]. Internal to the readers.
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "parser/ovsdb_datum.hpp"

namespace ovnsim {

// The datum (normalized to OVSDB order), or an error message. Strings are moved out of
// `value`.
std::variant<Datum, std::string> datum_from_wire_json(nlohmann::json&& value);

}  // namespace ovnsim
