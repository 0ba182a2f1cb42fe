// The match language grammar (lib/expr.c:expr_parse__, expr_parse_not, expr_parse_primary).
//
// OVN parses matches LL(1) over tokens, with checks that depend on what was just read (only
// an atomic operand may follow `!`, `&&` and `||` may not be mixed, a range must point one
// way), so each production is a small X3 parser with an explicit body; the tokens are the
// X3 lexemes of lexemes.hpp.
#include <boost/container/small_vector.hpp>

#include "parser/lexemes.hpp"
#include "parser/match_ast.hpp"

namespace ovnsim {
namespace {

using namespace lexemes;

constexpr unsigned kMaxParenDepth = 100;  // lib/expr.c MAX_PAREN_DEPTH

x3::rule<class match_expr_class, MatchExpr> const match_expr = "match";

bool is_ordering(RelOp op) { return op != RelOp::Eq && op != RelOp::Ne; }
bool is_less(RelOp op) { return op == RelOp::Lt || op == RelOp::Le; }
bool is_greater(RelOp op) { return op == RelOp::Gt || op == RelOp::Ge; }

// 1 for integers (and address sets), 2 for strings (and port groups), 0 when unknown.
int constant_type(const Constant& c) {
    switch (c.kind()) {
    case Constant::Kind::Integer:
    case Constant::Kind::AddressSet: return 1;
    case Constant::Kind::String:
    case Constant::Kind::PortGroup: return 2;
    case Constant::Kind::Template: return 0;
    }
    return 0;
}

// `c` or `{c1, c2, ...}`: commas optional, a trailing one allowed, all of one type.
struct constant_set_parser : token_parser<constant_set_parser, ConstantSet> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, ConstantSet& out) const {
        const char* start = next_token(first, last, ctx);
        const NodeLoc loc = location(ctx, start);
        Constant c;
        if (!accept('{', first, last, ctx, rctx)) {
            if (!constant.parse(first, last, ctx, rctx, c)) return false;
            out = ConstantSet({&c, 1}, false, loc);
            return true;
        }
        boost::container::small_vector<Constant, 8> values;
        int set_type = 0;
        do {
            const char* where = next_token(first, last, ctx);
            expect(constant, "constant", first, last, ctx, rctx, c);
            const int type = constant_type(c);
            if (set_type != 0 && type != 0 && type != set_type)
                fail_syntax(where, set_type == 1 ? "expecting integer" : "expecting string");
            if (type != 0) set_type = type;
            values.push_back(c);
            accept(',', first, last, ctx, rctx);
        } while (!accept('}', first, last, ctx, rctx));
        out = ConstantSet({values.data(), values.size()}, true, loc);
        return true;
    }
};
constexpr constant_set_parser constant_set{};

// The checks of lib/expr.c:make_cmp that do not need the symbol table.
void check_relop(RelOp op, const ConstantSet& set, const char* where) {
    if (!is_ordering(op)) return;
    if (set.in_curlies) fail_plain(where, "Only == and != operators may be used with value sets.");
    if (set.front().masked()) {
        fail_plain(where,
                   "Only == and != operators may be used with masked constants.  Consider using "
                   "subfields instead (e.g. eth.src[0..15] > 0x1111 in place of "
                   "eth.src > 00:00:00:00:11:11/00:00:00:00:ff:ff).");
    }
}

// `0` and `1` alone are the booleans.
bool is_boolean(const ConstantSet& set) {
    if (set.in_curlies || set.size() != 1) return false;
    const Constant& c = set.front();
    return c.is_integer() && c.format() == IntegerFormat::Decimal && !c.masked() && c.value() <= Bits128(1);
}

struct Primary {
    MatchExpr expr;
    bool atomic = false;  // may follow `!` without parentheses
};

struct primary_parser : token_parser<primary_parser, Primary> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, Primary& out) const {
        const char* start = next_token(first, last, ctx);
        const NodeLoc loc = location(ctx, start);
        out.atomic = true;
        if (accept('(', first, last, ctx, rctx)) {
            ParseState& state = parse_state(ctx);
            if (state.depth >= kMaxParenDepth) fail_plain(start, "Parentheses nested too deeply.");
            ++state.depth;
            match_expr.parse(first, last, ctx, rctx, out.expr);
            --state.depth;
            expect(')', "`)'", first, last, ctx, rctx);
            return true;
        }
        FieldRef field;
        if (lexemes::field.parse(first, last, ctx, rctx, field)) {
            if (!field.has_bits && accept('(', first, last, ctx, rctx)) {
                out.expr.node = parse_function_call(field.name, start, first, last, ctx, rctx);
            } else {
                parse_field_first(std::move(field), loc, first, last, ctx, rctx, out);
            }
            return true;
        }
        ConstantSet constants;
        if (!constant_set.parse(first, last, ctx, rctx, constants)) fail_syntax(start, "expecting constant");
        parse_constant_first(std::move(constants), start, loc, first, last, ctx, rctx, out);
        return true;
    }

