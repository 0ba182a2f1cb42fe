#pragma once
// The result of checking a bundle (`ovnsim parse`, Python's `ovnsim.check`) as JSON.
#include <nlohmann/json.hpp>

#include "sim/bundle_check.hpp"

namespace ovnsim {

// {"file", "line", "column", "message"}: line and column 0 when unknown.
nlohmann::json diagnostic_json(const Diagnostic& diagnostic);

// {"errors": [diagnostic], "warnings": [diagnostic], "flows", "matches_parsed",
//  "actions_parsed", "tables_read", "files_read", "generic_actions": {name: uses}}
nlohmann::json bundle_check_json(const BundleCheck& check);

}  // namespace ovnsim
