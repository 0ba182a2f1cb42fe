#include "parser/ovsdb_datum.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <numeric>

namespace ovnsim {
namespace {

template <typename T>
int three_way(const T& a, const T& b) {
    return a < b ? -1 : (b < a ? 1 : 0);
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// OVS lib/ovsdb-data.c:string_needs_quotes.
bool string_needs_quotes(std::string_view s) {
    if (s.empty() || !(is_alpha(s[0]) || s[0] == '_')) return true;
    for (const char c : s) {
        if (!(is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '.')) return true;
    }
    return s == "true" || s == "false" || Uuid::looks_like_uuid(s);
}

// OVS lib/json.c:json_serialize_string.
void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    for (const char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
                    out += buf;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

}  // namespace

std::string_view atom_type_name(AtomType type) noexcept {
    switch (type) {
        case AtomType::integer: return "integer";
        case AtomType::real: return "real";
        case AtomType::boolean: return "boolean";
        case AtomType::string: return "string";
        case AtomType::uuid: return "uuid";
    }
    return "?";
}

int compare_atoms(const Atom& a, const Atom& b) noexcept {
    if (a.index() != b.index()) return three_way(a.index(), b.index());
    switch (atom_type(a)) {
        case AtomType::integer: return three_way(std::get<std::int64_t>(a), std::get<std::int64_t>(b));
        case AtomType::real: return three_way(std::get<double>(a), std::get<double>(b));
        case AtomType::boolean: return three_way(std::get<bool>(a), std::get<bool>(b));
        case AtomType::string: {
            const int c = std::get<std::string>(a).compare(std::get<std::string>(b));
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        }
        case AtomType::uuid: return three_way(std::get<Uuid>(a), std::get<Uuid>(b));
    }
    return 0;
}

std::string atom_to_text(const Atom& atom) {
    switch (atom_type(atom)) {
        case AtomType::integer: return std::to_string(std::get<std::int64_t>(atom));
        case AtomType::real: {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*g", DBL_DIG, std::get<double>(atom));
            return buf;
        }
        case AtomType::boolean: return std::get<bool>(atom) ? "true" : "false";
        case AtomType::string: {
            const auto& s = std::get<std::string>(atom);
            if (!string_needs_quotes(s)) return s;
            std::string out;
            append_json_string(out, s);
            return out;
        }
        case AtomType::uuid: return std::get<Uuid>(atom).to_string();
    }
    return {};
}

Datum Datum::set(std::vector<Atom> keys) { return Datum(Kind::set, std::move(keys), {}); }

Datum Datum::map(std::vector<Atom> keys, std::vector<Atom> values) {
    return Datum(Kind::map, std::move(keys), std::move(values));
}

Datum Datum::scalar(Atom atom) {
    std::vector<Atom> keys;
    keys.push_back(std::move(atom));
    return Datum(Kind::set, std::move(keys), {});
}

const Atom* Datum::single() const noexcept {
    return keys_.size() == 1 && kind_ == Kind::set ? &keys_.front() : nullptr;
}

const std::string* Datum::as_string() const noexcept {
    const Atom* a = single();
    return a ? std::get_if<std::string>(a) : nullptr;
}

std::optional<std::int64_t> Datum::as_integer() const noexcept {
    const Atom* a = single();
    if (const auto* i = a ? std::get_if<std::int64_t>(a) : nullptr) return *i;
    return std::nullopt;
}

std::optional<double> Datum::as_real() const noexcept {
    const Atom* a = single();
    if (const auto* d = a ? std::get_if<double>(a) : nullptr) return *d;
    if (const auto i = as_integer()) return static_cast<double>(*i);
    return std::nullopt;
}

std::optional<bool> Datum::as_boolean() const noexcept {
    const Atom* a = single();
    if (const auto* b = a ? std::get_if<bool>(a) : nullptr) return *b;
    return std::nullopt;
}

std::optional<Uuid> Datum::as_uuid() const noexcept {
    const Atom* a = single();
    if (const auto* u = a ? std::get_if<Uuid>(a) : nullptr) return *u;
    return std::nullopt;
}

std::size_t Datum::lower_bound(const Atom& key) const noexcept {
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), key,
                                     [](const Atom& a, const Atom& b) { return compare_atoms(a, b) < 0; });
    return static_cast<std::size_t>(it - keys_.begin());
}

const Atom* Datum::find(const Atom& key) const noexcept {
    if (!is_map()) return nullptr;
    const std::size_t i = lower_bound(key);
    return i < keys_.size() && compare_atoms(keys_[i], key) == 0 ? &values_[i] : nullptr;
}

const std::string* Datum::find_string(std::string_view key) const {
    const Atom* value = find(Atom(std::string(key)));
    return value ? std::get_if<std::string>(value) : nullptr;
}

bool Datum::contains(const Atom& key) const noexcept {
    const std::size_t i = lower_bound(key);
    return i < keys_.size() && compare_atoms(keys_[i], key) == 0;
}

bool Datum::normalize() {
    const auto less = [](const Atom& a, const Atom& b) { return compare_atoms(a, b) < 0; };
    if (!std::is_sorted(keys_.begin(), keys_.end(), less)) {
        if (is_map()) {
            std::vector<std::size_t> order(keys_.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return less(keys_[a], keys_[b]); });
            std::vector<Atom> keys, values;
            keys.reserve(order.size());
            values.reserve(order.size());
            for (const std::size_t i : order) {
                keys.push_back(std::move(keys_[i]));
                values.push_back(std::move(values_[i]));
            }
            keys_ = std::move(keys);
            values_ = std::move(values);
        } else {
            std::sort(keys_.begin(), keys_.end(), less);
        }
    }
    for (std::size_t i = 1; i < keys_.size(); ++i) {
        if (compare_atoms(keys_[i - 1], keys_[i]) == 0) return false;
    }
    return true;
}

