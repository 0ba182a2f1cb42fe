#include "sim/ovn_version.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "parser/source_location.hpp"
#include "sim/sampling_ovn_version.hpp"

namespace ovnsim {
namespace {

constexpr std::array<std::pair<OvnFamily, std::pair<int, int>>, 4> kFamilies = {{
    {OvnFamily::v24_09, {24, 9}},
    {OvnFamily::v25_03, {25, 3}},
    {OvnFamily::v25_09, {25, 9}},
    {OvnFamily::v26_03, {26, 3}},
}};

// "26.03.2-21.8.0-82.14" -> {26, 3}.
std::optional<std::pair<int, int>> major_minor(std::string_view text) {
    int major = 0, minor = 0;
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, major);
    if (ec != std::errc() || p == end || *p != '.') return std::nullopt;
    auto [q, ec2] = std::from_chars(p + 1, end, minor);
    if (ec2 != std::errc() || q == p + 1) return std::nullopt;
    if (q != end && *q != '.' && *q != '-') return std::nullopt;
    return std::pair{major, minor};
}

bool any_flow_mentions(const LogicalFlows& flows, std::string_view stage_suffix, std::string_view text) {
    for (const LogicalDatapath& dp : flows.datapaths()) {
        for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
            for (const LogicalStage& stage : pipeline->stages()) {
                if (!stage.name.ends_with(stage_suffix)) continue;
                for (const DumpFlow* flow : stage.flows) {
                    if (flow->match.find(text) != std::string_view::npos ||
                        flow->actions.find(text) != std::string_view::npos) {
                        return true;
                    }
                }
            }
        }
    }
    return false;
}

}  // namespace

std::string_view to_string(OvnFamily family) {
    switch (family) {
        case OvnFamily::v24_09: return "24.09";
        case OvnFamily::v25_03: return "25.03";
        case OvnFamily::v25_09: return "25.09";
        case OvnFamily::v26_03: return "26.03";
    }
    return "?";
}

std::string ovn_family_list() {
    std::string out;
    for (const auto& [family, version] : kFamilies) {
        if (!out.empty()) out += ", ";
        out += to_string(family);
    }
    return out;
}

std::optional<OvnFamily> parse_ovn_family(std::string_view text) {
    const auto version = major_minor(text);
    if (!version) return std::nullopt;
    std::optional<OvnFamily> found;
    for (const auto& [family, first] : kFamilies) {
        if (*version >= first) found = family;
    }
    return found;
}

OvnFamily parse_ovn_family_option(std::string_view text, std::string_view option) {
    if (const auto family = parse_ovn_family(text)) return *family;
    throw InputError(std::string(option), {}, "'" + std::string(text) + "' is not one of " + ovn_family_list());
}

OvnVersionGuess detect_ovn_family(const Bundle& bundle) {
    OvnVersionGuess guess;
    if (const auto version = detect_ovn_version(bundle)) {
        guess.family = parse_ovn_family(std::to_string(version->major) + "." + std::to_string(version->minor));
        if (version->patch) guess.release = version->to_string();
        guess.evidence = version->source + " (" + version->to_string() + ")";
        if (!guess.family) guess.evidence += ": OVN older than 24.09";
        return guess;
    }
    const LogicalFlows& flows = bundle.flows();
    if (any_flow_mentions(flows, "_acl_sample", "flags.pkt_sampled") || any_flow_mentions(flows, "_acl_eval", "ct_label.nf")) {
        guess.family = OvnFamily::v26_03;
        guess.evidence = "flags.pkt_sampled / ct_label.nf in ACL flows";
    } else if (any_flow_mentions(flows, "_acl_eval", "ct_mark.allow_established")) {
        guess.family = OvnFamily::v25_03;
        guess.evidence = "ct_mark.allow_established in ACL flows";
    } else {
        guess.evidence = "no NB_Global and no ls_in_acl_sample stage in the dump: OVN older than 24.09";
    }
    return guess;
}

}  // namespace ovnsim
