#pragma once
// `ovnsim samples`: the coverage of every ACL and the findings, as text and JSON.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/sample_lint.hpp"

namespace ovnsim {

std::string format_sampling_coverage(const Bundle& bundle, const SamplingCoverage& coverage,
                                     const std::vector<SampleFinding>& findings);
nlohmann::json sampling_coverage_json(const Bundle& bundle, const SamplingCoverage& coverage,
                                      const std::vector<SampleFinding>& findings);

// "nb/ACL.txt:12:1: error [missing-sampling-app] ...".
std::string format_finding(const SampleFinding& finding);
nlohmann::json finding_json(const SampleFinding& finding);

}  // namespace ovnsim
