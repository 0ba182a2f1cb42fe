#pragma once
// Skims JSON text without building values: where each value starts and ends, and the text
// of plain (escape-free) strings. Lets a reader index a large OVSDB file by row and parse
// only the rows it is asked for. It checks only the structure it walks (brackets and
// strings); whatever it skips is validated when it is parsed. Internal to the OVSDB
// readers.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "parser/ovsdb_datum.hpp"
#include "parser/ovsdb_uuid.hpp"

namespace ovnsim {

class JsonSkimmer {
public:
    explicit JsonSkimmer(std::string_view text, std::size_t pos = 0) : text_(text), pos_(pos) {}

    std::size_t pos() const { return pos_; }
    std::string_view text() const { return text_; }

    // The next character after blanks ('\0' at the end).
    char peek();
    // Consumes `c` (after blanks) when it is next.
    bool consume(char c);
    // Skips one value (after blanks); false when it is malformed or truncated.
    bool skip_value();
    // A string (after blanks) without escapes: its text; nullopt (position unchanged)
    // when the next value is not such a string.
    std::optional<std::string_view> plain_string();
    // A string's decoded text (after blanks) into `out`; false when it is not a string.
    bool string(std::string& out);

private:
    bool skip_string();  // at '"'

    std::string_view text_;
    std::size_t pos_;
};

// OVSDB wire JSON: `["uuid","..."]`; nullopt (skimmer anywhere) when it is not one.
std::optional<Uuid> skim_uuid_atom(JsonSkimmer& s);
// A datum as OvsdbRowIndex::simple_cells gives it: a string, an integer, a boolean or a
// uuid as text, "" for an empty set or map; nullopt (position unchanged) for anything else.
std::optional<std::string> skim_simple_datum(JsonSkimmer& s);
// A datum in OVSDB wire JSON (an atom, ["set", [...]], ["map", [[k, v], ...]]) as
// datum_from_wire_json reads it, for the common forms: strings, integers, booleans and
// uuids, keys unique. nullopt (skimmer anywhere) for anything else, which the caller
// hands to datum_from_wire_json for its value or its error.
std::optional<Datum> skim_wire_datum(JsonSkimmer& s);

}  // namespace ovnsim
