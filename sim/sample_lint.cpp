#include "sim/sample_lint.hpp"

#include <algorithm>
#include <tuple>

namespace ovnsim {

std::string_view to_string(FindingSeverity severity) {
    switch (severity) {
        case FindingSeverity::error: return "error";
        case FindingSeverity::warning: return "warning";
        case FindingSeverity::info: break;
    }
    return "info";
}

std::string acl_list_text(const std::vector<const NbAcl*>& acls) {
    constexpr std::size_t kShown = 3;
    std::string text = std::to_string(acls.size()) + (acls.size() == 1 ? " ACL (" : " ACLs (");
    for (std::size_t i = 0; i < acls.size() && i < kShown; ++i) {
        if (i != 0) text += ", ";
        text += acl_display_name(*acls[i]);
    }
    if (acls.size() > kShown) text += " and " + std::to_string(acls.size() - kShown) + " more";
    return text + ")";
}

std::vector<SampleFinding> lint_sampling(const Bundle& bundle, const SamplingCoverage& coverage) {
    std::vector<SampleFinding> findings;
    lint_samples(bundle, coverage, findings);
    lint_acls(bundle, coverage, findings);
    std::stable_sort(findings.begin(), findings.end(), [](const SampleFinding& a, const SampleFinding& b) {
        return std::tie(a.severity, a.code, a.message) < std::tie(b.severity, b.code, b.message);
    });
    return findings;
}

bool has_errors(const std::vector<SampleFinding>& findings) {
    return std::any_of(findings.begin(), findings.end(),
                       [](const SampleFinding& f) { return f.severity == FindingSeverity::error; });
}

}  // namespace ovnsim
