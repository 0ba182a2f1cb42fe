#include "sim/flow_baseline.hpp"

#include <algorithm>
#include <fstream>
#include <set>

#include "parser/source_location.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {
namespace {

constexpr const char* kFormatKey = "ovnsim_flow_baseline";
constexpr int kFormatVersion = 1;

// Where `"key"` first appears, to point at a value of the wrong type.
SourceLoc key_location(std::string_view text, std::string_view key) {
    const std::size_t at = text.find("\"" + std::string(key) + "\"");
    return at == std::string_view::npos ? SourceLoc{1, 1} : locate(text, at);
}

std::uint64_t count_field(const nlohmann::json& object, std::string_view key, const std::string& path,
                          std::string_view text) {
    const auto it = object.find(key);
    if (it == object.end()) throw InputError(path, {1, 1}, "baseline has no \"" + std::string(key) + "\"");
    if (!it->is_number_unsigned()) {
        throw InputError(path, key_location(text, key),
                         "\"" + std::string(key) + "\" must be a non-negative integer flow count");
    }
    return it->get<std::uint64_t>();
}

void compare(BaselineCheck& check, std::string what, std::uint64_t baseline, std::uint64_t current) {
    if (baseline == current) return;
    const double limit = static_cast<double>(baseline) * (1.0 + check.tolerance_percent / 100.0);
    check.changes.push_back({std::move(what), baseline, current, static_cast<double>(current) > limit});
}

}  // namespace

FlowBaseline baseline_of(const MeasuredCost& cost, std::string bundle) {
    return FlowBaseline{std::move(bundle), cost.total, cost.sampling.beyond_defaults, cost.by_stage};
}

nlohmann::json baseline_json(const FlowBaseline& baseline) {
    nlohmann::json json;
    json[kFormatKey] = kFormatVersion;
    json["bundle"] = baseline.bundle;
    json["total"] = baseline.total;
    json["sampling_flows"] = baseline.sampling_flows;
    json["by_stage"] = nlohmann::json::object();
    for (const auto& [stage, count] : baseline.by_stage) json["by_stage"][stage] = count;
    return json;
}

FlowBaseline read_flow_baseline(const std::string& path) {
    const auto file = TextFile::read(path);
    const std::string_view text = file->text();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error& e) {
        const std::size_t at = e.byte > 0 ? std::min<std::size_t>(e.byte - 1, text.size()) : 0;
        throw InputError(path, locate(text, at), std::string("not a JSON baseline: ") + e.what());
    }
    if (!json.is_object() || !json.contains(kFormatKey)) {
        throw InputError(path, {1, 1},
                         "not an ovnsim flow baseline (no \"ovnsim_flow_baseline\" key); write one with "
                         "`ovnsim cost BUNDLE --write-baseline FILE`");
    }
    if (json[kFormatKey] != kFormatVersion) {
        throw InputError(path, key_location(text, kFormatKey), "unsupported baseline format version");
    }
    FlowBaseline baseline;
    if (const auto it = json.find("bundle"); it != json.end() && it->is_string()) baseline.bundle = it->get<std::string>();
    baseline.total = count_field(json, "total", path, text);
    baseline.sampling_flows = count_field(json, "sampling_flows", path, text);
    const auto stages = json.find("by_stage");
    if (stages == json.end() || !stages->is_object()) {
        throw InputError(path, key_location(text, "by_stage"), "\"by_stage\" must be an object of flow counts");
    }
    for (const auto& [stage, count] : stages->items()) baseline.by_stage[stage] = count_field(*stages, stage, path, text);
    return baseline;
}

void write_flow_baseline(const FlowBaseline& baseline, const std::string& path) {
    std::ofstream out(path);
    out << baseline_json(baseline).dump(2) << '\n';
    if (!out) throw InputError(path, {}, "cannot write the baseline file");
}

bool BaselineCheck::passed() const {
    return std::none_of(changes.begin(), changes.end(), [](const BaselineDelta& d) { return d.exceeded; });
}

BaselineCheck check_against_baseline(const FlowBaseline& baseline, const FlowBaseline& current,
                                     double tolerance_percent) {
    BaselineCheck check;
    check.tolerance_percent = tolerance_percent;
    compare(check, "total", baseline.total, current.total);
    compare(check, "sampling flows", baseline.sampling_flows, current.sampling_flows);
    std::set<std::string, std::less<>> stages;
    for (const auto& [stage, count] : baseline.by_stage) stages.insert(stage);
    for (const auto& [stage, count] : current.by_stage) stages.insert(stage);
    for (const std::string& stage : stages) {
        const auto before = baseline.by_stage.find(stage);
        const auto after = current.by_stage.find(stage);
        compare(check, stage, before == baseline.by_stage.end() ? 0 : before->second,
                after == current.by_stage.end() ? 0 : after->second);
    }
    return check;
}

}  // namespace ovnsim
