#include "sim/report/cost_check_report.hpp"

#include <cstdio>
#include <map>
#include <vector>

namespace ovnsim {
namespace {

constexpr std::size_t kFlowsShownPerStage = 10;

// "+3", "-2", "" for zero.
std::string signed_text(long long value) {
    if (value == 0) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+lld", value);
    return buffer;
}

struct Pair {
    std::uint64_t measured = 0;
    std::uint64_t predicted = 0;
};

std::string row(std::string_view label, std::uint64_t measured, std::uint64_t predicted, int label_width = 32) {
    char buffer[256];
    const long long delta = static_cast<long long>(predicted) - static_cast<long long>(measured);
    std::snprintf(buffer, sizeof buffer, "  %-*.*s %9llu %10llu  %s\n", label_width, 200, std::string(label).c_str(),
                  static_cast<unsigned long long>(measured), static_cast<unsigned long long>(predicted),
                  signed_text(delta).c_str());
    std::string line = buffer;
    while (line.size() > 1 && line[line.size() - 2] == ' ') line.erase(line.size() - 2, 1);  // no trailing blanks
    return line;
}

// Totals by stage name or by datapath, in the order the comparison met them.
std::vector<std::pair<std::string, Pair>> totals(const PredictionComparison& cmp,
                                                 std::string StageComparison::*key) {
    std::vector<std::pair<std::string, Pair>> out;
    std::map<std::string, std::size_t> index;
    for (const StageComparison& s : cmp.stages) {
        const auto [it, added] = index.try_emplace(s.*key, out.size());
        if (added) out.emplace_back(s.*key, Pair{});
        out[it->second].second.measured += s.measured;
        out[it->second].second.predicted += s.predicted;
    }
    return out;
}

std::string header(const BundleNorthdConfig& config) {
    return "Northd model: OVN " + std::string(to_string(config.config.family)) + " (" + config.family_source +
           "); sample-with-registers: " + (config.config.features.sample_with_registers ? "yes" : "no") + " (" +
           config.features_source + ")\n";
}

}  // namespace

std::string format_prediction(const PredictionComparison& cmp, const BundleNorthdConfig& config, bool per_datapath) {
    std::string out = header(config);
    out += "\n  stage                             measured  predicted  delta\n";
    for (const auto& [stage, counts] : totals(cmp, &StageComparison::stage)) out += row(stage, counts.measured, counts.predicted);
    out += row("total (modeled stages)", cmp.measured_total, cmp.predicted_total);

    const auto datapaths = totals(cmp, &StageComparison::datapath);
    out += "\n  datapath                          measured  predicted  delta\n";
    for (const auto& [name, counts] : datapaths) {
        out += row(name, counts.measured, counts.predicted);
        if (!per_datapath) continue;
        for (const StageComparison& s : cmp.stages) {
            if (s.datapath == name) out += "  " + row(s.stage, s.measured, s.predicted, 30);
        }
    }

    for (const auto& name : cmp.switches_not_in_dump) out += "\nNB switch " + name + " has no flows in the dump\n";
    for (const auto& name : cmp.datapaths_not_in_nb) out += "\nDatapath " + name + " of the dump is not an NB switch\n";
    const auto mismatches = cmp.mismatches();
    for (const StageComparison* s : mismatches) {
        out += "\nMISMATCH " + s->datapath + " " + s->stage + ": measured " + std::to_string(s->measured) +
               ", predicted " + std::to_string(s->predicted) + "\n";
        std::size_t shown = 0;
        for (const auto& flow : s->extra) {
            if (shown++ < kFlowsShownPerStage) out += "  only in the dump: " + flow + "\n";
        }
        for (const auto& flow : s->missing) {
            if (shown++ < kFlowsShownPerStage) out += "  only predicted:   " + flow + "\n";
        }
        if (shown > kFlowsShownPerStage) {
            out += "  ... " + std::to_string(shown - kFlowsShownPerStage) + " more (--json lists them all)\n";
        }
    }
    if (cmp.all_equal()) {
        out += "\nEvery modeled stage of " + std::to_string(datapaths.size()) + " datapath" +
               (datapaths.size() == 1 ? "" : "s") + " equals the model, flow for flow.\n";
    } else {
        out += "\n";
        out += std::to_string(mismatches.size()) + (mismatches.size() == 1 ? " stage differs" : " stages differ") +
               " from the model:";
        for (const StageComparison* s : mismatches) out += " " + s->datapath + "/" + s->stage;
        out += "\n";
    }
    return out;
}

nlohmann::json prediction_json(const PredictionComparison& cmp, const BundleNorthdConfig& config) {
    nlohmann::json json;
    json["family"] = std::string(to_string(config.config.family));
    json["family_source"] = config.family_source;
    json["sample_with_registers"] = config.config.features.sample_with_registers;
    json["features_source"] = config.features_source;
    json["equal"] = cmp.all_equal();
    json["measured_total"] = cmp.measured_total;
    json["predicted_total"] = cmp.predicted_total;
    json["by_stage"] = nlohmann::json::object();
    for (const auto& [stage, counts] : totals(cmp, &StageComparison::stage)) {
        json["by_stage"][stage] = {{"measured", counts.measured}, {"predicted", counts.predicted}};
    }
    json["by_datapath"] = nlohmann::json::object();
    for (const StageComparison& s : cmp.stages) {
        json["by_datapath"][s.datapath][s.stage] = {{"measured", s.measured}, {"predicted", s.predicted}};
    }
    json["mismatches"] = nlohmann::json::array();
    for (const StageComparison* s : cmp.mismatches()) {
        json["mismatches"].push_back({{"datapath", s->datapath},
                                      {"pipeline", std::string(to_string(s->pipeline))},
                                      {"stage", s->stage},
                                      {"measured", s->measured},
                                      {"predicted", s->predicted},
                                      {"only_predicted", s->missing},
                                      {"only_in_dump", s->extra}});
    }
    json["switches_not_in_dump"] = cmp.switches_not_in_dump;
    json["datapaths_not_in_nb"] = cmp.datapaths_not_in_nb;
    return json;
}

std::string format_baseline_check(const BaselineCheck& check, const std::string& baseline_path) {
    char tolerance[32];
    std::snprintf(tolerance, sizeof tolerance, "%g%%", check.tolerance_percent);
    std::string out = "Baseline " + baseline_path + " (tolerance " + tolerance + "): ";
    if (check.changes.empty()) return out + "no flow count changed.\n";
    out += check.passed() ? "no count grew past the tolerance.\n" : "FAILED, flow counts grew past the tolerance.\n";
    out += "  what                              baseline    current   change\n";
    for (const BaselineDelta& d : check.changes) {
        char line[256];
        const double pct = d.baseline == 0 ? 0.0 : 100.0 * static_cast<double>(d.change()) / static_cast<double>(d.baseline);
        std::string change = signed_text(d.change());
        if (d.baseline != 0) {
            char p[32];
            std::snprintf(p, sizeof p, " (%+.1f%%)", pct);
            change += p;
        } else {
            change += " (new)";
        }
        std::snprintf(line, sizeof line, "  %-32s %9llu %10llu   %s%s\n", d.what.c_str(),
                      static_cast<unsigned long long>(d.baseline), static_cast<unsigned long long>(d.current),
                      change.c_str(), d.exceeded ? "  <-- exceeds tolerance" : "");
        out += line;
    }
    return out;
}

nlohmann::json baseline_check_json(const BaselineCheck& check) {
    nlohmann::json json;
    json["passed"] = check.passed();
    json["tolerance_percent"] = check.tolerance_percent;
    json["changes"] = nlohmann::json::array();
    for (const BaselineDelta& d : check.changes) {
        json["changes"].push_back(
            {{"what", d.what}, {"baseline", d.baseline}, {"current", d.current}, {"exceeded", d.exceeded}});
    }
    return json;
}

}  // namespace ovnsim
