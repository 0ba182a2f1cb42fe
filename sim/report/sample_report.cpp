#include "sim/report/sample_report.hpp"

#include "sim/report/sampling_rows_json.hpp"
#include "sim/sb_rows.hpp"

namespace ovnsim {
namespace {

void line(std::string& out, std::string_view indent, std::string_view key, std::string_view value) {
    out += indent;
    out += key;
    out += ':';
    out.append(key.size() < 14 ? 14 - key.size() : 1, ' ');
    out += value;
    out += '\n';
}

std::string acl_summary(const NbAcl& acl) {
    std::string text = acl.uuid.to_string();
    if (acl.name && !acl.name->empty()) text.append(" \"").append(*acl.name).append("\"");
    text.append(" ").append(acl_direction_name(acl.direction));
    if (acl.apply_after_lb()) text.append(" after-lb");
    text.append(" priority ").append(std::to_string(acl.priority));
    if (acl.tier != 0) text.append(" tier ").append(std::to_string(acl.tier));
    text.append(" ").append(acl.action_name).append(" (").append(acl.match).append(")");
    if (acl.label != 0) text.append(" label ").append(std::to_string(acl.label));
    return text;
}

std::string collectors_text(const std::vector<const NbSampleCollector*>& collectors) {
    if (collectors.empty()) return "none";
    std::string text;
    for (const NbSampleCollector* c : collectors) {
        if (!text.empty()) text += ", ";
        text += (c->name.empty() ? "collector" : c->name) + " (id " + std::to_string(c->id) + ", set_id " +
                std::to_string(c->set_id) + ", probability " + std::to_string(c->probability) + ")";
    }
    return text;
}

std::string domain_text(const DecodedSample& d) {
    std::string text = hex32(d.obs_domain_id) + " (" + std::to_string(d.obs_domain_id) + ") = app " +
                       std::to_string(d.app_id) + " << 24 | datapath key ";
    text += d.datapath_key ? std::to_string(*d.datapath_key) : std::string("unknown");
    return text;
}

std::string app_text(const DecodedSample& d) {
    std::string text(to_string(d.app));
    if (d.app_row) text += " (Sampling_App id " + std::to_string(d.app_row->id) + ")";
    else if (d.app_id == 0) text += " (app id 0: no Sampling_App)";
    else text += " (no Sampling_App has id " + std::to_string(d.app_id) + ")";
    return text;
}

nlohmann::json optional_string(const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json decoded_sample_json(const DecodedSample& d) {
    nlohmann::json acls = nlohmann::json::array();
    for (const NbAcl* acl : d.acls) acls.push_back(acl_json(*acl));
    nlohmann::json drop_flows = nlohmann::json::array();
    for (const DumpFlow* flow : d.drop_flows) drop_flows.push_back(dump_flow_json(*d.dump, *flow));
    for (const SbLogicalFlow* flow : d.drop_sb_flows) drop_flows.push_back(sb_flow_json(*flow));
    nlohmann::json json{
        {"obs_domain_id", d.obs_domain_id},
        {"obs_domain_id_hex", hex32(d.obs_domain_id)},
        {"app_id", d.app_id},
        {"datapath_key", d.datapath_key ? nlohmann::json(*d.datapath_key) : nlohmann::json(nullptr)},
        {"datapath", optional_string(d.datapath_name)},
        {"obs_point_id", d.obs_point_known ? nlohmann::json(d.obs_point_id) : nlohmann::json(nullptr)},
        {"app", to_string(d.app)},
        {"sampling_app", d.app_row ? sampling_app_json(*d.app_row) : nlohmann::json(nullptr)},
        {"sample", d.sample ? sample_json(*d.sample) : nlohmann::json(nullptr)},
        {"acl", d.acls.size() == 1 ? acl_json(*d.acls.front()) : nlohmann::json(nullptr)},
        {"acls", std::move(acls)},
        {"message", optional_string(d.message)},
        {"decoder", d.acl_message ? nlohmann::json(d.acl_message->decoder) : nlohmann::json(nullptr)},
        {"drop_flows", std::move(drop_flows)},
        {"physical_drop", d.physical_drop ? nlohmann::json{{"openflow_table", d.physical_drop->table},
                                                          {"known_table", d.physical_drop->known_table}}
                                          : nlohmann::json(nullptr)},
        {"decoded", d.decoded()},
        {"errors", d.errors},
        {"notes", d.notes},
    };
    return json;
}

nlohmann::json sample_report_json(const SampleReport& r) {
    nlohmann::json json = decoded_sample_json(r.decoded);
    json["stage"] = r.stage;
    json["collector_set"] = r.collector_set;
    json["probability"] = {{"raw", r.probability}, {"percent", r.probability_percent}};
    nlohmann::json collectors = nlohmann::json::array();
    for (const NbSampleCollector* c : r.collectors) collectors.push_back(sample_collector_json(*c));
    json["collectors"] = std::move(collectors);
    json["flow"] = r.flow && r.decoded.dump ? dump_flow_json(*r.decoded.dump, *r.flow) : nlohmann::json(nullptr);
    for (const std::string& note : r.notes) json["notes"].push_back(note);
    return json;
}

std::string format_decoded_sample(const DecodedSample& d, std::string_view indent) {
    std::string out;
    line(out, indent, "obs_domain_id", domain_text(d));
    line(out, indent, "app", app_text(d));
    if (!d.datapath_name.empty()) line(out, indent, "datapath", d.datapath_name);
    line(out, indent, "obs_point_id", d.obs_point_known ? std::to_string(d.obs_point_id) : "unknown");
    if (d.sample) {
        line(out, indent, "sample",
             d.sample->uuid.to_string() + " (metadata " + std::to_string(d.sample->metadata) + ", collectors " +
                 collectors_text(d.sample->collectors) + ")");
    }
    for (const NbAcl* acl : d.acls) line(out, indent, "acl", acl_summary(*acl));
    if (d.physical_drop) line(out, indent, "openflow", "table " + std::to_string(d.physical_drop->table));
    for (const DumpFlow* flow : d.drop_flows) {
        line(out, indent, "flow",
             d.dump->path() + ":" + std::to_string(flow->line) + " " + std::string(d.dump->stage_name(*flow)) +
                 " priority " + std::to_string(flow->priority) + " match (" + std::string(flow->match) + ")");
    }
    if (!d.message.empty()) line(out, indent, "message", d.message);
    for (const std::string& error : d.errors) line(out, indent, "error", error);
    for (const std::string& note : d.notes) line(out, indent, "note", note);
    return out;
}

std::string format_sample_report(const SampleReport& r, std::string_view indent) {
    std::string out = "sample " + r.stage + ": collector_set " + std::to_string(r.collector_set) + ", probability " +
                      std::to_string(r.probability) + " (" + percent_text(r.probability_percent) + ")\n";
    out += format_decoded_sample(r.decoded, indent);
    line(out, indent, "collectors", collectors_text(r.collectors));
    for (const std::string& note : r.notes) line(out, indent, "note", note);
    return out;
}

std::string sample_report_line(const SampleReport& r) {
    const DecodedSample& d = r.decoded;
    std::string text = std::string(to_string(d.app)) + " (" + hex32(d.obs_domain_id) + ", " +
                       (d.obs_point_known ? std::to_string(d.obs_point_id) : std::string("?")) +
                       ") to collector set " + std::to_string(r.collector_set) + " at " +
                       percent_text(r.probability_percent);
    if (!d.message.empty()) return text + ": " + d.message;
    if (!d.errors.empty()) return text + ": not decoded: " + d.errors.front();
    return text;
}

}  // namespace ovnsim
