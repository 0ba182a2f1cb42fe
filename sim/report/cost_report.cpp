#include "sim/report/cost_report.hpp"

#include <cstdio>
#include <map>

namespace ovnsim {
namespace {

std::string padded(std::string text, std::size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

std::string right(std::uint64_t value, int width) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%*llu", width, static_cast<unsigned long long>(value));
    return buffer;
}

std::string_view action_name(const NbAcl& acl) { return acl.action_name; }

std::string plural(std::uint64_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// Friendly names of OVN-Kubernetes owner types (ovnk-observability.md A2.5).
std::string_view owner_type_phrase(std::string_view type) {
    static const std::map<std::string_view, std::string_view> kPhrases = {
        {"NetworkPolicy", "network policy"},
        {"NetpolNamespace", "network policies isolation in namespace"},
        {"NetpolNode", "default allow from local node policy"},
        {"NetpolDefault", "default network policy"},
        {"AdminNetworkPolicy", "admin network policy"},
        {"BaselineAdminNetworkPolicy", "baseline admin network policy"},
        {"EgressFirewall", "egress firewall in namespace"},
        {"MulticastNS", "multicast in namespace"},
        {"MulticastCluster", "cluster multicast policy"},
        {"UDNIsolation", "UDN isolation"},
    };
    const auto it = kPhrases.find(type);
    return it == kPhrases.end() ? type : it->second;
}

void stage_table(std::string& out, const std::vector<std::string>& order, const StageCounts& counts,
                 std::string_view indent) {
    for (const std::string& stage : order) {
        const auto it = counts.find(stage);
        if (it == counts.end() || it->second == 0) continue;
        out += std::string(indent) + padded(stage, 28) + right(it->second, 8) + "\n";
    }
}

nlohmann::json counts_json(const StageCounts& counts) {
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [stage, count] : counts) json[stage] = count;
    return json;
}

std::uint64_t sum(const StageCounts& counts) {
    std::uint64_t total = 0;
    for (const auto& [stage, count] : counts) total += count;
    return total;
}

}  // namespace

std::string describe_owner(const OwnerKey& owner) {
    if (owner.type.empty() && owner.name.empty()) return "ACLs without an owner";
    std::string out(owner_type_phrase(owner.type));
    if (!owner.name.empty()) out += (out.empty() ? "" : " ") + owner.name;
    return out;
}

std::string describe_acl(const NbAcl& acl) {
    std::string out = acl.name && !acl.name->empty() ? *acl.name + " (" : "";
    out += acl.direction == AclDirection::from_lport ? "from-lport " : "to-lport ";
    out += std::to_string(acl.priority) + " " + std::string(action_name(acl));
    if (acl.apply_after_lb()) out += " after-lb";
    if (acl.tier != 0) out += " tier " + std::to_string(acl.tier);
    if (acl.name && !acl.name->empty()) return out + ")";
    return out + " (" + acl.match + ") [" + acl.uuid.to_string().substr(0, 8) + "]";
}

std::string format_cost(const MeasuredCost& cost, const CostTextOptions& options) {
    std::string out = "Logical flows: " + std::to_string(cost.total) + " in " +
                      plural(cost.by_datapath.size(), "datapath", "datapaths") + "\n\nPer stage (summed over datapaths):\n";
    stage_table(out, cost.stage_order, cost.by_stage, "  ");

    out += "\nPer datapath:                     ingress  egress   total\n";
    for (const DatapathCost& dp : cost.by_datapath) {
        out += "  " + padded(dp.name, 30) + right(sum(dp.ingress), 8) + right(sum(dp.egress), 8) +
               right(dp.total, 8) + "\n";
        if (options.per_datapath) {
            stage_table(out, cost.stage_order, dp.ingress, "      ");
            stage_table(out, cost.stage_order, dp.egress, "      ");
        }
    }

    const SamplingOverhead& s = cost.sampling;
    out += "\nSampling overhead: " + plural(s.beyond_defaults, "flow", "flows") +
           " in the sample stages beyond the per-switch defaults (" + std::to_string(s.per_acl) + " per-ACL, " +
           std::to_string(s.shared) + " shared; " + std::to_string(s.default_flows) + " defaults); " +
           plural(s.with_sample_action, "flow calls", "flows call") + " sample()\n";

    if (!cost.attributed) {
        out += "\nNo NB ACLs in the bundle: flows are not attributed to ACLs.\n";
        return out;
    }
    out += "\nACL flows: " + std::to_string(cost.acl_flows) + " attributed to " +
           plural(cost.by_acl.size(), "ACL", "ACLs") + " (" +
           (cost.used_stage_hints ? "SB stage-hints, else match text" : "match text and priority, no SB Logical_Flow") +
           "; sample flows by observation point)\n";
    out += "   flows  sampling  ACL\n";
    std::size_t shown = 0;
    for (const AclCost& acl : cost.by_acl) {
        if (shown++ == options.top_acls) {
            out += "  ... " + plural(cost.by_acl.size() - options.top_acls, "more ACL", "more ACLs") +
                   " (--top N, or --json for all)\n";
            break;
        }
        out += "  " + right(acl.flows, 6) + right(acl.sampling_flows, 10) + "  " + describe_acl(*acl.acl);
        if (acl.shared_sampling_flows_used > 0) {
            out += "; samples through " + plural(acl.shared_sampling_flows_used, "shared flow", "shared flows");
        }
        out += "\n";
    }
    out += "\nBy owner:\n";
    shown = 0;
    for (const OwnerCost& owner : cost.by_owner) {
        if (shown++ == options.top_acls) {
            out += "  ... " + plural(cost.by_owner.size() - options.top_acls, "more owner", "more owners") + "\n";
            break;
        }
        const bool named = !owner.owner.type.empty() || !owner.owner.name.empty();
        out += "  " + describe_owner(owner.owner) + (named ? " costs " : ": ") +
               plural(owner.flows, "logical flow", "logical flows") +
               ", of which " + std::to_string(owner.sampling_flows) + " for sampling (" +
               plural(owner.acls, "ACL", "ACLs") + ")\n";
    }
    return out;
}

nlohmann::json cost_json(const MeasuredCost& cost) {
    nlohmann::json measured;
    measured["total"] = cost.total;
    measured["by_stage"] = counts_json(cost.by_stage);
    std::uint64_t ingress = 0, egress = 0;
    nlohmann::json datapaths = nlohmann::json::object();
    for (const DatapathCost& dp : cost.by_datapath) {
        ingress += sum(dp.ingress);
        egress += sum(dp.egress);
        const std::string key = datapaths.contains(dp.name) ? dp.name + " (" + dp.uuid + ")" : dp.name;
        datapaths[key] = {{"uuid", dp.uuid},
                          {"total", dp.total},
                          {"ingress", counts_json(dp.ingress)},
                          {"egress", counts_json(dp.egress)}};
    }
    measured["by_pipeline"] = {{"ingress", ingress}, {"egress", egress}};
    measured["by_datapath"] = std::move(datapaths);

    const SamplingOverhead& s = cost.sampling;
    nlohmann::json json;
    json["measured"] = std::move(measured);
    json["sampling_flows"] = {{"beyond_defaults", s.beyond_defaults}, {"sample_stage_flows", s.sample_stage_flows},
                              {"default_flows", s.default_flows},     {"per_acl", s.per_acl},
                              {"shared", s.shared},                   {"with_sample_action", s.with_sample_action}};
    json["by_acl"] = nlohmann::json::array();
    for (const AclCost& acl : cost.by_acl) {
        const NbAcl& a = *acl.acl;
        const OwnerKey owner = owner_of(a);
        json["by_acl"].push_back({{"uuid", a.uuid.to_string()},
                                  {"name", a.name ? nlohmann::json(*a.name) : nlohmann::json(nullptr)},
                                  {"direction", a.direction == AclDirection::from_lport ? "from-lport" : "to-lport"},
                                  {"priority", a.priority},
                                  {"action", a.action_name},
                                  {"tier", a.tier},
                                  {"apply_after_lb", a.apply_after_lb()},
                                  {"match", a.match},
                                  {"owner_type", owner.type},
                                  {"owner", owner.name},
                                  {"flows", acl.flows},
                                  {"sampling_flows", acl.sampling_flows},
                                  {"shared_sampling_flows_used", acl.shared_sampling_flows_used},
                                  {"shared_with_other_acls", acl.shared_with_other_acls},
                                  {"by_stage", counts_json(acl.by_stage)},
                                  {"by_method", counts_json(acl.by_method)}});
    }
    json["by_owner"] = nlohmann::json::array();
    for (const OwnerCost& owner : cost.by_owner) {
        json["by_owner"].push_back({{"owner_type", owner.owner.type},
                                    {"owner", owner.owner.name},
                                    {"description", describe_owner(owner.owner)},
                                    {"acls", owner.acls},
                                    {"flows", owner.flows},
                                    {"sampling_flows", owner.sampling_flows}});
    }
    json["attribution"] = {{"acl_flows", cost.acl_flows}, {"stage_hints", cost.used_stage_hints},
                           {"attributed", cost.attributed}};
    return json;
}

}  // namespace ovnsim
