#include "parser/ovsdb_row_reader.hpp"

#include <strings.h>

namespace ovnsim {

std::string OvsdbRowOrigin::to_string() const {
    std::string out = file ? *file : std::string();
    if (loc.line != 0) out += ':' + std::to_string(loc.line);
    if (loc.line != 0 && loc.column != 0) out += ':' + std::to_string(loc.column);
    return out;
}

bool ovsdb_option_is_true(const OvsdbStringMap& map, std::string_view key) {
    const std::string* value = ovsdb_option(map, key);
    return value != nullptr && ::strcasecmp(value->c_str(), "true") == 0;
}

const std::string* ovsdb_option(const OvsdbStringMap& map, std::string_view key) {
    const auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

OvsdbRowReader::OvsdbRowReader(const OvsdbTable& table)
    : table_(table), file_(std::make_shared<const std::string>(table.source)) {}

OvsdbRowReader::Column OvsdbRowReader::column(std::string_view name) const {
    return Column{std::string(name), table_.column_index(name)};
}

const Datum* OvsdbRowReader::cell(const OvsdbRow& row, const Column& column) const {
    return column.index && *column.index < row.values.size() ? &row.values[*column.index] : nullptr;
}

void OvsdbRowReader::fail(const OvsdbRow& row, const Column& column, const std::string& message) const {
    SourceLoc loc = row.loc;
    if (column.index && *column.index < row.locs.size() && row.locs[*column.index].line != 0) {
        loc = row.locs[*column.index];
    }
    throw InputError(table_.source, loc, table_.name + "." + column.name + ": " + message);
}

template <typename T>
std::optional<T> OvsdbRowReader::single(const OvsdbRow& row, const Column& column, std::string_view expected) const {
    const Datum* datum = cell(row, column);
    if (datum == nullptr || (datum->empty() && !datum->is_map())) return std::nullopt;
    if (const Atom* atom = datum->single()) {
        if (const T* value = std::get_if<T>(atom)) return *value;
    }
    const Atom* atom = datum->single();
    fail(row, column, "expected " + std::string(expected) + ", got " + (atom ? atom_to_text(*atom) : datum->to_text()));
}

template <typename T>
std::vector<T> OvsdbRowReader::all(const OvsdbRow& row, const Column& column, std::string_view expected) const {
    std::vector<T> out;
    const Datum* datum = cell(row, column);
    if (datum == nullptr) return out;
    if (datum->is_map()) fail(row, column, "expected a set of " + std::string(expected) + ", got a map");
    out.reserve(datum->size());
    for (const Atom& atom : datum->keys()) {
        const T* value = std::get_if<T>(&atom);
        if (value == nullptr) fail(row, column, "expected a set of " + std::string(expected) + ", got " + datum->to_text());
        out.push_back(*value);
    }
    return out;
}

std::string OvsdbRowReader::string(const OvsdbRow& row, const Column& column) const {
    return optional_string(row, column).value_or(std::string());
}

std::optional<std::string> OvsdbRowReader::optional_string(const OvsdbRow& row, const Column& column) const {
    return single<std::string>(row, column, "a string");
}

std::int64_t OvsdbRowReader::integer(const OvsdbRow& row, const Column& column, std::int64_t fallback) const {
    return optional_integer(row, column).value_or(fallback);
}

std::optional<std::int64_t> OvsdbRowReader::optional_integer(const OvsdbRow& row, const Column& column) const {
    return single<std::int64_t>(row, column, "an integer");
}

std::optional<bool> OvsdbRowReader::optional_boolean(const OvsdbRow& row, const Column& column) const {
    return single<bool>(row, column, "a boolean");
}

bool OvsdbRowReader::boolean(const OvsdbRow& row, const Column& column, bool fallback) const {
    return optional_boolean(row, column).value_or(fallback);
}

std::optional<Uuid> OvsdbRowReader::optional_uuid(const OvsdbRow& row, const Column& column) const {
    return single<Uuid>(row, column, "a UUID");
}

std::vector<Uuid> OvsdbRowReader::uuids(const OvsdbRow& row, const Column& column) const {
    return all<Uuid>(row, column, "UUIDs");
}

std::vector<std::string> OvsdbRowReader::strings(const OvsdbRow& row, const Column& column) const {
    return all<std::string>(row, column, "strings");
}

OvsdbStringMap OvsdbRowReader::string_map(const OvsdbRow& row, const Column& column) const {
    OvsdbStringMap out;
    const Datum* datum = cell(row, column);
    if (datum == nullptr || (datum->empty() && !datum->is_map())) return out;
    if (!datum->is_map()) fail(row, column, "expected a map of strings, got " + datum->to_text());
    for (std::size_t i = 0; i < datum->size(); ++i) {
        const auto* key = std::get_if<std::string>(&datum->keys()[i]);
        const auto* value = std::get_if<std::string>(&datum->values()[i]);
        if (key == nullptr || value == nullptr) fail(row, column, "expected a map of strings, got " + datum->to_text());
        out.emplace(*key, *value);
    }
    return out;
}

}  // namespace ovnsim
