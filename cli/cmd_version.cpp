// `ovnsim version`: the version and the OVN releases whose dumps ovnsim reads.
#include <iostream>

#include "cli/command.hpp"

namespace ovnsim::cli {
namespace {

const CommandRegistration kVersion(1000, [](CLI::App& app) {
    auto* cmd = app.add_subcommand("version", "Print the ovnsim version");
    cmd->callback([] {
        std::cout << "ovnsim 0.1.0 (reads ovn-sbctl/ovn-nbctl output of OVN 20.03 to 26.03)\n";
        set_exit_status(0);
    });
});

}  // namespace
}  // namespace ovnsim::cli
