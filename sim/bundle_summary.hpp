#pragma once
// How big the NB side of a bundle is: the tables a sampling or cost question starts from.
#include <cstddef>
#include <string>
#include <vector>

#include "sim/bundle.hpp"

namespace ovnsim {

struct BundleSummary {
    bool has_nb = false;
    std::size_t acls = 0;
    std::size_t sampled_acls = 0;  // with sample_new or sample_est
    std::size_t samples = 0;
    std::size_t sample_collectors = 0;
    std::size_t sampling_apps = 0;
    std::size_t port_groups = 0;
    std::size_t address_sets = 0;
    std::size_t logical_switches = 0;
    std::size_t logical_switch_ports = 0;
    std::size_t logical_routers = 0;
    std::size_t load_balancers = 0;
    std::vector<std::string> nb_tables;  // tables the bundle provides
};

BundleSummary summarize_bundle(const Bundle& bundle);

}  // namespace ovnsim
