#include "parser/lexemes_scan.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include <nlohmann/json.hpp>

namespace ovnsim::lexemes {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// One integer without its mask, as lib/lex.c:lex_parse_integer__ reads it.
struct BareInteger {
    Bits128 value;
    IntegerFormat format = IntegerFormat::Decimal;
    std::string error;
};

// The extent of an integer token: alphanumerics, `:` until a `.` was seen (so that
// `1.2.3.4:80` is three tokens while `::ffff:1.2.3.4` is one), and `.` unless doubled
// (`1..5` is a bit range).
const char* integer_extent(const char* p, const char* end) {
    bool saw_dot = false;
    while (p < end) {
        const char c = *p;
        if (is_alnum(c) || (c == ':' && !saw_dot)) {
            ++p;
        } else if (c == '.' && !(p + 1 < end && p[1] == '.')) {
            saw_dot = true;
            ++p;
        } else {
            break;
        }
    }
    return p;
}

bool parse_mac(std::string_view s, Bits128& out) {
    if (s.size() != 17) return false;
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (i % 3 == 2) {
            if (s[i] != ':') return false;
            continue;
        }
        const int d = hex_digit(s[i]);
        if (d < 0) return false;
        v = (v << 4) | static_cast<unsigned>(d);
    }
    out = v;
    return true;
}

BareInteger parse_bare_integer(std::string_view s) {
    BareInteger r;
    if (s.empty()) {
        r.error = "Integer constant expected.";
    } else if (parse_mac(s, r.value)) {
        r.format = IntegerFormat::Ethernet;
    } else if (std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (s[0] == '0' && s.size() > 1) {
            r.error = "Decimal constants must not have leading zeros.";
            return r;
        }
        std::uint64_t v = 0;
        for (const char c : s) {
            const auto digit = static_cast<std::uint64_t>(c - '0');
            if (v > (UINT64_MAX - digit) / 10) {
                r.error = "Decimal constants must be less than 2**64.";
                return r;
            }
            v = v * 10 + digit;
        }
        r.value = v;
        r.format = IntegerFormat::Decimal;
    } else if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        if (s.size() == 2) {
            r.error = std::string("Hex digits expected following 0") + s[1] + ".";
            return r;
        }
        Bits128 v;
        unsigned significant = 0;
        for (const char c : s.substr(2)) {
            const int d = hex_digit(c);
            if (d < 0) {
                r.error = "Invalid syntax in hexadecimal constant.";
                return r;
            }
            if (significant > 0 || d != 0) ++significant;
            if (significant > 32) {
                r.error = "Hexadecimal constant requires more than 128 bits.";
                return r;
            }
            v = (v << 4) | Bits128(static_cast<std::uint64_t>(d));
        }
        r.value = v;
        r.format = IntegerFormat::Hexadecimal;
    } else if (s.size() < INET6_ADDRSTRLEN) {
        char copy[INET6_ADDRSTRLEN];
        std::memcpy(copy, s.data(), s.size());
        copy[s.size()] = '\0';
        in_addr v4{};
        in6_addr v6{};
        if (inet_pton(AF_INET, copy, &v4) == 1) {
            r.value = ntohl(v4.s_addr);
            r.format = IntegerFormat::Ipv4;
        } else if (inet_pton(AF_INET6, copy, &v6) == 1) {
            std::uint64_t high = 0, low = 0;
            for (int i = 0; i < 8; ++i) high = (high << 8) | v6.s6_addr[i];
            for (int i = 8; i < 16; ++i) low = (low << 8) | v6.s6_addr[i];
            r.value = Bits128::from_parts(high, low);
            r.format = IntegerFormat::Ipv6;
        } else {
            r.error = "Invalid numeric constant.";
        }
    } else {
        r.error = "Invalid numeric constant.";
    }
    return r;
}

