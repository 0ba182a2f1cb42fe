#pragma once
// The samples a trace fired, read by the sampling analysis (sim/sampling_decoration.hpp):
// the app, the Sample and ACL rows, the OVN-Kubernetes message. Shared by the CLI and the
// Python module so both print and return the same decoded samples.
#include <memory>

#include <nlohmann/json.hpp>

#include "sim/bundle.hpp"
#include "sim/report/trace_text.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

// The sampling analysis' reading of the samples a trace fires (sim/sampling_decoration.hpp:
// the app, the Sample and ACL rows, the OVN-Kubernetes message), built on the first sample
// and shared by every printer and JSON document of a run. Nothing without NB tables.
class SampleDecorations {
public:
    explicit SampleDecorations(const Bundle& bundle);
    // For the text printers: "acl-new: Allowed by ...", or why the ids decode to nothing.
    SampleDescriber describer() const;
    // Each sample of `json` (trace_result_json of `result`) gets a "decoded" object: the
    // sample report of sim/report/sample_report.hpp (app, Sample, collectors, ACL, message).
    void add_to(const TraceResult& result, nlohmann::json& json) const;

private:
    struct Lazy;
    std::shared_ptr<Lazy> lazy_;
};

}  // namespace ovnsim