private:
    template <class Context, class RContext>
    static MatchChassisResident parse_function_call(std::string_view name, const char* start, const char*& first,
                                                    const char* last, const Context& ctx, RContext& rctx) {
        if (name != "is_chassis_resident") {
            fail_plain(start, "Unknown function `" + std::string(name) +
                                  "': the only function a match may call is is_chassis_resident.");
        }
        const char* where = next_token(first, last, ctx);
        Constant port;
        if (!constant.parse(first, last, ctx, rctx, port) || !port.is_string()) fail_syntax(where, "expecting string");
        expect(')', "`)'", first, last, ctx, rctx);
        return MatchChassisResident{port.string(), location(ctx, start)};
    }

    // `field`, `field op constants`.
    template <class Context, class RContext>
    static void parse_field_first(FieldRef field, NodeLoc loc, const char*& first, const char* last,
                                  const Context& ctx, RContext& rctx, Primary& out) {
        const char* where = next_token(first, last, ctx);
        RelOp op;
        if (relop.parse(first, last, ctx, rctx, op)) {
            const char* set_start = next_token(first, last, ctx);
            MatchComparison cmp{std::move(field), op, false, {}, loc};
            expect(constant_set, "constant", first, last, ctx, rctx, cmp.constants);
            check_relop(op, cmp.constants, set_start);
            out.expr.node = std::move(cmp);
            out.atomic = false;
        } else if (accept(equals, first, last, ctx, rctx)) {
            fail_syntax(where, "expecting relational operator");
        } else {
            out.expr.node = MatchFieldTest{std::move(field), loc};
        }
    }

    // `0`, `1`, `constants op field`, `constants op field op constants`.
    template <class Context, class RContext>
    static void parse_constant_first(ConstantSet low, const char* start, NodeLoc loc, const char*& first,
                                     const char* last, const Context& ctx, RContext& rctx, Primary& out) {
        const char* where = next_token(first, last, ctx);
        RelOp low_op;
        if (!relop.parse(first, last, ctx, rctx, low_op)) {
            if (!is_boolean(low)) fail_syntax(where, "expecting relational operator");
            out.expr.node = MatchBool{!low.front().value().is_zero(), loc};
            return;
        }
        FieldRef field;
        expect(lexemes::field, "field name", first, last, ctx, rctx, field);
        const char* high_start = next_token(first, last, ctx);
        RelOp high_op;
        out.atomic = false;
        if (!relop.parse(first, last, ctx, rctx, high_op)) {
            check_relop(low_op, low, start);
            out.expr.node = MatchComparison{std::move(field), relop_turned(low_op), true, std::move(low), loc};
            return;
        }
        ConstantSet high;
        expect(constant_set, "constant", first, last, ctx, rctx, high);
        if (!((is_less(low_op) && is_less(high_op)) || (is_greater(low_op) && is_greater(high_op)))) {
            fail_plain(high_start,
                       "Range expressions must have the form `x < field < y' or `x > field > y', with each "
                       "`<' optionally replaced by `<=' or `>' by `>=').");
        }
        check_relop(low_op, low, start);
        check_relop(high_op, high, high_start);
        out.expr.node = MatchRange{Box<ConstantSet>(std::move(low)), low_op, std::move(field), high_op,
                                   Box<ConstantSet>(std::move(high)), loc};
    }
};
constexpr primary_parser primary{};

// `!primary` (the primary must be atomic) or `primary`.
struct not_parser : token_parser<not_parser, MatchExpr> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, MatchExpr& out) const {
        const char* start = next_token(first, last, ctx);
        const bool negated = accept(not_op, first, last, ctx, rctx);
        Primary operand;
        primary.parse(first, last, ctx, rctx, operand);
        if (!negated) {
            out = std::move(operand.expr);
        } else if (!operand.atomic) {
            fail_plain(start, "Missing parentheses around operand of !.");
        } else {
            out.node = MatchNot{Box<MatchExpr>(std::move(operand.expr)), location(ctx, start)};
        }
        return true;
    }
};
constexpr not_parser negation{};

// `not (&& not)*` or `not (|| not)*`; `&&` and `||` together need parentheses.
struct expr_parser : token_parser<expr_parser, MatchExpr> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, MatchExpr& out) const {
        const char* start = next_token(first, last, ctx);
        MatchExpr head;
        negation.parse(first, last, ctx, rctx, head);
        const bool is_and = accept(and_op, first, last, ctx, rctx);
        if (!is_and && !accept(or_op, first, last, ctx, rctx)) {
            out = std::move(head);
            return true;
        }
        // Collected on the stack, then moved into a vector of the exact size.
        boost::container::small_vector<MatchExpr, 8> collected;
        collected.push_back(std::move(head));
        do {
            collected.emplace_back();
            negation.parse(first, last, ctx, rctx, collected.back());
        } while (is_and ? accept(and_op, first, last, ctx, rctx) : accept(or_op, first, last, ctx, rctx));
        std::vector<MatchExpr> operands(std::make_move_iterator(collected.begin()),
                                        std::make_move_iterator(collected.end()));
        const char* next = next_token(first, last, ctx);
        if (accept(and_op, first, last, ctx, rctx) || accept(or_op, first, last, ctx, rctx))
            fail_plain(next, "&& and || must be parenthesized when used together.");
        const NodeLoc loc = location(ctx, start);
        if (is_and) {
            out.node = MatchAnd{std::move(operands), loc};
        } else {
            out.node = MatchOr{std::move(operands), loc};
        }
        return true;
    }
};

auto const match_expr_def = expr_parser{};
BOOST_SPIRIT_DEFINE(match_expr)

// The whole text: one expression, then nothing else.
struct whole_match_parser : token_parser<whole_match_parser, MatchExpr> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, MatchExpr& out) const {
        match_expr.parse(first, last, ctx, rctx, out);
        if (next_token(first, last, ctx) != last) fail_syntax(first, "expecting end of input");
        return true;
    }
};

}  // namespace

MatchExpr parse_match(std::string_view text, const TextOrigin& origin) {
    MatchExpr out;
    parse_text(whole_match_parser{}, text, origin, out);
    return out;
}

}  // namespace ovnsim
