#pragma once
// Text and JSON of decoded sample ids (`ovnsim decode`) and of decorated sample events
// (the samples of a trace).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/sampling_decoration.hpp"

namespace ovnsim {

nlohmann::json decoded_sample_json(const DecodedSample& decoded);
// The decoded fields plus stage, collector_set, probability {raw, percent}, collectors.
nlohmann::json sample_report_json(const SampleReport& report);

// "  app:      acl-new (Sampling_App id 42)\n  sample: ..." : one line per fact, each
// prefixed with `indent`.
std::string format_decoded_sample(const DecodedSample& decoded, std::string_view indent = "  ");
// "sample ls_in_acl_sample: collector_set 100, probability 65535 (100%)\n" then the
// decoded lines.
std::string format_sample_report(const SampleReport& report, std::string_view indent = "  ");
// One line for summaries: "acl-new (0x2a000001, 1011) to collector set 100 at 100%: Allowed by ...".
std::string sample_report_line(const SampleReport& report);

}  // namespace ovnsim
