// `ovnsim stats BUNDLE [--json]`: logical flow counts per datapath, pipeline and stage
// (what `ovn-sbctl count-flows` prints) and the sizes of the NB tables behind them.
#include <iostream>

#include "cli/bundle_argument.hpp"
#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "sim/bundle_summary.hpp"
#include "sim/flow_stats.hpp"
#include "sim/report/bundle_summary_report.hpp"
#include "sim/report/flow_stats_report.hpp"

namespace ovnsim::cli {
namespace {

struct StatsOptions {
    std::string bundle;
    bool json = false;
};

int run_stats(const StatsOptions& options) {
    const auto bundle = Bundle::load(options.bundle);
    const FlowCounts counts = count_flows(bundle->flows());
    const BundleSummary summary = summarize_bundle(*bundle);
    if (options.json) {
        auto json = flow_counts_json(counts);
        json["nb"] = bundle_summary_json(summary);
        std::cout << json.dump(2) << '\n';
    } else {
        std::cout << format_count_flows(counts) << format_bundle_summary(summary);
    }
    return kExitOk;
}

const CommandRegistration kStats(10, [](CLI::App& app) {
    auto options = std::make_shared<StatsOptions>();
    auto* cmd = app.add_subcommand("stats", "Logical flow counts per datapath, pipeline and stage (as ovn-sbctl count-flows), and NB table sizes");
    add_bundle_argument(*cmd, options->bundle);
    cmd->add_flag("--json", options->json, "JSON: total, by_stage, by_pipeline, by_datapath, datapaths, nb");
    cmd->callback([options] { set_exit_status(run_stats(*options)); });
});

}  // namespace
}  // namespace ovnsim::cli
