// The action language grammar (lib/actions.c:parse_actions, parse_action,
// parse_set_action). As in match_grammar.cpp, the productions are X3 parsers with explicit
// bodies over the X3 lexemes; the arguments of typed actions are in action_arguments.hpp.
#include <string>

#include <boost/container/small_vector.hpp>

#include "parser/action_arguments.hpp"
#include "parser/action_ast.hpp"
#include "parser/action_keywords.hpp"

namespace ovnsim {
namespace {

using namespace lexemes;
using action_keywords::Keyword;

constexpr unsigned kMaxNestedDepth = 32;  // lib/actions.c MAX_NESTED_ACTION_DEPTH

// `{ actions }`; fails, consuming nothing, when the next token is not `{`.
x3::rule<class action_block_class, ActionList> const action_block = "action block";

// The rest of `(...)` after its `(`: any lexically valid tokens with balanced (), [] and {}.
struct raw_arguments_parser : token_parser<raw_arguments_parser, RawArguments> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext&, RawArguments& out) const {
        const char* start = next_token(first, last, ctx);
        const char* content_end = start;
        std::string closers = ")";
        for (const char* p = start;;) {
            const TokenScan token = scan_token(p, last);
            if (!token.error.empty()) fail_plain(token.start, {});
            if (token.text.empty()) fail_syntax(token.start, std::string("expecting `") + closers.back() + "'");
            const char c = token.text.size() == 1 ? token.text[0] : '\0';
            if (c == '(' || c == '[' || c == '{') {
                closers.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
            } else if (c == ')' || c == ']' || c == '}') {
                if (c != closers.back()) fail_syntax(token.start, std::string("expecting `") + closers.back() + "'");
                closers.pop_back();
                if (closers.empty()) {
                    out.text = std::string_view(start, static_cast<std::size_t>(content_end - start));
                    out.loc = location(ctx, start);
                    first = token.start + 1;
                    return true;
                }
            }
            p = content_end = token.start + token.text.size();
        }
    }
};
constexpr raw_arguments_parser raw_arguments{};

// `(raw)` if the next token is `(`.
template <class Context, class RContext>
std::optional<RawArguments> parse_optional_arguments(const char*& first, const char* last, const Context& ctx,
                                                     RContext& rctx) {
    if (!accept('(', first, last, ctx, rctx)) return std::nullopt;
    RawArguments args;
    raw_arguments.parse(first, last, ctx, rctx, args);
    return args;
}

// `field = constant`, `field = field`, `field = function(args)`, `field <-> field`.
template <class Context, class RContext>
Action::Node parse_assignment(NodeLoc loc, const char*& first, const char* last, const Context& ctx,
                              RContext& rctx) {
    FieldRef left;
    expect(field, "field name", first, last, ctx, rctx, left);
    const char* where = next_token(first, last, ctx);
    if (accept(exchange, first, last, ctx, rctx)) {
        ExchangeAction exchange_action{std::move(left), {}, loc};
        expect(field, "field name", first, last, ctx, rctx, exchange_action.right);
        return exchange_action;
    }
    if (!accept(equals, first, last, ctx, rctx)) fail_syntax(where, "expecting `=' or `<->'");
    FieldRef source;
    if (field.parse(first, last, ctx, rctx, source)) {
        if (source.has_bits || !accept('(', first, last, ctx, rctx)) {
            return MoveAction{std::move(left), std::move(source), loc};
        }
        RawArguments args;
        raw_arguments.parse(first, last, ctx, rctx, args);
        if (action_keywords::is_function(source.name)) {
            return FunctionCallAction{std::move(left), source.name, args, loc};
        }
        return GenericAction{source.name, Box<FieldRef>(std::move(left)), args, {}, loc};
    }
    LoadAction load{std::move(left), {}, loc};
    expect(constant, "constant", first, last, ctx, rctx, load.value);
    return load;
}

// One action up to and including its `;`.
struct action_parser : token_parser<action_parser, Action> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, Action& out) const {
        const char* start = next_token(first, last, ctx);
        const NodeLoc loc = location(ctx, start);
        if (start < last && *start == '^') fail_plain(start, "Unexpanded template.");
        std::string_view name;
        if (!identifier.parse(first, last, ctx, rctx, name)) fail_syntax(start, "expecting action");
        if (accept(&(x3::lit('[') | equals | exchange), first, last, ctx, rctx)) {
            first = start;
            out.node = parse_assignment(loc, first, last, ctx, rctx);
        } else if (const auto* keyword = action_keywords::find_keyword(name)) {
            out.node = parse_keyword_action(*keyword, start, loc, first, last, ctx, rctx);
        } else {
            GenericAction generic{name, {}, parse_optional_arguments(first, last, ctx, rctx), {}, loc};
            ActionList body;
            if (action_block.parse(first, last, ctx, rctx, body)) generic.body = Box<ActionList>(std::move(body));
            out.node = std::move(generic);
        }
        expect(';', "`;'", first, last, ctx, rctx);
        return true;
    }

