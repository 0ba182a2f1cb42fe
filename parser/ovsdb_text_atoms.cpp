#include "parser/ovsdb_text_atoms.hpp"

#include <charconv>

namespace ovnsim::ovsdb_text {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_simple_string(std::string_view s) {
    if (s.empty() || !(is_alpha(s[0]) || s[0] == '_')) return false;
    for (const char c : s) {
        if (!(is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == '.')) return false;
    }
    return true;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool read_hex4(std::string_view s, std::size_t at, unsigned& value) {
    if (at + 4 > s.size()) return false;
    value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const int v = hex_value(s[i]);
        if (v < 0) return false;
        value = (value << 4) | static_cast<unsigned>(v);
    }
    return true;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

std::variant<Atom, std::string> atom_from_bare_token(std::string_view token) {
    if (token == "true") return Atom(true);
    if (token == "false") return Atom(false);
    if (const auto uuid = Uuid::parse(token)) return Atom(*uuid);
    if (is_simple_string(token)) return Atom(std::string(token));
    const char* first = token.data();
    const char* last = first + token.size();
    std::int64_t integer = 0;
    auto [end, ec] = std::from_chars(first, last, integer);
    if (end == last) {
        if (ec == std::errc()) return Atom(integer);
        return "integer " + std::string(token) + " is out of range";
    }
    double real = 0;
    auto [real_end, real_ec] = std::from_chars(first, last, real);
    if (real_end == last && real_ec == std::errc() && !token.empty()) return Atom(real);
    std::string message(token);
    message += " is not an OVSDB value (strings that are not simple names are quoted)";
    return message;
}

std::string unescape_json_string(std::string_view body, std::string& out) {
    out.clear();
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c != '\\') {
            out += c;
            continue;
        }
        if (++i == body.size()) return "string ends with a lone backslash";
        switch (body[i]) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = 0;
                if (!read_hex4(body, i + 1, cp)) return "\\u must be followed by four hex digits";
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned low = 0;
                    if (i + 2 >= body.size() || body[i + 1] != '\\' || body[i + 2] != 'u' ||
                        !read_hex4(body, i + 3, low) || low < 0xDC00 || low > 0xDFFF) {
                        return "\\u escape is a lone high surrogate";
                    }
                    i += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return "\\u escape is a lone low surrogate";
                }
                if (cp == 0) return "\\u0000 is not allowed in an OVSDB string";
                append_utf8(out, cp);
                break;
            }
            default: return std::string("unknown escape \\") + body[i];
        }
    }
    return {};
}

}  // namespace ovnsim::ovsdb_text
