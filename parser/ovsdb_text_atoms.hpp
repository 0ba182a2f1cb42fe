#pragma once
// How `ovn-nbctl list` writes atoms (OVS lib/ovsdb-data.c:ovsdb_atom_to_string), read back
// without a schema. Internal to the OVSDB text listing reader.
#include <string>
#include <string_view>
#include <variant>

#include "parser/ovsdb_datum.hpp"

namespace ovnsim::ovsdb_text {

// Types an unquoted token. OVS quotes every string that does not start with a letter or
// `_`, holds a character outside [A-Za-z0-9_.-], is `true`/`false`, or reads as a UUID, so
// a bare token is, in this order: a boolean (`true`/`false`), a UUID (8-4-4-4-12 hex), a
// string (starts with a letter or `_`; so `inf`/`nan` are strings: no OVN column is real),
// an integer (`-?[0-9]+`), or a real. Anything else is not something OVS prints: the
// result is then an error message.
std::variant<Atom, std::string> atom_from_bare_token(std::string_view token);

// Decodes the body of a JSON string literal (without its quotes): \" \\ \/ \b \f \n \r \t
// and \uXXXX, surrogate pairs included. Returns an error message, or empty on success.
std::string unescape_json_string(std::string_view body, std::string& out);

}  // namespace ovnsim::ovsdb_text
