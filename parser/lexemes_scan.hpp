#pragma once
// Internal to the match and action grammars: the OVN lexer's rules (lib/lex.c) for the
// tokens whose extent or value does not follow from a simple pattern: integers in all their
// notations, masks, string literals, comments; plus how errors become InputErrors.
// Include only from parser/*.cpp.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parser/match_ast.hpp"

namespace ovnsim::lexemes {

// An identifier starts with a letter or `_` and goes on with letters, digits, `_` and `.`
// (so `ct.new` and `ip4.src` are single identifiers). A name after `$`, `@` or `^` may
// also start with `.`.
inline bool is_id_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
inline bool is_id_char(char c) { return is_id_start(c) || c == '.' || (c >= '0' && c <= '9'); }
inline bool is_sigil_name_start(char c) { return is_id_start(c) || c == '.'; }

// A parse failure at `where`, thrown by the grammars and turned into an InputError by
// to_input_error(). A Syntax failure is reported as "Syntax error at `TOKEN' <message>." (the
// token found at `where`); a Plain one as the message alone. Either way, when the text at
// `where` is not a valid token, the lexical error is reported instead, as OVN does.
struct ParseFailure {
    enum class Style : std::uint8_t { Syntax, Plain };
    const char* where;
    Style style;
    std::string message;
};
[[noreturn]] void fail_syntax(const char* where, std::string message);
[[noreturn]] void fail_plain(const char* where, std::string message);

// Skips white space, `// ...` and `/* ... */` comments (a `/*` comment must end on its own
// line). Throws ParseFailure on an unterminated comment.
const char* skip_blanks_and_comments(const char* p, const char* end);
inline const char* skip_blanks(const char* p, const char* end) {
    // Most tokens follow a single space or none: decide those without a call.
    if (p < end && *p == ' ') ++p;
    if (p == end || (*p > ' ' && *p != '/')) return p;
    return skip_blanks_and_comments(p, end);
}

// True when the text at p starts an integer token rather than an identifier: a digit, `::`,
// or hex digits followed by `:` (a MAC or IPv6 address such as `fe80::1`, `aa:bb:...`).
bool starts_integer(const char* p, const char* end);

// An integer token (with its optional `/mask`) at p, which starts_integer() accepted.
// On success `end` is past the token and `error` empty.
struct IntegerScan {
    const char* end;
    Constant constant;
    std::string error;
};
IntegerScan scan_integer(const char* p, const char* end);

// A string literal at p (which is `"`). On success `end` is past the closing quote.
struct StringScan {
    const char* end;
    Constant constant;
    std::string error;
};
StringScan scan_string(const char* p, const char* end);

// The token at p (after blanks) as OVN would print it in "Syntax error at `...'", or the
// lexical error that p holds. `text` empty and `error` empty means end of input.
struct TokenScan {
    std::string_view text;
    std::string error;
    const char* start;
};
TokenScan scan_token(const char* p, const char* end);

// JSON string unescaping of a literal's raw text (nlohmann_json does the work).
std::string decode_json_string(std::string_view raw);

// Maps positions in the parsed text to file locations.
class LocationMap {
public:
    LocationMap(std::string_view text, const TextOrigin& origin);
    NodeLoc at(const char* p) const;

private:
    const char* begin_;
    TextOrigin origin_;
    std::vector<std::uint32_t> line_starts_;  // offsets after each '\n'; empty for one line
};

InputError to_input_error(const ParseFailure& failure, std::string_view text, const TextOrigin& origin);

}  // namespace ovnsim::lexemes
