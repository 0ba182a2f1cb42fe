#include "bench/full_parse_hook.hpp"

#include <vector>

#include "parser/action_ast.hpp"
#include "parser/match_ast.hpp"

namespace ovnsim::bench {

// Every match and action of the dump parsed into ASTs, all kept alive until the end so
// that peak RSS counts them.
std::size_t parse_all_matches_and_actions(const LflowDump& dump) {
    std::vector<MatchExpr> matches;
    std::vector<ActionList> actions;
    matches.reserve(dump.flows.size());
    actions.reserve(dump.flows.size());
    for (const DumpFlow& flow : dump.flows) {
        matches.push_back(parse_match(flow.match, {dump.path(), dump.match_loc(flow)}));
        actions.push_back(parse_actions(flow.actions, {dump.path(), dump.actions_loc(flow)}));
    }
    return matches.size() + actions.size();
}

}  // namespace ovnsim::bench
