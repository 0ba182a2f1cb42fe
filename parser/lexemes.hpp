#pragma once
// Internal to the match and action grammars: the tokens of OVN's lexer (lib/lex.c) as
// Spirit X3 parsers, and the parse state both grammars share. Include only from
// parser/*.cpp (X3 stays out of public headers).
//
// Every parser here works on `const char*` iterators over the text being parsed, skips
// blanks and comments before its token (the grammars run under `blanks` as skipper), and
// throws ParseFailure for a malformed token: OVN reports a lexical error in preference to
// any syntax error, so no alternative can recover from one.
#include <boost/spirit/home/x3.hpp>

#include <climits>
#include <string_view>

#include "parser/lexemes_scan.hpp"
#include "parser/match_ast.hpp"

namespace ovnsim::lexemes {

namespace x3 = boost::spirit::x3;

// What the grammars share while parsing one text.
struct ParseState {
    LocationMap locations;
    unsigned depth = 0;  // open parentheses (match) or nested action blocks (actions)
};
struct parse_state_tag;

template <class Context>
ParseState& parse_state(const Context& ctx) {
    return x3::get<parse_state_tag>(ctx).get();
}

// Skips blanks and comments and returns the position of the next token.
template <class Context>
const char* next_token(const char*& first, const char* last, const Context& ctx) {
    x3::skip_over(first, last, ctx);
    return first;
}

template <class Context>
NodeLoc location(const Context& ctx, const char* where) {
    return parse_state(ctx).locations.at(where);
}

// Base of the hand-written token parsers: an X3 primitive with attribute A.
template <class Derived, class A>
struct token_parser : x3::parser<Derived> {
    using attribute_type = A;
    static bool const has_attribute = !std::is_same_v<A, x3::unused_type>;
};

// The skipper: white space, `//` and `/* */` comments.
struct blanks_parser : token_parser<blanks_parser, x3::unused_type> {
    template <class Context, class RContext, class Attribute>
    bool parse(const char*& first, const char* last, const Context&, RContext&, Attribute&) const {
        const char* p = skip_blanks(first, last);
        if (p == first) return false;
        first = p;
        return true;
    }
};
inline constexpr blanks_parser blanks{};

// Succeeds, consuming nothing, where the next token is an integer (`fe80::1` and
// `aa:bb:cc:dd:ee:ff` begin with letters but are not identifiers).
struct integer_ahead_parser : token_parser<integer_ahead_parser, x3::unused_type> {
    template <class Context, class RContext, class Attribute>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext&, Attribute&) const {
        return starts_integer(next_token(first, last, ctx), last);
    }
};
inline constexpr integer_ahead_parser integer_ahead{};

inline auto const identifier_start = x3::char_("a-zA-Z_");
inline auto const identifier_char = x3::char_("a-zA-Z0-9_.");

inline auto const to_string_view = [](auto& ctx) {
    const auto& range = x3::_attr(ctx);
    x3::_val(ctx) = std::string_view(range.begin(), static_cast<std::size_t>(range.end() - range.begin()));
};

// `reg0`, `ct.new`, `ip4.src`, `ct_mark.obs_collector_id`.
x3::rule<class identifier_class, std::string_view> const identifier = "identifier";
inline auto const identifier_def =
    x3::raw[x3::lexeme[!integer_ahead >> identifier_start >> *identifier_char]][to_string_view];
BOOST_SPIRIT_DEFINE(identifier)

// The identifier `word` exactly (not a longer identifier that starts with it).
inline auto keyword(const char* word) { return x3::lexeme[x3::lit(word) >> !identifier_char]; }

// Punctuation tokens, each refusing to match the start of a longer token.
inline auto const and_op = x3::lit("&&");
inline auto const or_op = x3::lit("||");
inline auto const not_op = x3::lexeme[x3::lit('!') >> !x3::lit('=')];
inline auto const equals = x3::lexeme[x3::lit('=') >> !x3::lit('=')];
inline auto const exchange = x3::lit("<->");
inline auto const decrement = x3::lit("--");
inline auto const ellipsis = x3::lit("..");

struct relop_table : x3::symbols<RelOp> {
    relop_table() {
        add("==", RelOp::Eq)("!=", RelOp::Ne)("<", RelOp::Lt)("<=", RelOp::Le)(">", RelOp::Gt)(">=", RelOp::Ge);
    }
};
inline const relop_table relops;
inline auto const relop = !exchange >> relops;