private:
    template <class Context, class RContext>
    static Action::Node parse_keyword_action(const action_keywords::KeywordInfo& keyword, const char* start,
                                             NodeLoc loc, const char*& first, const char* last, const Context& ctx,
                                             RContext& rctx) {
        // `node` (at `loc`) completed by the arguments parser P.
        const auto with_arguments = [&]<class P, class Node>(P, Node node) {
            node.loc = loc;
            P{}.parse(first, last, ctx, rctx, node);
            return node;
        };
        switch (keyword.keyword) {
        case Keyword::Next: return with_arguments(next_arguments_parser{}, NextAction{});
        case Keyword::Output: return OutputAction{loc};
        case Keyword::Drop: fail_syntax(start, "expecting action");  // `drop;` must stand alone
        case Keyword::Push:
        case Keyword::Pop: {
            StackAction stack{keyword.keyword == Keyword::Push, {}, loc};
            expect('(', "`('", first, last, ctx, rctx);
            expect(field, "field name", first, last, ctx, rctx, stack.field);
            expect(')', "`)'", first, last, ctx, rctx);
            return stack;
        }
        case Keyword::DecrementTtl:
            expect(decrement, "`--'", first, last, ctx, rctx);
            return DecrementTtlAction{loc};
        case Keyword::CtNext: {
            CtNextAction next{CtZone::Default, loc};
            if (accept('(', first, last, ctx, rctx)) next.zone = parse_zone_argument("ct_next", first, last, ctx, rctx);
            return next;
        }
        case Keyword::CtCommit: return parse_ct_commit(loc, first, last, ctx, rctx);
        case Keyword::CtCommitNat: {
            CtCommitNatAction commit{false, CtZone::Default, loc};
            if (accept('(', first, last, ctx, rctx))
                commit.zone = parse_zone_argument("ct_commit_nat", first, last, ctx, rctx);
            return commit;
        }
        case Keyword::CtCommitToZone: {
            CtCommitNatAction commit{true, CtZone::Default, loc};
            expect('(', "`('", first, last, ctx, rctx);
            commit.zone = parse_zone_argument("ct_commit_to_zone", first, last, ctx, rctx);
            return commit;
        }
        case Keyword::CtNat: {
            CtNatAction nat;
            nat.kind = static_cast<CtNatAction::Kind>(keyword.kind);
            return with_arguments(ct_nat_arguments_parser{}, nat);
        }
        case Keyword::CtLb: {
            CtLbAction lb;
            lb.kind = static_cast<CtLbAction::Kind>(keyword.kind);
            return with_arguments(ct_lb_arguments_parser{}, lb);
        }
        case Keyword::CtClear: return CtClearAction{loc};
        case Keyword::Sample: return with_arguments(sample_arguments_parser{}, SampleAction{});
        case Keyword::Log: return with_arguments(log_arguments_parser{}, LogAction{});
        case Keyword::Nested: {
            NestedAction nested{static_cast<NestedAction::Kind>(keyword.kind), {}, loc};
            if (!action_block.parse(first, last, ctx, rctx, nested.body)) fail_syntax(first, "expecting `{'");
            return nested;
        }
        case Keyword::Controller:
            return ControllerAction{keyword.name, parse_optional_arguments(first, last, ctx, rctx), loc};
        }
        fail_syntax(start, "expecting action");
    }

    template <class Context, class RContext>
    static CtCommitAction parse_ct_commit(NodeLoc loc, const char*& first, const char* last, const Context& ctx,
                                          RContext& rctx) {
        CtCommitAction commit;
        commit.loc = loc;
        if (action_block.parse(first, last, ctx, rctx, commit.body)) {
            commit.form = CtCommitAction::Form::Block;
        } else if (accept('(', first, last, ctx, rctx)) {
            commit.form = CtCommitAction::Form::Arguments;
            ct_commit_arguments_parser{}.parse(first, last, ctx, rctx, commit);
        }
        return commit;
    }
};
constexpr action_parser action{};

// Actions up to the end of the text, or up to and including `}` in a block. `drop;` must be
// alone in its list.
template <class Context, class RContext>
void parse_action_list(bool in_block, const char*& first, const char* last, const Context& ctx, RContext& rctx,
                       ActionList& out) {
    const auto at_end = [&] {
        if (in_block) return accept('}', first, last, ctx, rctx);
        return next_token(first, last, ctx) == last;
    };
    const char* start = next_token(first, last, ctx);
    if (accept(keyword("drop"), first, last, ctx, rctx)) {
        if (accept(';', first, last, ctx, rctx)) {
            out.push_back(Action{DropAction{location(ctx, start)}});
            if (!at_end()) fail_syntax(first, in_block ? "expecting `}'" : "expecting end of input");
            return;
        }
        first = start;
    }
    // Collected on the stack, then moved into a vector of the exact size.
    boost::container::small_vector<Action, 8> collected;
    while (!at_end()) {
        if (in_block && next_token(first, last, ctx) == last) fail_syntax(first, "expecting `}'");
        collected.emplace_back();
        action.parse(first, last, ctx, rctx, collected.back());
    }
    out.assign(std::make_move_iterator(collected.begin()), std::make_move_iterator(collected.end()));
}

struct action_block_parser : token_parser<action_block_parser, ActionList> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, ActionList& out) const {
        const char* start = next_token(first, last, ctx);
        if (!accept('{', first, last, ctx, rctx)) return false;
        ParseState& state = parse_state(ctx);
        if (state.depth + 1 >= kMaxNestedDepth) fail_plain(start, "maximum depth of nested actions reached");
        ++state.depth;
        parse_action_list(true, first, last, ctx, rctx, out);
        --state.depth;
        return true;
    }
};

auto const action_block_def = action_block_parser{};
BOOST_SPIRIT_DEFINE(action_block)

struct whole_action_list_parser : token_parser<whole_action_list_parser, ActionList> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, ActionList& out) const {
        parse_action_list(false, first, last, ctx, rctx, out);
        return true;
    }
};

}  // namespace

ActionList parse_actions(std::string_view text, const TextOrigin& origin) {
    ActionList out;
    parse_text(whole_action_list_parser{}, text, origin, out);
    return out;
}

}  // namespace ovnsim
