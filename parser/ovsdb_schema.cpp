#include "parser/ovsdb_schema.hpp"

#include <nlohmann/json.hpp>

namespace ovnsim {
namespace {

using json = nlohmann::json;

struct SchemaError {
    std::string message;
};

AtomType atomic_type(const json& name, const std::string& where) {
    if (name.is_string()) {
        const auto& s = name.get_ref<const std::string&>();
        if (s == "integer") return AtomType::integer;
        if (s == "real") return AtomType::real;
        if (s == "boolean") return AtomType::boolean;
        if (s == "string") return AtomType::string;
        if (s == "uuid") return AtomType::uuid;
    }
    throw SchemaError{where + ": unknown atomic type " + name.dump()};
}

OvsdbBaseType base_type(const json& j, const std::string& where) {
    OvsdbBaseType base;
    if (!j.is_object()) {
        base.type = atomic_type(j, where);
        return base;
    }
    const auto type = j.find("type");
    if (type == j.end()) throw SchemaError{where + ": base type has no \"type\""};
    base.type = atomic_type(*type, where);
    if (const auto ref = j.find("refTable"); ref != j.end() && ref->is_string()) base.ref_table = ref->get<std::string>();
    if (const auto ref_type = j.find("refType"); ref_type != j.end()) base.weak = *ref_type == "weak";
    return base;
}

std::uint32_t count(const json& j, const std::string& where) {
    if (j == "unlimited") return OvsdbColumnType::unlimited;
    if (j.is_number_unsigned()) return static_cast<std::uint32_t>(std::min<std::uint64_t>(j.get<std::uint64_t>(), OvsdbColumnType::unlimited));
    throw SchemaError{where + ": min/max must be a count or \"unlimited\""};
}

OvsdbColumnType column_type(const json& j, const std::string& where) {
    OvsdbColumnType type;
    if (!j.is_object()) {
        type.key.type = atomic_type(j, where);
        return type;
    }
    const auto key = j.find("key");
    if (key == j.end()) throw SchemaError{where + ": column type has no \"key\""};
    type.key = base_type(*key, where);
    if (const auto value = j.find("value"); value != j.end()) type.value = base_type(*value, where);
    if (const auto min = j.find("min"); min != j.end()) type.min = count(*min, where);
    if (const auto max = j.find("max"); max != j.end()) type.max = count(*max, where);
    return type;
}

Atom default_atom(AtomType type) {
    switch (type) {
        case AtomType::integer: return Atom(std::int64_t{0});
        case AtomType::real: return Atom(0.0);
        case AtomType::boolean: return Atom(false);
        case AtomType::string: return Atom(std::string());
        case AtomType::uuid: return Atom(Uuid{});
    }
    return Atom(std::string());
}

bool atom_fits(const Atom& atom, AtomType type) {
    // JSON has one number syntax: an integral real is written as an integer.
    return atom_type(atom) == type || (type == AtomType::real && atom_type(atom) == AtomType::integer);
}

}  // namespace

Datum OvsdbColumnType::default_datum() const {
    if (min == 0) return is_map() ? Datum::map({}, {}) : Datum::set({});
    if (is_map()) return Datum::map({default_atom(key.type)}, {default_atom(value->type)});
    return Datum::scalar(default_atom(key.type));
}

std::optional<std::string> OvsdbColumnType::mismatch(const Datum& datum) const {
    if (datum.is_map() != is_map()) return std::string(is_map() ? "expected a map" : "expected a set or an atom, got a map");
    for (const Atom& atom : datum.keys()) {
        if (!atom_fits(atom, key.type)) {
            return "expected " + std::string(atom_type_name(key.type)) + " atoms, got " + atom_to_text(atom);
        }
    }
    for (const Atom& atom : datum.values()) {
        if (!atom_fits(atom, value->type)) {
            return "expected " + std::string(atom_type_name(value->type)) + " map values, got " + atom_to_text(atom);
        }
    }
    return std::nullopt;
}

std::variant<OvsdbSchema, std::string> ovsdb_schema_from_json(const json& j) {
    try {
        if (!j.is_object()) throw SchemaError{"the schema is not a JSON object"};
        OvsdbSchema schema;
        if (const auto name = j.find("name"); name != j.end() && name->is_string()) schema.name = name->get<std::string>();
        if (const auto version = j.find("version"); version != j.end() && version->is_string()) {
            schema.version = version->get<std::string>();
        }
        const auto tables = j.find("tables");
        if (tables == j.end() || !tables->is_object()) throw SchemaError{"the schema has no \"tables\" object"};
        for (const auto& [table_name, table_json] : tables->items()) {
            const auto columns = table_json.find("columns");
            if (!table_json.is_object() || columns == table_json.end() || !columns->is_object()) {
                throw SchemaError{"table " + table_name + " has no \"columns\" object"};
            }
            OvsdbTableSchema table;
            if (const auto root = table_json.find("isRoot"); root != table_json.end()) table.is_root = *root == true;
            for (const auto& [column_name, column_json] : columns->items()) {
                const std::string where = table_name + "." + column_name;
                const auto type = column_json.find("type");
                if (!column_json.is_object() || type == column_json.end()) throw SchemaError{where + " has no \"type\""};
                table.columns.emplace(column_name, column_type(*type, where));
            }
            schema.tables.emplace(table_name, std::move(table));
        }
        return schema;
    } catch (const SchemaError& e) {
        return "invalid OVSDB schema: " + e.message;
    }
}

}  // namespace ovnsim
