#pragma once
// The resolve pass: a parsed match (parser/match_ast.hpp) checked against the symbol table
// and turned into a ResolvedMatch, as OVN's expr_parse + expr_annotate do it:
//   - every field name and subfield looked up; bit ranges checked;
//   - relational operators checked against the field (nominal fields and predicates take
//     only == and !=, nominal ones only in the positive sense counting enclosing `!`;
//     no < <= > >= with value sets or masked constants);
//   - constants checked for kind (string fields take strings and @port_groups, numeric
//     fields integers and $address_sets) and width;
//   - predicates replaced by their expansion (negated as a whole when tested negatively);
//   - each field's prerequisites ANDed in, outside any negation (`!(tcp.dst == 80)` is
//     `tcp.dst != 80 && ip.proto == 6 && ip`).
// Problems are InputErrors located at the offending term in the match's own file.
#include <string_view>
#include <unordered_map>

#include "parser/match_ast.hpp"
#include "parser/symbol_table.hpp"
#include "sim/match_resolved.hpp"

namespace ovnsim {

class MatchResolver {
public:
    // Resolves and caches every predicate expansion and prerequisite of `symbols` up front,
    // so resolve() is const and may run on several threads at once.
    explicit MatchResolver(const SymbolTable& symbols = SymbolTable::standard());

    // `file` names the text the match was parsed from (for errors; locations are in `expr`).
    ResolvedMatch resolve(const MatchExpr& expr, std::string_view file) const;
    // The same, ANDed with the prerequisites the flow's actions impose (match-language text
    // such as "ip" for ct_next or a written symbol's Symbol::prerequisites): OVN adds them
    // to the match (ovn-controller and ovn-trace both), so `match=(1), action=(ct_next;)`
    // only runs for IP packets.
    ResolvedMatch resolve(const MatchExpr& expr, std::string_view file,
                          std::span<const std::string_view> action_prerequisites) const;
    // parse_match + resolve.
    ResolvedMatch resolve_text(std::string_view text, const TextOrigin& origin) const;

    const SymbolTable& symbols() const noexcept { return symbols_; }
    // The resolved prerequisites of `s` (a constant true when it has none) and its predicate
    // expansion (predicates only). Exposed for tests and the microflow solver.
    const ResolvedMatch& prerequisites(const Symbol& s) const;
    const ResolvedMatch& expansion(const Symbol& s) const;

private:
    struct Expansions {
        ResolvedMatch prerequisites;
        ResolvedMatch expansion;
    };
    const Expansions& expand(const Symbol& s, std::vector<const Symbol*>& in_progress);

    const SymbolTable& symbols_;
    std::unordered_map<const Symbol*, Expansions> expansions_;
};

// A resolver over SymbolTable::standard(), built on first use.
const MatchResolver& default_match_resolver();

}  // namespace ovnsim
