#include "sim/bundle_check.hpp"

#include "parser/action_ast.hpp"
#include "parser/count_flows.hpp"
#include "parser/lflow_dump.hpp"
#include "parser/match_ast.hpp"
#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_listing.hpp"
#include "parser/text_file.hpp"
#include "sim/bundle.hpp"
#include "sim/flow_stats.hpp"
#include "sim/match_resolve.hpp"
#include "sim/nb_model.hpp"
#include "sim/sb_model.hpp"

namespace ovnsim {
namespace {

void add(Diagnostics& to, const InputError& e) { to.push_back({e.file(), e.loc(), e.message()}); }

void check_flows(const LflowDump& dump, BundleCheck& result) {
    const MatchResolver& resolver = default_match_resolver();
    const std::string& path = dump.path();
    for (const DumpFlow& flow : dump.flows) {
        ++result.flows;
        try {
            const MatchExpr match = parse_match(flow.match, {path, dump.match_loc(flow)});
            resolver.resolve(match, path);
            ++result.matches_parsed;
        } catch (const InputError& e) {
            add(result.errors, e);
        }
        try {
            const ActionList actions = parse_actions(flow.actions, {path, dump.actions_loc(flow)});
            for (std::string_view name : generic_action_names(actions)) ++result.generic_actions[std::string(name)];
            ++result.actions_parsed;
        } catch (const InputError& e) {
            add(result.errors, e);
        }
    }
}

// Reads every listing of every table (json and txt alike) and reports listings of one
// table that disagree.
OvsdbDatabase check_listings(const std::map<std::string, std::vector<std::string>, std::less<>>& tables,
                             BundleCheck& result) {
    OvsdbDatabase database;
    for (const auto& [name, paths] : tables) {
        std::optional<OvsdbTable> first;
        for (const std::string& path : paths) {
            try {
                OvsdbTable table = read_ovsdb_listing(path);
                ++result.files_read;
                if (!first) {
                    first = std::move(table);
                } else if (auto diff = first_difference(*first, table)) {
                    result.errors.push_back({path, {}, "disagrees with " + first->source + ": " + *diff});
                }
            } catch (const InputError& e) {
                add(result.errors, e);
            }
        }
        if (first) {
            ++result.tables_read;
            database.add(std::move(*first));
        }
    }
    return database;
}

void check_database_file(const std::optional<std::string>& path, OvsdbDatabase& into, BundleCheck& result) {
    if (!path) return;
    try {
        const auto file = TextFile::read(*path);
        auto db = read_ovsdb_database_file(*file).database;
        ++result.files_read;
        for (auto& [name, table] : db.tables) {
            if (!into.table(name)) into.add(std::move(table));
        }
    } catch (const InputError& e) {
        add(result.errors, e);
    }
}

template <typename Model>
void check_model(const OvsdbDatabase& database, BundleCheck& result) {
    try {
        const Model model(database);
        result.warnings.insert(result.warnings.end(), model.problems().begin(), model.problems().end());
    } catch (const InputError& e) {
        add(result.errors, e);
    }
}

void check_count_flows(const BundleFiles& files, const LflowDump& dump, BundleCheck& result) {
    if (!files.count_flows) return;
    try {
        const FlowCounts expected = read_count_flows(*files.count_flows);
        ++result.files_read;
        const FlowCounts actual = count_flows(LogicalFlows(std::make_shared<const LflowDump>(dump)));
        if (!(expected == actual)) {
            result.warnings.push_back({*files.count_flows, {},
                                       "count-flows says " + std::to_string(expected.total) + " logical flows, " +
                                           files.lflows + " holds " + std::to_string(actual.total) +
                                           " (taken at different times?)"});
        }
    } catch (const InputError& e) {
        add(result.errors, e);
    }
}

}  // namespace

BundleCheck check_bundle(const std::string& path) {
    BundleCheck result;
    BundleFiles files;
    try {
        files = Bundle::locate(path);
    } catch (const InputError& e) {
        add(result.errors, e);
        return result;
    }
    try {
        const auto file = TextFile::read(files.lflows);
        ++result.files_read;
        const LflowDump dump = parse_lflow_dump(file, result.errors);
        check_flows(dump, result);
        check_count_flows(files, dump, result);
    } catch (const InputError& e) {
        add(result.errors, e);
    }
    OvsdbDatabase nb = check_listings(files.nb_tables, result);
    check_database_file(files.nb_db, nb, result);
    OvsdbDatabase sb = check_listings(files.sb_tables, result);
    check_database_file(files.sb_db, sb, result);
    if (!nb.tables.empty()) check_model<NbModel>(nb, result);
    if (!sb.tables.empty()) check_model<SbModel>(sb, result);
    return result;
}

}  // namespace ovnsim
