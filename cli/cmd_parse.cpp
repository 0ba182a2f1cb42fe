// `ovnsim parse BUNDLE`: check every file and every line of a bundle; each problem is
// printed as FILE:LINE:COL: message. Exit 0 when clean, 2 when anything is bad input.
#include <iostream>

#include "cli/bundle_argument.hpp"
#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "sim/bundle_check.hpp"

namespace ovnsim::cli {
namespace {

struct ParseOptions {
    std::string bundle;
    bool quiet = false;
};

int run_parse(const ParseOptions& options) {
    const BundleCheck check = check_bundle(options.bundle);
    for (const Diagnostic& d : check.errors) std::cerr << d.to_string() << '\n';
    for (const Diagnostic& d : check.warnings) std::cerr << d.to_string() << " (warning)\n";
    if (!options.quiet) {
        std::cout << options.bundle << ": " << check.flows << " logical flows, " << check.matches_parsed
                  << " matches and " << check.actions_parsed << " actions parsed, " << check.tables_read
                  << " tables from " << check.files_read << " files read; " << check.errors.size() << " error"
                  << (check.errors.size() == 1 ? "" : "s") << ", " << check.warnings.size() << " warning"
                  << (check.warnings.size() == 1 ? "" : "s") << '\n';
        for (const auto& [name, count] : check.generic_actions) {
            std::cout << "  kept without a model: " << name << " (" << count << " use" << (count == 1 ? "" : "s")
                      << ")\n";
        }
    }
    return check.errors.empty() ? kExitOk : kExitBadInput;
}

const CommandRegistration kParse(20, [](CLI::App& app) {
    auto options = std::make_shared<ParseOptions>();
    auto* cmd = app.add_subcommand("parse", "Check every line of a bundle: dump, matches, actions, NB/SB listings; report each problem as FILE:LINE:COL");
    add_bundle_argument(*cmd, options->bundle);
    cmd->add_flag("-q,--quiet", options->quiet, "Print only the problems");
    cmd->callback([options] { set_exit_status(run_parse(*options)); });
});

}  // namespace
}  // namespace ovnsim::cli
