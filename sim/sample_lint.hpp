#pragma once
// Findings about a sampling configuration: what silently samples nothing, samples to the
// wrong place, or drops traffic (ovn-reference.md §5.4-5.6, §9). Each finding names the NB
// row to look at. `ovnsim samples` exits 1 when one has severity error.
//
// Codes: sample-no-collectors, dangling-collector, missing-sampling-app, zero-probability,
// duplicate-metadata, collector-set-truncated, shadowed-sample, label-overrides-sample,
// flow-mode-mismatch, acl-not-applied.
#include <string>
#include <string_view>
#include <vector>

#include "sim/sampling_coverage.hpp"

namespace ovnsim {

enum class FindingSeverity { error, warning, info };
std::string_view to_string(FindingSeverity severity);

struct SampleFinding {
    FindingSeverity severity = FindingSeverity::warning;
    std::string code;
    std::string message;
    OvsdbRowOrigin where;  // the row to look at; no file when none applies
    std::vector<const NbAcl*> acls;
    const NbSample* sample = nullptr;
    const NbSampleCollector* collector = nullptr;
};

std::vector<SampleFinding> lint_sampling(const Bundle& bundle, const SamplingCoverage& coverage);
bool has_errors(const std::vector<SampleFinding>& findings);

// The rule groups lint_sampling() runs, one file each.
void lint_samples(const Bundle& bundle, const SamplingCoverage& coverage, std::vector<SampleFinding>& out);
void lint_acls(const Bundle& bundle, const SamplingCoverage& coverage, std::vector<SampleFinding>& out);

// `5 ACLs ("a", 6d1c0c7b-..., "c" and 2 more)`.
std::string acl_list_text(const std::vector<const NbAcl*>& acls);

}  // namespace ovnsim
