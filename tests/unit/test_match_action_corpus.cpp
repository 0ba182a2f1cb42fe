// Every match and every action of every real dump in ../shared/corpora (the .xz ones
// decompressed with `xz -dc`) parses, with no generic action, and prints back to the same
// tree. The match grammar has no generic fallback at all: a match parses fully or fails.
#include <map>
#include <string>

#include "parser/lflow_dump.hpp"
#include "test_match_action_support.hpp"
#include "tests/unit/lflow_test_corpora.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim::test {
namespace {

struct CorpusFigures {
    std::size_t flows = 0;
    std::size_t failures = 0;
    std::size_t round_trip_failures = 0;
    std::map<std::string, std::size_t> generic_actions;  // name -> count
};

CorpusFigures parse_every_flow(const std::filesystem::path& path) {
    CorpusFigures figures;
    const LflowDump dump = read_lflow_dump(path.string());
    figures.flows = dump.flows.size();
    for (const DumpFlow& flow : dump.flows) {
        try {
            const MatchExpr match = parse_match(flow.match, {dump.path(), dump.match_loc(flow)});
            const ActionList actions = parse_actions(flow.actions, {dump.path(), dump.actions_loc(flow)});
            for (const std::string_view name : generic_action_names(actions)) ++figures.generic_actions[std::string(name)];
            const std::string match_text = print_match(match);
            const std::string actions_text = print_actions(actions);
            if (!(parse_match(match_text, kOrigin) == match) || !(parse_actions(actions_text, kOrigin) == actions)) {
                if (figures.round_trip_failures++ == 0) {
                    FAIL_CHECK("round trip differs: ", flow.match, " / ", flow.actions, "\nprinted: ", match_text,
                               " / ", actions_text);
                }
            }
        } catch (const InputError& e) {
            if (figures.failures++ == 0) FAIL_CHECK(e.what());
        }
    }
    return figures;
}

TEST_CASE("corpus: every match and action of every dump parses and prints back to the same tree") {
    const auto root = shared_corpora_or_skip();
    if (!root) return;
    std::vector<std::filesystem::path> dumps = plain_lflow_dumps(*root);
    for (const auto& xz : compressed_lflow_dumps(*root)) dumps.push_back(decompressed(xz));
    CHECK(dumps.size() >= 20);
    std::size_t total_flows = 0;
    for (const auto& path : dumps) {
        CAPTURE(path.string());
        const CorpusFigures figures = parse_every_flow(path);
        CHECK(figures.flows > 50);
        CHECK(figures.failures == 0);
        CHECK(figures.round_trip_failures == 0);
        for (const auto& [name, count] : figures.generic_actions) FAIL_CHECK("generic action ", name, " x", count);
        CHECK(figures.generic_actions.empty());
        total_flows += figures.flows;
    }
    MESSAGE("flows parsed: ", total_flows);
    CHECK(total_flows > 500000);
}

TEST_CASE("corpus: an error inside a dump's match or action names the dump's line and column") {
    const std::string dump_text =
        "Datapath: \"sw\" (b970f20b-031e-455e-b4ec-8f57fb645e41)  Pipeline: ingress\n"
        "  table=9 (ls_in_acl_eval     ), priority=1001 , match=(reg0[7] == 1 && (ip4.dst == 10.0.0.1/40)), "
        "action=(reg8[16] = 1; next;)\n"
        "  table=9 (ls_in_acl_eval     ), priority=1000 , match=(1), action=(log(name=\"a\"); next;)\n";
    const LflowDump dump = parse_lflow_dump(TextFile::from_string("dump.txt", dump_text));
    REQUIRE(dump.flows.size() == 2);

    const DumpFlow& bad_match = dump.flows[0];
    try {
        parse_match(bad_match.match, {dump.path(), dump.match_loc(bad_match)});
        FAIL("no error");
    } catch (const InputError& e) {
        const char* at = bad_match.match.data() + bad_match.match.find("10.0.0.1/40");
        CHECK(e.loc() == dump.loc_in(bad_match, at));
        CHECK(std::string(e.what()) == "dump.txt:2:85: Value and mask have incompatible formats.");
    }

    const DumpFlow& bad_actions = dump.flows[1];
    CHECK_NOTHROW(parse_match(bad_actions.match, {dump.path(), dump.match_loc(bad_actions)}));
    try {
        parse_actions(bad_actions.actions, {dump.path(), dump.actions_loc(bad_actions)});
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.loc() == dump.loc_in(bad_actions, bad_actions.actions.data() + bad_actions.actions.find(';')));
        CHECK(e.message() == "Syntax error at `;' expecting verdict.");
    }
}

}  // namespace
}  // namespace ovnsim::test
