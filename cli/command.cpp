#include "cli/command.hpp"

#include <algorithm>
#include <utility>
#include <vector>

namespace ovnsim::cli {
namespace {

std::vector<std::pair<int, CommandSetup>>& registry() {
    static std::vector<std::pair<int, CommandSetup>> commands;
    return commands;
}

int g_exit_status = 0;

}  // namespace

CommandRegistration::CommandRegistration(int order, CommandSetup setup) {
    registry().emplace_back(order, std::move(setup));
}

void add_registered_commands(CLI::App& app) {
    auto& commands = registry();
    std::stable_sort(commands.begin(), commands.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [order, setup] : commands) setup(app);
}

void set_exit_status(int status) { g_exit_status = status; }
int exit_status() { return g_exit_status; }

}  // namespace ovnsim::cli
