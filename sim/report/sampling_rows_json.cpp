#include "sim/report/sampling_rows_json.hpp"

#include <cstdio>

#include "sim/sampling_ids.hpp"
#include "sim/sampling_messages.hpp"

namespace ovnsim {

std::string percent_text(double percent) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g%%", percent);
    return text;
}

nlohmann::json origin_json(const OvsdbRowOrigin& origin) {
    if (!origin.file) return nullptr;
    return origin.to_string();
}

namespace {

nlohmann::json uuid_or_null(const std::optional<Uuid>& uuid) {
    return uuid ? nlohmann::json(uuid->to_string()) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json acl_json(const NbAcl& acl) {
    nlohmann::json json{
        {"uuid", acl.uuid.to_string()},
        {"name", acl.name ? nlohmann::json(*acl.name) : nlohmann::json(nullptr)},
        {"direction", acl_direction_name(acl.direction)},
        {"priority", acl.priority},
        {"tier", acl.tier},
        {"action", acl.action_name},
        {"match", acl.match},
        {"apply_after_lb", acl.apply_after_lb()},
        {"label", acl.label},
        {"sample_new", uuid_or_null(acl.sample_new_uuid)},
        {"sample_est", uuid_or_null(acl.sample_est_uuid)},
        {"external_ids", acl.external_ids},
        {"source", origin_json(acl.origin)},
    };
    return json;
}

nlohmann::json sample_collector_json(const NbSampleCollector& collector) {
    return {
        {"uuid", collector.uuid.to_string()},
        {"id", collector.id},
        {"name", collector.name},
        {"set_id", collector.set_id},
        {"probability", collector.probability},
        {"probability_percent", probability_percent(static_cast<std::uint32_t>(collector.probability))},
        {"source", origin_json(collector.origin)},
    };
}

nlohmann::json sample_json(const NbSample& sample) {
    nlohmann::json collectors = nlohmann::json::array();
    for (const NbSampleCollector* c : sample.collectors) collectors.push_back(sample_collector_json(*c));
    return {
        {"uuid", sample.uuid.to_string()},
        {"metadata", sample.metadata},
        {"collectors", std::move(collectors)},
        {"source", origin_json(sample.origin)},
    };
}

nlohmann::json sampling_app_json(const NbSamplingApp& app) {
    return {{"uuid", app.uuid.to_string()}, {"type", app.type}, {"id", app.id}, {"source", origin_json(app.origin)}};
}

nlohmann::json dump_flow_json(const LflowDump& dump, const DumpFlow& flow) {
    nlohmann::json json{
        {"datapath", dump.datapaths[flow.datapath].name},
        {"pipeline", to_string(flow.pipeline)},
        {"table", flow.table},
        {"stage", dump.stage_name(flow)},
        {"priority", flow.priority},
        {"match", flow.match},
        {"actions", flow.actions},
        {"source", dump.path() + ":" + std::to_string(flow.line)},
    };
    if (flow.has_uuid) json["cookie"] = hex32(flow.uuid);
    return json;
}

nlohmann::json sb_flow_json(const SbLogicalFlow& flow) {
    return {
        {"uuid", flow.uuid.to_string()},
        {"pipeline", flow.pipeline},
        {"table", flow.table_id},
        {"stage", flow.stage_name()},
        {"priority", flow.priority},
        {"match", flow.match},
        {"actions", flow.actions},
        {"source", origin_json(flow.origin)},
    };
}

}  // namespace ovnsim
