#pragma once
// Subcommands register themselves: each cmd_*.cpp defines a static CommandRegistration
// naming a function that adds its CLI11 subcommand. The subcommand's callback returns the
// process exit status through set_exit_status(); errors are thrown (see exit_status.hpp).
#include <CLI/CLI.hpp>

#include <functional>

namespace ovnsim::cli {

using CommandSetup = std::function<void(CLI::App& app)>;

struct CommandRegistration {
    // `order` sorts subcommands in --help (lower first).
    CommandRegistration(int order, CommandSetup setup);
};

// Adds every registered subcommand to `app`, in order.
void add_registered_commands(CLI::App& app);

// The exit status main() returns once the chosen subcommand's callback has run.
void set_exit_status(int status);
int exit_status();

}  // namespace ovnsim::cli