// Combines a value and the integer after its `/` as lib/lex.c:lex_parse_mask does.
std::string make_masked(const BareInteger& value, const BareInteger& mask, Constant& out) {
    const Bits128 prefix_bits = mask.value;
    IntegerFormat format = value.format;
    Bits128 bits;
    if (value.format == mask.format) {
        bits = mask.value;
    } else if (value.format == IntegerFormat::Ipv4 && mask.format == IntegerFormat::Decimal &&
               prefix_bits <= Bits128(32)) {
        const auto n = static_cast<unsigned>(prefix_bits.low());
        bits = Bits128::mask(32 - n, n);
    } else if (value.format == IntegerFormat::Ipv6 && mask.format == IntegerFormat::Decimal &&
               prefix_bits <= Bits128(128)) {
        const auto n = static_cast<unsigned>(prefix_bits.low());
        bits = Bits128::mask(128 - n, n);
    } else if (value.format == IntegerFormat::Decimal && mask.format == IntegerFormat::Hexadecimal &&
               value.value.is_zero()) {
        format = IntegerFormat::Hexadecimal;  // `0/0x1234`
        bits = mask.value;
    } else {
        return "Value and mask have incompatible formats.";
    }
    out = Constant::masked_integer(value.value, bits, format);
    return {};
}

// Length of the punctuation token at p (0 when p holds none).
std::size_t punctuation_length(const char* p, const char* end) {
    static constexpr std::string_view kLong[] = {"<->", "==", "!=", "<=", ">=", "&&", "||", "..", "--"};
    const std::string_view rest(p, static_cast<std::size_t>(end - p));
    for (const auto tok : kLong) {
        if (rest.substr(0, tok.size()) == tok) return tok.size();
    }
    return std::string_view("(){}[]<>!,;=:-").find(*p) != std::string_view::npos ? 1 : 0;
}

std::string lexical_error_at(const char* p, const char* end) {
    const char c = *p;
    switch (c) {
    case '&': return "`&' is only valid as part of `&&'.";
    case '|': return "`|' is only valid as part of `||'.";
    case '.': return "`.' is only valid as part of `..' or a number.";
    case '/': return "`/' is only valid as part of `//' or `/*'.";
    case '$': case '@': case '^':
        if (p + 1 >= end || !is_sigil_name_start(p[1]))
            return std::string("`") + c + "' must be followed by a valid identifier.";
        return {};
    default: break;
    }
    if (std::isprint(static_cast<unsigned char>(c))) return std::string("Invalid character `") + c + "' in input.";
    char buf[40];
    std::snprintf(buf, sizeof buf, "Invalid byte 0x%02x in input.", static_cast<unsigned char>(c));
    return buf;
}

}  // namespace

void fail_syntax(const char* where, std::string message) {
    throw ParseFailure{where, ParseFailure::Style::Syntax, std::move(message)};
}

void fail_plain(const char* where, std::string message) {
    throw ParseFailure{where, ParseFailure::Style::Plain, std::move(message)};
}

const char* skip_blanks_and_comments(const char* p, const char* end) {
    while (p < end) {
        const char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            ++p;
        } else if (c == '/' && p + 1 < end && p[1] == '/') {
            p = std::find(p + 2, end, '\n');
        } else if (c == '/' && p + 1 < end && p[1] == '*') {
            const char* q = p + 2;
            while (q < end && *q != '\n' && !(*q == '*' && q + 1 < end && q[1] == '/')) ++q;
            if (q >= end || *q == '\n') fail_plain(p, "`/*' without matching `*/'.");
            p = q + 2;
        } else {
            break;
        }
    }
    return p;
}

bool starts_integer(const char* p, const char* end) {
    if (p >= end) return false;
    const char c = *p;
    if (c >= '0' && c <= '9') return true;
    if (c == ':') return p + 1 < end && p[1] == ':';
    if (hex_digit(c) < 0) return false;
    const char* q = p;
    while (q < end && hex_digit(*q) >= 0) ++q;
    return q < end && *q == ':';
}

