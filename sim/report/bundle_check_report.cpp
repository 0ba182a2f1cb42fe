#include "sim/report/bundle_check_report.hpp"

namespace ovnsim {
namespace {

nlohmann::json diagnostics_json(const Diagnostics& diagnostics) {
    nlohmann::json list = nlohmann::json::array();
    for (const Diagnostic& d : diagnostics) list.push_back(diagnostic_json(d));
    return list;
}

}  // namespace

nlohmann::json diagnostic_json(const Diagnostic& diagnostic) {
    return {{"file", diagnostic.file},
            {"line", diagnostic.loc.line},
            {"column", diagnostic.loc.column},
            {"message", diagnostic.message}};
}

nlohmann::json bundle_check_json(const BundleCheck& check) {
    return {{"errors", diagnostics_json(check.errors)},
            {"warnings", diagnostics_json(check.warnings)},
            {"flows", check.flows},
            {"matches_parsed", check.matches_parsed},
            {"actions_parsed", check.actions_parsed},
            {"tables_read", check.tables_read},
            {"files_read", check.files_read},
            {"generic_actions", check.generic_actions}};
}

}  // namespace ovnsim
