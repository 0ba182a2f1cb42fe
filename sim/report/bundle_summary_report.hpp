#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "sim/bundle_summary.hpp"

namespace ovnsim {

// "NB: 3 ACLs (1 sampled), 2 Samples, ..." lines; a note when the bundle has no NB tables.
std::string format_bundle_summary(const BundleSummary& summary);
nlohmann::json bundle_summary_json(const BundleSummary& summary);

}  // namespace ovnsim