IntegerScan scan_integer(const char* p, const char* end) {
    IntegerScan out{p, {}, {}};
    const char* value_end = integer_extent(p, end);
    const BareInteger value = parse_bare_integer({p, static_cast<std::size_t>(value_end - p)});
    out.end = value_end;
    if (!value.error.empty()) {
        out.error = value.error;
    } else if (value_end < end && *value_end == '/') {
        const char* mask_start = value_end + 1;
        const char* mask_end = integer_extent(mask_start, end);
        out.end = mask_end;
        const BareInteger mask = parse_bare_integer({mask_start, static_cast<std::size_t>(mask_end - mask_start)});
        out.error = mask.error.empty() ? make_masked(value, mask, out.constant) : mask.error;
    } else {
        out.constant = Constant::integer(value.value, value.format);
    }
    return out;
}

StringScan scan_string(const char* p, const char* end) {
    StringScan out{p, {}, {}};
    const char* q = p + 1;
    bool escaped = false;
    while (q < end && *q != '"') {
        if (*q == '\\') {
            escaped = true;
            if (++q == end) break;
        }
        ++q;
    }
    if (q >= end) {
        out.end = end;
        out.error = "Input ends inside quoted string.";
        return out;
    }
    out.end = q + 1;
    out.constant = Constant::string(std::string_view(p + 1, static_cast<std::size_t>(q - (p + 1))));
    if (escaped && !nlohmann::json::accept("\"" + std::string(out.constant.string().raw) + "\""))
        out.error = "Invalid escape sequence in quoted string.";
    return out;
}

TokenScan scan_token(const char* p, const char* end) {
    TokenScan out{{}, {}, p};
    try {
        p = skip_blanks(p, end);
    } catch (const ParseFailure& f) {
        out.start = f.where;
        out.error = f.message;
        return out;
    }
    out.start = p;
    if (p >= end) return out;
    const auto token = [&](const char* token_end) {
        out.text = std::string_view(p, static_cast<std::size_t>(token_end - p));
    };
    if (*p == '"') {
        StringScan s = scan_string(p, end);
        out.error = std::move(s.error);
        token(s.end);
    } else if (starts_integer(p, end)) {
        IntegerScan s = scan_integer(p, end);
        out.error = std::move(s.error);
        token(s.end);
    } else if (is_id_start(*p)) {
        const char* q = p + 1;
        while (q < end && is_id_char(*q)) ++q;
        token(q);
    } else if (const auto n = punctuation_length(p, end); n > 0) {
        token(p + n);
    } else {
        out.error = lexical_error_at(p, end);
        if (out.error.empty()) {  // a well-formed `$name`, `@name` or `^name`
            const char* q = p + 1;
            while (q < end && is_id_char(*q)) ++q;
            token(q);
        }
    }
    return out;
}

std::string decode_json_string(std::string_view raw) {
    if (raw.find('\\') == std::string_view::npos) return std::string(raw);
    return nlohmann::json::parse("\"" + std::string(raw) + "\"").get<std::string>();
}

LocationMap::LocationMap(std::string_view text, const TextOrigin& origin)
    : begin_(text.data()), origin_(origin) {
    for (const char* p = text.data(), *end = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;
         ++p) {
        line_starts_.push_back(static_cast<std::uint32_t>(p + 1 - begin_));
    }
}

NodeLoc LocationMap::at(const char* p) const {
    const auto offset = static_cast<std::uint32_t>(p - begin_);
    const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const auto line_index = static_cast<std::uint32_t>(after - line_starts_.begin());
    NodeLoc loc;
    loc.line = origin_.start.line + line_index;
    loc.column = line_index == 0 ? origin_.start.column + offset : offset - *(after - 1) + 1;
    return loc;
}

InputError to_input_error(const ParseFailure& failure, std::string_view text, const TextOrigin& origin) {
    const char* end = text.data() + text.size();
    const TokenScan token = scan_token(failure.where, end);
    std::string message;
    if (!token.error.empty()) {
        message = token.error;
    } else if (failure.style == ParseFailure::Style::Syntax) {
        message = token.text.empty() ? "Syntax error at end of input"
                                     : "Syntax error at `" + std::string(token.text) + "'";
        if (!failure.message.empty()) message += " " + failure.message;
        message += ".";
    } else {
        message = failure.message;
    }
    return InputError(std::string(origin.file), LocationMap(text, origin).at(token.start), std::move(message));
}

}  // namespace ovnsim::lexemes
