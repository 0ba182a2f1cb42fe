#pragma once
// JSON of the NB rows sampling reports name (ACL, Sample, Sample_Collector, Sampling_App),
// shared by the decode, decoration and coverage reports.
#include <nlohmann/json.hpp>

#include "parser/lflow_dump.hpp"
#include "sim/nb_rows.hpp"
#include "sim/sb_rows.hpp"

namespace ovnsim {

nlohmann::json acl_json(const NbAcl& acl);
nlohmann::json sample_collector_json(const NbSampleCollector& collector);
nlohmann::json sample_json(const NbSample& sample);  // with its collectors
nlohmann::json sampling_app_json(const NbSamplingApp& app);
nlohmann::json dump_flow_json(const LflowDump& dump, const DumpFlow& flow);
nlohmann::json sb_flow_json(const SbLogicalFlow& flow);
// "file:line:col" of a row, or null when unknown.
nlohmann::json origin_json(const OvsdbRowOrigin& origin);

// "100%", "50.0008%".
std::string percent_text(double percent);

}  // namespace ovnsim
