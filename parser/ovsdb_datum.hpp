#pragma once
// OVSDB values as in RFC 7047: an atom is an integer, real, boolean, string or UUID; a
// datum (one column of one row) is a set of atoms or a map of atom pairs. A scalar column
// is a set with one element and an optional one a set with zero or one: that is how OVSDB
// itself stores them, and the only form in which text and JSON listings agree (JSON prints
// a one-element set bare, text prints it in brackets).
//
// Keys are kept in OVSDB order (integers and reals by value, booleans false < true,
// strings bytewise, UUIDs by their hex text), so two datums are equal exactly when they
// hold the same elements, whatever order a file listed them in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "parser/ovsdb_uuid.hpp"

namespace ovnsim {

enum class AtomType { integer, real, boolean, string, uuid };  // the variant's index order
using Atom = std::variant<std::int64_t, double, bool, std::string, Uuid>;

inline AtomType atom_type(const Atom& a) noexcept { return static_cast<AtomType>(a.index()); }
std::string_view atom_type_name(AtomType type) noexcept;

// <0, 0, >0 in OVSDB order; atoms of different types order by type.
int compare_atoms(const Atom& a, const Atom& b) noexcept;

// The atom as `ovn-nbctl list` prints it (strings quoted when OVS's string_needs_quotes
// says so, with JSON escapes).
std::string atom_to_text(const Atom& atom);

class Datum {
public:
    enum class Kind { set, map };

    Datum() = default;  // the empty set
    static Datum set(std::vector<Atom> keys);
    static Datum map(std::vector<Atom> keys, std::vector<Atom> values);
    static Datum scalar(Atom atom);

    Kind kind() const noexcept { return kind_; }
    bool is_map() const noexcept { return kind_ == Kind::map; }
    std::size_t size() const noexcept { return keys_.size(); }
    bool empty() const noexcept { return keys_.empty(); }
    const std::vector<Atom>& keys() const noexcept { return keys_; }
    const std::vector<Atom>& values() const noexcept { return values_; }  // maps only

    // Typed views of a datum with exactly one key (a scalar, or an optional that is set);
    // nullopt / nullptr when the datum is empty, has more keys, or holds another type.
    const Atom* single() const noexcept;
    const std::string* as_string() const noexcept;
    std::optional<std::int64_t> as_integer() const noexcept;
    std::optional<double> as_real() const noexcept;  // integers convert
    std::optional<bool> as_boolean() const noexcept;
    std::optional<Uuid> as_uuid() const noexcept;

    // Map lookup (binary search); nullptr when absent or not a map.
    const Atom* find(const Atom& key) const noexcept;
    const std::string* find_string(std::string_view key) const;  // for string->string maps
    // Set membership (binary search).
    bool contains(const Atom& key) const noexcept;

    // Restores OVSDB order after keys were added in any order. Returns false when two
    // keys are equal (OVSDB forbids duplicates); the datum is then sorted but not unique.
    bool normalize();

    // Applies an OVSDB diff to a set or map (RFC 7047 ext., ovsdb_datum_apply_diff):
    // a key absent from this datum is added, a set key present is removed, a map key
    // present is removed when the diff repeats its value and updated otherwise.
    void apply_diff(const Datum& diff);

    // The datum as `ovn-nbctl list` prints it for a column of `max > 1` (brackets always).
    std::string to_text() const;

    friend bool operator==(const Datum& a, const Datum& b) noexcept;

private:
    Datum(Kind kind, std::vector<Atom> keys, std::vector<Atom> values)
        : kind_(kind), keys_(std::move(keys)), values_(std::move(values)) {}
    std::size_t lower_bound(const Atom& key) const noexcept;

    Kind kind_ = Kind::set;
    std::vector<Atom> keys_;
    std::vector<Atom> values_;
};

}  // namespace ovnsim
