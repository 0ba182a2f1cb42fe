#include "parser/ovsdb_json_datum.hpp"

#include <limits>

namespace ovnsim {
namespace {

using json = nlohmann::json;

// The JSON for a message: short, whatever the size of the value.
std::string excerpt(const json& value) {
    std::string text = value.dump();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return text;
}

bool is_tagged(const json& value, std::string_view tag) {
    return value.is_array() && value.size() == 2 && value[0].is_string() &&
           value[0].get_ref<const std::string&>() == tag;
}

std::variant<Atom, std::string> atom_from_json(json& value) {
    switch (value.type()) {
        case json::value_t::string: return Atom(std::move(value.get_ref<std::string&>()));
        case json::value_t::boolean: return Atom(value.get<bool>());
        case json::value_t::number_integer: return Atom(value.get<std::int64_t>());
        case json::value_t::number_unsigned: {
            const auto v = value.get<std::uint64_t>();
            if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
                return "integer " + std::to_string(v) + " is out of range";
            }
            return Atom(static_cast<std::int64_t>(v));
        }
        case json::value_t::number_float: return Atom(value.get<double>());
        default: break;
    }
    if (is_tagged(value, "uuid") && value[1].is_string()) {
        if (const auto uuid = Uuid::parse(value[1].get_ref<const std::string&>())) return Atom(*uuid);
        return excerpt(value[1]) + " is not a valid UUID";
    }
    if (is_tagged(value, "named-uuid")) return std::string("named-uuid is only valid inside a transaction");
    return "expected an OVSDB atom (string, number, boolean or [\"uuid\", ...]), got " + excerpt(value);
}

std::variant<Datum, std::string> finish(Datum datum) {
    if (!datum.normalize()) {
        return std::string(datum.is_map() ? "map contains a duplicate key" : "set contains a duplicate value");
    }
    return datum;
}

}  // namespace

std::variant<Datum, std::string> datum_from_wire_json(json&& value) {
    if (is_tagged(value, "set")) {
        if (!value[1].is_array()) return std::string("[\"set\", ...] needs an array of atoms");
        std::vector<Atom> keys;
        keys.reserve(value[1].size());
        for (json& element : value[1]) {
            auto atom = atom_from_json(element);
            if (auto* problem = std::get_if<std::string>(&atom)) return *problem;
            keys.push_back(std::move(std::get<Atom>(atom)));
        }
        return finish(Datum::set(std::move(keys)));
    }
    if (is_tagged(value, "map")) {
        if (!value[1].is_array()) return std::string("[\"map\", ...] needs an array of [key, value] pairs");
        std::vector<Atom> keys, values;
        keys.reserve(value[1].size());
        values.reserve(value[1].size());
        for (json& pair : value[1]) {
            if (!pair.is_array() || pair.size() != 2) return "map element is not a [key, value] pair: " + excerpt(pair);
            auto key = atom_from_json(pair[0]);
            if (auto* problem = std::get_if<std::string>(&key)) return *problem;
            auto val = atom_from_json(pair[1]);
            if (auto* problem = std::get_if<std::string>(&val)) return *problem;
            keys.push_back(std::move(std::get<Atom>(key)));
            values.push_back(std::move(std::get<Atom>(val)));
        }
        return finish(Datum::map(std::move(keys), std::move(values)));
    }
    auto atom = atom_from_json(value);
    if (auto* problem = std::get_if<std::string>(&atom)) return *problem;
    return Datum::scalar(std::move(std::get<Atom>(atom)));
}

}  // namespace ovnsim