void Datum::apply_diff(const Datum& diff) {
    std::vector<Atom> keys, values;
    keys.reserve(keys_.size() + diff.keys_.size());
    if (is_map()) values.reserve(keys.capacity());
    std::size_t i = 0, d = 0;
    const auto take_mine = [&] {
        keys.push_back(std::move(keys_[i]));
        if (is_map()) values.push_back(std::move(values_[i]));
        ++i;
    };
    const auto take_diff = [&] {
        keys.push_back(diff.keys_[d]);
        if (is_map()) values.push_back(diff.values_[d]);
        ++d;
    };
    while (i < keys_.size() || d < diff.keys_.size()) {
        const int c = i == keys_.size()             ? 1
                      : d == diff.keys_.size()      ? -1
                                                    : compare_atoms(keys_[i], diff.keys_[d]);
        if (c < 0) {
            take_mine();
        } else if (c > 0) {
            take_diff();
        } else if (is_map() && compare_atoms(values_[i], diff.values_[d]) != 0) {
            ++i;
            take_diff();  // updated value
        } else {
            ++i;  // removed
            ++d;
        }
    }
    keys_ = std::move(keys);
    values_ = std::move(values);
}

std::string Datum::to_text() const {
    std::string out(1, is_map() ? '{' : '[');
    for (std::size_t i = 0; i < keys_.size(); ++i) {
        if (i > 0) out += ", ";
        out += atom_to_text(keys_[i]);
        if (is_map()) {
            out += '=';
            out += atom_to_text(values_[i]);
        }
    }
    out += is_map() ? '}' : ']';
    return out;
}

bool operator==(const Datum& a, const Datum& b) noexcept {
    if (a.kind_ != b.kind_ || a.keys_.size() != b.keys_.size()) return false;
    for (std::size_t i = 0; i < a.keys_.size(); ++i) {
        if (compare_atoms(a.keys_[i], b.keys_[i]) != 0) return false;
        if (a.is_map() && compare_atoms(a.values_[i], b.values_[i]) != 0) return false;
    }
    return true;
}

}  // namespace ovnsim
