#pragma once
// The BUNDLE positional argument every subcommand takes.
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "sim/bundle.hpp"

namespace ovnsim::cli {

inline CLI::Option* add_bundle_argument(CLI::App& cmd, std::string& path) {
    return cmd.add_option("BUNDLE", path, "Bundle directory (lflows.txt, nb/, sb/) or one ovn-sbctl dump-flows file")
        ->required();
}

}  // namespace ovnsim::cli
