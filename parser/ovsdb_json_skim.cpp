#include "parser/ovsdb_json_skim.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>

#include "parser/ovsdb_row_index_formats.hpp"
#include "parser/ovsdb_text_atoms.hpp"

namespace ovnsim {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

char JsonSkimmer::peek() {
    while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
    return pos_ < text_.size() ? text_[pos_] : '\0';
}

bool JsonSkimmer::consume(char c) {
    if (peek() != c || c == '\0') return false;
    ++pos_;
    return true;
}

bool JsonSkimmer::skip_string() {
    const char* const begin = text_.data();
    const char* const end = begin + text_.size();
    const char* p = begin + pos_ + 1;
    while (true) {
        const auto* quote = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (quote == nullptr) return false;
        // Escaped when an odd number of backslashes precedes it.
        std::size_t backslashes = 0;
        for (const char* q = quote; q > p && q[-1] == '\\'; --q) ++backslashes;
        p = quote + 1;
        if (backslashes % 2 == 0) break;
    }
    pos_ = static_cast<std::size_t>(p - begin);
    return true;
}

bool JsonSkimmer::skip_value() {
    const char c = peek();
    if (c == '"') return skip_string();
    if (c == '[' || c == '{') {
        std::size_t depth = 0;
        while (pos_ < text_.size()) {
            const char d = text_[pos_];
            if (d == '"') {
                if (!skip_string()) return false;
                continue;
            }
            ++pos_;
            if (d == '[' || d == '{') {
                ++depth;
            } else if (d == ']' || d == '}') {
                if (--depth == 0) return true;
            }
        }
        return false;
    }
    // A number or a literal: up to the next separator.
    const std::size_t start = pos_;
    while (pos_ < text_.size()) {
        const char d = text_[pos_];
        if (d == ',' || d == ']' || d == '}' || d == ':' || is_blank(d) || d == '"' || d == '[' || d == '{') break;
        ++pos_;
    }
    return pos_ > start;
}

std::optional<std::string_view> JsonSkimmer::plain_string() {
    if (peek() != '"') return std::nullopt;
    const std::size_t start = pos_;
    if (!skip_string()) {
        pos_ = start;
        return std::nullopt;
    }
    const std::string_view body = text_.substr(start + 1, pos_ - start - 2);
    if (body.find('\\') != std::string_view::npos) {
        pos_ = start;
        return std::nullopt;
    }
    return body;
}

bool JsonSkimmer::string(std::string& out) {
    if (peek() != '"') return false;
    const std::size_t start = pos_;
    if (!skip_string()) return false;
    const std::string_view body = text_.substr(start + 1, pos_ - start - 2);
    if (body.find('\\') == std::string_view::npos) {
        out.assign(body);
        return true;
    }
    return ovsdb_text::unescape_json_string(body, out).empty();
}

std::optional<Uuid> skim_uuid_atom(JsonSkimmer& s) {
    if (!s.consume('[') || s.plain_string() != "uuid" || !s.consume(',')) return std::nullopt;
    const auto text = s.plain_string();
    if (!text || !s.consume(']')) return std::nullopt;
    return Uuid::parse(*text);
}

namespace {

std::optional<Atom> skim_atom(JsonSkimmer& s) {
    const char c = s.peek();
    if (c == '"') {
        const std::size_t start = s.pos();
        std::string text;
        if (!s.string(text)) return std::nullopt;
        const std::string_view raw = s.text().substr(start, s.pos() - start);
        // JSON forbids raw control characters in strings: the full parser says so.
        if (std::any_of(raw.begin(), raw.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x20; }))
            return std::nullopt;
        return Atom(std::move(text));
    }
    if (c == '[') {
        if (const auto uuid = skim_uuid_atom(s)) return Atom(*uuid);
        return std::nullopt;
    }
    const std::size_t start = s.pos();
    if (!s.skip_value()) return std::nullopt;
    const std::string_view token = s.text().substr(start, s.pos() - start);
    if (token == "true") return Atom(true);
    if (token == "false") return Atom(false);
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
    return Atom(value);
}

}  // namespace

std::optional<std::string> skim_simple_datum(JsonSkimmer& s) {
    // ["set", []] or ["map", []]: empty.
    JsonSkimmer probe = s;
    const auto kind = probe.consume('[') ? probe.plain_string() : std::nullopt;
    if ((kind == "set" || kind == "map") && probe.consume(',') && probe.consume('[') && probe.consume(']') &&
        probe.consume(']')) {
        s = probe;
        return std::string();
    }
    probe = s;
    auto atom = skim_atom(probe);
    if (!atom) return std::nullopt;
    s = probe;
    if (auto* text = std::get_if<std::string>(&*atom)) return std::move(*text);
    return simple_atom_text(*atom);
}

std::optional<Datum> skim_wire_datum(JsonSkimmer& s) {
    JsonSkimmer probe = s;
    const auto tag = probe.consume('[') ? probe.plain_string() : std::nullopt;
    if (tag != "set" && tag != "map") {
        auto atom = skim_atom(s);
        if (!atom) return std::nullopt;
        return Datum::scalar(std::move(*atom));
    }
    if (!probe.consume(',') || !probe.consume('[')) return std::nullopt;
    std::vector<Atom> keys, values;
    if (!probe.consume(']')) {
        do {
            if (tag == "map" && !probe.consume('[')) return std::nullopt;
            auto key = skim_atom(probe);
            if (!key) return std::nullopt;
            keys.push_back(std::move(*key));
            if (tag == "map") {
                if (!probe.consume(',')) return std::nullopt;
                auto value = skim_atom(probe);
                if (!value || !probe.consume(']')) return std::nullopt;
                values.push_back(std::move(*value));
            }
        } while (probe.consume(','));
        if (!probe.consume(']')) return std::nullopt;
    }
    if (!probe.consume(']')) return std::nullopt;
    Datum datum = tag == "map" ? Datum::map(std::move(keys), std::move(values)) : Datum::set(std::move(keys));
    if (!datum.normalize()) return std::nullopt;
    s = probe;
    return datum;
}

}  // namespace ovnsim
