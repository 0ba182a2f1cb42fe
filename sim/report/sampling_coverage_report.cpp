#include "sim/report/sampling_coverage_report.hpp"

#include "sim/bundle.hpp"
#include "sim/report/sampling_rows_json.hpp"
#include "sim/sampling_ovn_version.hpp"

namespace ovnsim {
namespace {

// The SB tunnel key of an NB switch, when the bundle has it.
std::optional<std::uint32_t> datapath_key(const Bundle& bundle, const NbLogicalSwitch& ls) {
    if (!bundle.has_sb()) return std::nullopt;
    const SbDatapathBinding* datapath = bundle.sb().datapath(ls.name);
    if (!datapath) return std::nullopt;
    return static_cast<std::uint32_t>(datapath->tunnel_key);
}

std::string domain_text(const Bundle& bundle, const AclCoverage& c, std::uint8_t app_id) {
    if (c.switches.size() == 1) {
        if (const auto key = datapath_key(bundle, *c.switches.front())) {
            return "obs_domain_id " + hex32(make_obs_domain_id(app_id, *key));
        }
    }
    return "obs_domain_id " + hex32(make_obs_domain_id(app_id, 0)) + " | datapath key";
}

std::string firing_text(const Bundle& bundle, const AclCoverage& c, const SampleFiring& f) {
    if (!f.fires) return "nothing: " + f.when;
    const std::string app = f.app_id == 0 ? std::string("app 0") : std::string(to_string(f.app));
    std::string text = "in " + f.stage + " on " + f.when + ": " + app + " " + domain_text(bundle, c, f.app_id) +
                       ", obs_point_id " + std::to_string(f.obs_point);
    if (f.mode) text += ", " + std::string(to_string(*f.mode)) + " flows";
    return text;
}

std::string switches_text(const AclCoverage& c, bool scope_known) {
    if (c.switches.empty()) return scope_known ? "none" : "unknown (the bundle lacks Logical_Switch or Port_Group)";
    constexpr std::size_t kShown = 4;
    std::string text;
    for (std::size_t i = 0; i < c.switches.size() && i < kShown; ++i) text += (i ? ", " : "") + c.switches[i]->name;
    if (c.switches.size() > kShown) text += " and " + std::to_string(c.switches.size() - kShown) + " more";
    return text + (c.stateful ? " (stateful)" : " (no stateful ACL)");
}

std::string acl_heading(const NbAcl& acl) {
    std::string text = std::string(acl_direction_name(acl.direction));
    if (acl.apply_after_lb()) text += " after-lb";
    if (acl.tier != 0) text += " tier " + std::to_string(acl.tier);
    text += " priority " + std::to_string(acl.priority) + " " + acl.action_name + " (" + acl.match + ") " +
            acl.uuid.to_string();
    if (acl.name && !acl.name->empty()) text += " \"" + *acl.name + "\"";
    return text;
}

std::string collectors_text(const NbSample& sample) {
    if (sample.collectors.empty()) return "none";
    std::string text;
    for (const NbSampleCollector* c : sample.collectors) {
        text += (text.empty() ? "" : ", ") + (c->name.empty() ? std::string("collector") : c->name) + " (id " +
                std::to_string(c->id) + ", set_id " + std::to_string(c->set_id) + ", probability " +
                std::to_string(c->probability) + " = " +
                percent_text(probability_percent(static_cast<std::uint32_t>(c->probability))) + ")";
    }
    return text;
}

std::string app_row_text(const NbModel& nb, std::string_view type) {
    const NbSamplingApp* app = nb.sampling_app(type);
    return std::string(type) + " " + (app ? std::to_string(app->id) : std::string("none"));
}

std::string chassis_text(const ChassisSampleSupport& chassis) {
    if (!chassis.table_loaded) return "not in the bundle (northd's default: registers supported)";
    if (chassis.chassis == 0) return "none (northd then assumes every feature)";
    std::string text = std::to_string(chassis.chassis) + ", ";
    if (chassis.all()) return text + "every one reports ovn-sample-with-registers=true";
    return text + std::to_string(chassis.without.size()) + " without ovn-sample-with-registers=true";
}

void append_samples(std::string& out, const SamplingCoverage& coverage) {
    out += "\nSamples:\n";
    if (coverage.samples.empty()) out += "  none\n";
    for (const SampleUsage& usage : coverage.samples) {
        const NbSample& sample = *usage.sample;
        out += "  " + sample.uuid.to_string() + " metadata " + std::to_string(sample.metadata) + ": " +
               std::string(to_string(usage.mode.mode)) + " flows (" + usage.mode.reason + ")";
        if (usage.observed) {
            out += *usage.observed == usage.mode.mode ? "; the dump agrees"
                                                      : "; the dump shows " + std::string(to_string(*usage.observed));
        }
        out += "\n    collectors: " + collectors_text(sample) + "\n";
        if (!usage.new_of.empty()) out += "    sample_new of " + acl_list_text(usage.new_of) + "\n";
        if (!usage.est_of.empty()) out += "    sample_est of " + acl_list_text(usage.est_of) + "\n";
    }
}

void append_acls(std::string& out, const Bundle& bundle, const SamplingCoverage& coverage) {
    out += "\nACLs:\n";
    if (coverage.acls.empty()) out += "  none\n";
    for (const AclCoverage& c : coverage.acls) {
        out += "  " + acl_heading(*c.acl) + "\n";
        out += "    switches:    " + switches_text(c, coverage.scope_known) + "\n";
        if (!c.has_samples()) {
            out += "    samples:     none\n";
            continue;
        }
        out += "    new:         " + firing_text(bundle, c, c.new_traffic) + "\n";
        out += "    established: " + firing_text(bundle, c, c.established) + "\n";
        out += "    reply:       " + firing_text(bundle, c, c.reply) + "\n";
        if (c.first_packet_only) out += "    first packet only: " + *c.first_packet_only + "\n";
        if (c.message) {
            out += "    message:     ";
            out += c.message->error ? "(" + c.message->decoder + " fails: " + *c.message->error + ")" : c.message->text;
            out += "\n";
        }
    }
}

nlohmann::json firing_json(const Bundle& bundle, const AclCoverage& c, const SampleFiring& f) {
    nlohmann::json json{
        {"fires", f.fires},
        {"stage", f.stage},
        {f.fires ? "when" : "why_not", f.when},
        {"sample", f.sample ? nlohmann::json(f.sample->uuid.to_string()) : nlohmann::json(nullptr)},
        {"mode", f.mode ? nlohmann::json(to_string(*f.mode)) : nlohmann::json(nullptr)},
    };
    if (f.sample) {
        json["app"] = to_string(f.app);
        json["app_id"] = f.app_id;
        json["obs_point_id"] = f.obs_point;
        std::optional<std::uint32_t> key;
        if (c.switches.size() == 1) key = datapath_key(bundle, *c.switches.front());
        json["obs_domain_id"] = key ? nlohmann::json(make_obs_domain_id(f.app_id, *key)) : nlohmann::json(nullptr);
    }
    return json;
}

nlohmann::json acl_coverage_json(const Bundle& bundle, const AclCoverage& c) {
    nlohmann::json switches = nlohmann::json::array();
    for (const NbLogicalSwitch* ls : c.switches) switches.push_back(ls->name);
    nlohmann::json json{
        {"acl", acl_json(*c.acl)},
        {"switches", std::move(switches)},
        {"stateful", c.stateful},
        {"stage", c.stage},
        {"obs_stage", c.obs_stage},
        {"has_samples", c.has_samples()},
        {"new", firing_json(bundle, c, c.new_traffic)},
        {"established", firing_json(bundle, c, c.established)},
        {"reply", firing_json(bundle, c, c.reply)},
        {"first_packet_only", c.first_packet_only ? nlohmann::json(*c.first_packet_only) : nlohmann::json(nullptr)},
        {"message", nullptr},
        {"message_decoder", nullptr},
        {"message_error", nullptr},
    };
    if (c.message) {
        json["message"] = c.message->error ? nlohmann::json(nullptr) : nlohmann::json(c.message->text);
        json["message_decoder"] = c.message->decoder;
        json["message_error"] = c.message->error ? nlohmann::json(*c.message->error) : nlohmann::json(nullptr);
    }
    return json;
}

nlohmann::json sample_usage_json(const SampleUsage& usage) {
    nlohmann::json json = sample_json(*usage.sample);
    json["mode"] = to_string(usage.mode.mode);
    json["mode_reason"] = usage.mode.reason;
    json["observed_mode"] = usage.observed ? nlohmann::json(to_string(*usage.observed)) : nlohmann::json(nullptr);
    nlohmann::json new_of = nlohmann::json::array(), est_of = nlohmann::json::array();
    for (const NbAcl* acl : usage.new_of) new_of.push_back(acl->uuid.to_string());
    for (const NbAcl* acl : usage.est_of) est_of.push_back(acl->uuid.to_string());
    json["sample_new_of"] = std::move(new_of);
    json["sample_est_of"] = std::move(est_of);
    return json;
}

std::size_t count(const std::vector<SampleFinding>& findings, FindingSeverity severity) {
    std::size_t n = 0;
    for (const SampleFinding& f : findings) n += f.severity == severity;
    return n;
}

}  // namespace

std::string format_finding(const SampleFinding& f) {
    std::string where = f.where.to_string();
    return (where.empty() ? "" : where + ": ") + std::string(to_string(f.severity)) + " [" + f.code + "] " + f.message;
}

nlohmann::json finding_json(const SampleFinding& f) {
    nlohmann::json acls = nlohmann::json::array();
    for (const NbAcl* acl : f.acls) acls.push_back(acl->uuid.to_string());
    return {
        {"severity", to_string(f.severity)},
        {"code", f.code},
        {"message", f.message},
        {"where", origin_json(f.where)},
        {"acls", std::move(acls)},
        {"sample", f.sample ? nlohmann::json(f.sample->uuid.to_string()) : nlohmann::json(nullptr)},
        {"collector", f.collector ? nlohmann::json(f.collector->uuid.to_string()) : nlohmann::json(nullptr)},
    };
}

std::string format_sampling_coverage(const Bundle& bundle, const SamplingCoverage& coverage,
                                     const std::vector<SampleFinding>& findings) {
    const NbModel& nb = bundle.nb();
    std::string out = "Sampling in " + bundle.path() + "\n";
    const auto version = detect_ovn_version(bundle);
    out += "  OVN:          " + (version ? version->to_string() + " (from " + version->source + ")" : "unknown") + "\n";
    out += "  Sampling_App: " + app_row_text(nb, "acl-new") + ", " + app_row_text(nb, "acl-est") + ", " +
           app_row_text(nb, "drop") + "\n";
    out += "  Chassis:      " + chassis_text(coverage.chassis) + "\n";
    out += "  Dump:         " + std::to_string(coverage.dump_flows.flows) + " flows in the ACL sample stages\n";
    append_samples(out, coverage);
    append_acls(out, bundle, coverage);
    out += "\nFindings: ";
    if (findings.empty()) return out + "none\n";
    out += std::to_string(count(findings, FindingSeverity::error)) + " error(s), " +
           std::to_string(count(findings, FindingSeverity::warning)) + " warning(s), " +
           std::to_string(count(findings, FindingSeverity::info)) + " info\n";
    for (const SampleFinding& f : findings) out += "  " + format_finding(f) + "\n";
    return out;
}

nlohmann::json sampling_coverage_json(const Bundle& bundle, const SamplingCoverage& coverage,
                                      const std::vector<SampleFinding>& findings) {
    const NbModel& nb = bundle.nb();
    const auto version = detect_ovn_version(bundle);
    nlohmann::json apps = nlohmann::json::object();
    for (std::string_view type : {"acl-new", "acl-est", "drop"}) {
        const NbSamplingApp* app = nb.sampling_app(type);
        apps[std::string(type)] = app ? nlohmann::json(app->id) : nlohmann::json(nullptr);
    }
    nlohmann::json samples = nlohmann::json::array(), acls = nlohmann::json::array(), found = nlohmann::json::array();
    for (const SampleUsage& usage : coverage.samples) samples.push_back(sample_usage_json(usage));
    std::size_t sampled = 0, first_packet_only = 0;
    for (const AclCoverage& c : coverage.acls) {
        acls.push_back(acl_coverage_json(bundle, c));
        sampled += c.has_samples();
        first_packet_only += c.first_packet_only.has_value();
    }
    for (const SampleFinding& f : findings) found.push_back(finding_json(f));
    return {
        {"bundle", bundle.path()},
        {"ovn_version", version ? nlohmann::json{{"version", version->to_string()}, {"source", version->source}}
                                : nlohmann::json(nullptr)},
        {"sampling_apps", std::move(apps)},
        {"chassis",
         {{"loaded", coverage.chassis.table_loaded},
          {"count", coverage.chassis.chassis},
          {"without_sample_with_registers", coverage.chassis.without}}},
        {"dump_sample_flows", coverage.dump_flows.flows},
        {"scope_known", coverage.scope_known},
        {"samples", std::move(samples)},
        {"acls", std::move(acls)},
        {"findings", std::move(found)},
        {"summary",
         {{"acl_entries", coverage.acls.size()},
          {"sampled_acl_entries", sampled},
          {"first_packet_only", first_packet_only},
          {"errors", count(findings, FindingSeverity::error)},
          {"warnings", count(findings, FindingSeverity::warning)},
          {"infos", count(findings, FindingSeverity::info)}}},
    };
}

}  // namespace ovnsim
