#pragma once
// The northd model's configuration for a bundle: the OVN family (detected from the bundle
// unless given), the chassis features (from sb/Chassis unless given), the dump's table
// numbers and the NB fair meters.
#include <optional>
#include <string>

#include "sim/bundle.hpp"
#include "sim/northd_model/northd_config.hpp"

namespace ovnsim {

struct NorthdOverrides {
    std::optional<OvnFamily> family;                  // --ovn-version
    std::optional<bool> sample_with_registers;        // --sample-with-registers on|off
};

struct BundleNorthdConfig {
    NorthdConfig config;
    OvnVersionGuess detected;       // what the bundle says, whatever the overrides
    std::string family_source;      // "detected: <evidence>" or "--ovn-version"
    std::string features_source;    // "sb/Chassis (2 chassis)", "no chassis: northd assumes ...", ...
};

// Throws InputError when the bundle is older than 24.09 and no family is given.
BundleNorthdConfig northd_config_for(const Bundle& bundle, const NorthdOverrides& overrides = {});

}  // namespace ovnsim
