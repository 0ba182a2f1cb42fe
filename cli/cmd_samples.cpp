// `ovnsim samples BUNDLE [--json]`: every ACL with its samples (what fires for new,
// established and reply traffic, and why not), the flow mode of each Sample, and the
// findings of the sampling lint. Exit 1 when a finding has severity error.
#include <iostream>

#include "cli/bundle_argument.hpp"
#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "sim/bundle.hpp"
#include "sim/report/sampling_coverage_report.hpp"

namespace ovnsim::cli {
namespace {

struct SamplesOptions {
    std::string bundle;
    bool json = false;
};

int run_samples(const SamplesOptions& options) {
    const auto bundle = Bundle::load(options.bundle);
    if (!bundle->has_nb()) {
        throw InputError(bundle->path(), {}, "ovnsim samples needs the NB tables (nb/ or nb.db) of the bundle");
    }
    const SamplingCoverage coverage = sampling_coverage(*bundle);
    const auto findings = lint_sampling(*bundle, coverage);
    if (options.json) {
        std::cout << sampling_coverage_json(*bundle, coverage, findings).dump(2) << '\n';
    } else {
        std::cout << format_sampling_coverage(*bundle, coverage, findings);
    }
    return has_errors(findings) ? kExitCheckFailed : kExitOk;
}

const CommandRegistration kSamples(41, [](CLI::App& app) {
    auto options = std::make_shared<SamplesOptions>();
    auto* cmd = app.add_subcommand(
        "samples", "Sampling coverage of every ACL (new, established, reply), flow mode per Sample, and lint findings");
    add_bundle_argument(*cmd, options->bundle);
    cmd->add_flag("--json", options->json, "JSON: samples, acls, findings, summary");
    cmd->footer("Exit status: 0 no error finding, 1 a finding of severity error, 2 bad input.");
    cmd->callback([options] { set_exit_status(run_samples(*options)); });
});

}  // namespace
}  // namespace ovnsim::cli
