#include "sim/report/whatif_report.hpp"

#include <algorithm>
#include <cstdio>

#include "sim/report/cost_report.hpp"

namespace ovnsim {
namespace {

std::string signed_text(long long value) {
    if (value == 0) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+lld", value);
    return buffer;
}

std::string row(std::string_view label, std::uint64_t before, std::uint64_t after) {
    char buffer[256];
    std::snprintf(buffer, sizeof buffer, "  %-32.200s %9llu %9llu  %s\n", std::string(label).c_str(),
                  static_cast<unsigned long long>(before), static_cast<unsigned long long>(after),
                  signed_text(static_cast<long long>(after) - static_cast<long long>(before)).c_str());
    std::string line = buffer;
    while (line.size() > 1 && line[line.size() - 2] == ' ') line.erase(line.size() - 2, 1);  // no trailing blanks
    return line;
}

nlohmann::json side_json(const PredictedFlows& flows) {
    nlohmann::json json;
    json["family"] = std::string(to_string(flows.family));
    json["sample_with_registers"] = flows.features.sample_with_registers;
    json["total"] = flows.total();
    json["sampling_flows"] = flows.sampling_flows();
    json["by_stage"] = nlohmann::json::object();
    for (const std::string_view stage : modeled_stages()) json["by_stage"][std::string(stage)] = flows.count(stage);
    return json;
}

long long delta(std::uint64_t before, std::uint64_t after) {
    return static_cast<long long>(after) - static_cast<long long>(before);
}

}  // namespace

std::string format_whatif(const WhatIfResult& result) {
    const PredictedFlows& before = result.before;
    const PredictedFlows& after = result.after;
    std::string out = "What-if, priced by the northd model (OVN " + std::string(to_string(before.family)) +
                      (after.family != before.family ? " -> " + std::string(to_string(after.family)) : "") + "):\n";
    for (const auto& line : result.log) out += "  " + line + "\n";
    if (result.log.empty()) out += "  no edits\n";
    out += "\n  stage                               before     after  delta\n";
    for (const std::string_view stage : modeled_stages()) {
        const auto b = before.count(stage), a = after.count(stage);
        if (a != 0 || b != 0) out += row(stage, b, a);
    }
    out += row("total (modeled stages)", before.total(), after.total());
    out += row("sampling flows", before.sampling_flows(), after.sampling_flows());
    out += '\n';
    out += std::to_string(result.changed_switches) + " of " + std::to_string(after.datapaths.size()) +
           " logical switches change: " + std::to_string(result.added) + " flows added, " +
           std::to_string(result.removed) + " removed (a flow whose text changes counts in both).\n" +
           "Sampling flows: sample-stage flows beyond the " + std::to_string(kDefaultSampleFlowsPerSwitch) +
           " defaults per switch.\n";
    for (const auto& warning : after.warnings) out += "warning: " + warning + "\n";
    return out;
}

nlohmann::json whatif_json(const WhatIfResult& result) {
    nlohmann::json json;
    json["edits"] = result.log;
    json["before"] = side_json(result.before);
    json["after"] = side_json(result.after);
    nlohmann::json d;
    d["total"] = delta(result.before.total(), result.after.total());
    d["sampling_flows"] = delta(result.before.sampling_flows(), result.after.sampling_flows());
    d["by_stage"] = nlohmann::json::object();
    for (const std::string_view stage : modeled_stages()) {
        d["by_stage"][std::string(stage)] = delta(result.before.count(stage), result.after.count(stage));
    }
    json["delta"] = std::move(d);
    json["flows_added"] = result.added;
    json["flows_removed"] = result.removed;
    json["by_datapath"] = nlohmann::json::object();
    for (const DatapathFlows& dp : result.after.datapaths) {
        const DatapathFlows* old = result.before.datapath(dp.name());
        json["by_datapath"][dp.name()] = {{"before", old ? old->total() : 0}, {"after", dp.total()}};
    }
    json["warnings"] = result.after.warnings;
    return json;
}

std::string format_sweep(const SweepResult& sweep) {
    std::string out = "Sampling flows (sample-stage flows beyond the per-switch defaults) for N sampled copies of\n  " +
                      describe_acl(sweep.template_acl) + "\nwith every other ACL unsampled:\n\n";
    std::vector<std::size_t> widths;
    std::string header = "  sampled ACLs";
    for (const SweepMode& mode : sweep.modes) {
        widths.push_back(std::max<std::size_t>(mode.name.size(), 10));
        header += "  " + std::string(widths.back() - mode.name.size(), ' ') + mode.name;
    }
    out += header + "\n";
    for (const SweepRow& r : sweep.rows) {
        char cell[64];
        std::snprintf(cell, sizeof cell, "  %12llu", static_cast<unsigned long long>(r.sampled_acls));
        out += cell;
        for (std::size_t i = 0; i < sweep.modes.size(); ++i) {
            std::snprintf(cell, sizeof cell, "  %*llu", static_cast<int>(widths[i]),
                          static_cast<unsigned long long>(r.sampling_flows[i]));
            out += cell;
        }
        out += "\n";
    }
    return out;
}

std::string sweep_csv(const SweepResult& sweep) {
    std::string out = "sampled_acls";
    for (const SweepMode& mode : sweep.modes) out += "," + mode.key;
    out += "\n";
    for (const SweepRow& r : sweep.rows) {
        out += std::to_string(r.sampled_acls);
        for (const std::uint64_t flows : r.sampling_flows) {
            out += ',';
            out += std::to_string(flows);
        }
        out += "\n";
    }
    return out;
}

nlohmann::json sweep_json(const SweepResult& sweep) {
    nlohmann::json json;
    json["template"] = {{"uuid", sweep.template_acl.uuid.to_string()}, {"acl", describe_acl(sweep.template_acl)}};
    json["modes"] = nlohmann::json::array();
    for (const SweepMode& mode : sweep.modes) {
        json["modes"].push_back({{"name", mode.name},
                                 {"key", mode.key},
                                 {"collectors", mode.collectors},
                                 {"sample_with_registers", mode.sample_with_registers}});
    }
    json["rows"] = nlohmann::json::array();
    for (const SweepRow& r : sweep.rows) {
        nlohmann::json row{{"sampled_acls", r.sampled_acls}};
        for (std::size_t i = 0; i < sweep.modes.size(); ++i) {
            row["sampling_flows"][sweep.modes[i].key] = r.sampling_flows[i];
            row["total_flows"][sweep.modes[i].key] = r.total_flows[i];
        }
        json["rows"].push_back(std::move(row));
    }
    return json;
}

}  // namespace ovnsim