// A lexically valid integer, string, `$name`, `@name` or `^name`; fails (consuming
// nothing) on any other token, throws on a malformed one.
struct constant_parser : token_parser<constant_parser, Constant> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext&, Constant& out) const {
        const char* p = next_token(first, last, ctx);
        if (p >= last) return false;
        if (*p == '"') {
            StringScan s = scan_string(p, last);
            if (!s.error.empty()) fail_plain(p, std::move(s.error));
            out = s.constant;
            first = s.end;
        } else if (starts_integer(p, last)) {
            IntegerScan s = scan_integer(p, last);
            if (!s.error.empty()) fail_plain(p, std::move(s.error));
            out = s.constant;
            first = s.end;
        } else if (*p == '$' || *p == '@' || *p == '^') {
            if (p + 1 >= last || !is_sigil_name_start(p[1])) fail_plain(p, {});
            const char* q = p + 2;
            while (q < last && is_id_char(*q)) ++q;
            const auto kind = *p == '$'   ? Constant::Kind::AddressSet
                              : *p == '@' ? Constant::Kind::PortGroup
                                          : Constant::Kind::Template;
            out = Constant::named(kind, std::string_view(p + 1, static_cast<std::size_t>(q - p - 1)));
            first = q;
        } else {
            return false;
        }
        out.loc = location(ctx, p);
        return true;
    }
};
inline constexpr constant_parser constant{};

// A decimal integer, unmasked. Fails, consuming nothing, on any other token.
struct decimal_parser : token_parser<decimal_parser, std::uint64_t> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, std::uint64_t& out) const {
        const char* save = first;
        Constant c;
        if (!constant.parse(first, last, ctx, rctx, c)) return false;
        if (!c.is_integer() || c.format() != IntegerFormat::Decimal || c.masked()) {
            first = save;
            return false;
        }
        out = c.value().low();
        return true;
    }
};
inline constexpr decimal_parser decimal{};

// Parses `p` at `first` or throws "Syntax error at `...' expecting <what>.".
template <class Parser, class Context, class RContext, class Attribute>
void expect(const Parser& p, const char* what, const char*& first, const char* last, const Context& ctx,
            RContext& rctx, Attribute& attr) {
    if (!x3::as_parser(p).parse(first, last, ctx, rctx, attr)) fail_syntax(first, std::string("expecting ") + what);
}
template <class Parser, class Context, class RContext>
void expect(const Parser& p, const char* what, const char*& first, const char* last, const Context& ctx,
            RContext& rctx) {
    x3::unused_type unused;
    expect(p, what, first, last, ctx, rctx, unused);
}
// Parses `p` if it is next; true if it was.
template <class Parser, class Context, class RContext>
bool accept(const Parser& p, const char*& first, const char* last, const Context& ctx, RContext& rctx) {
    x3::unused_type unused;
    return x3::as_parser(p).parse(first, last, ctx, rctx, unused);
}

// A decimal integer no larger than `max` (OVN's "small integer" is at most INT_MAX).
template <class Context, class RContext>
std::uint32_t expect_small_integer(const char*& first, const char* last, const Context& ctx, RContext& rctx,
                                   std::uint32_t max = INT_MAX) {
    const char* where = next_token(first, last, ctx);
    std::uint64_t v = 0;
    if (!decimal.parse(first, last, ctx, rctx, v) || v > max) fail_syntax(where, "expecting small integer");
    return static_cast<std::uint32_t>(v);
}

// A field or subfield: `name`, `name[bit]`, `name[low..high]`.
struct field_parser : token_parser<field_parser, FieldRef> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, FieldRef& out) const {
        const char* start = next_token(first, last, ctx);
        if (!identifier.parse(first, last, ctx, rctx, out.name)) return false;
        out.loc = location(ctx, start);
        out.has_bits = false;
        if (accept('[', first, last, ctx, rctx)) {
            out.has_bits = true;
            out.low = out.high = static_cast<std::uint16_t>(expect_small_integer(first, last, ctx, rctx, UINT16_MAX));
            if (accept(ellipsis, first, last, ctx, rctx))
                out.high = static_cast<std::uint16_t>(expect_small_integer(first, last, ctx, rctx, UINT16_MAX));
            expect(']', "`]'", first, last, ctx, rctx);
            if (out.low > out.high) {
                fail_plain(start, "Invalid bit range " + std::to_string(out.low) + " to " +
                                      std::to_string(out.high) + ".");
            }
        }
        return true;
    }
};
inline constexpr field_parser field{};

// Runs `grammar` over `text` with `blanks` as skipper and turns a failure into an InputError
// located in the file. `grammar` must consume the whole text.
template <class Grammar, class Attribute>
void parse_text(const Grammar& grammar, std::string_view text, const TextOrigin& origin, Attribute& out) {
    ParseState state{LocationMap(text, origin)};
    const char* first = text.data();
    const char* last = first + text.size();
    try {
        const auto parser = x3::with<parse_state_tag>(std::ref(state))[grammar];
        x3::phrase_parse(first, last, parser, blanks, out);
    } catch (const ParseFailure& failure) {
        throw to_input_error(failure, text, origin);
    }
}

}  // namespace ovnsim::lexemes
