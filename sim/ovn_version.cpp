#include "sim/ovn_version.hpp"

#include <array>
#include <charconv>
#include <utility>

#include "parser/source_location.hpp"

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

bool has_stage(const LogicalFlows& flows, std::string_view name) {
    for (const auto& stage : flows.dump().stage_names) {
        if (stage == name) return true;
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

OvnVersionGuess detect_ovn_version(const LogicalFlows& flows, const NbModel* nb) {
    OvnVersionGuess guess;
    if (nb != nullptr && nb->global) {
        if (const std::string* v = ovsdb_option(nb->global->options, "northd_internal_version")) {
            if (major_minor(*v)) {
                guess.release = v->substr(0, v->find('-'));
                guess.family = parse_ovn_family(*v);
                guess.evidence = "NB_Global options:northd_internal_version=" + *v;
                return guess;
            }
        }
    }
    if (has_stage(flows, "ls_in_network_function") || has_stage(flows, "ls_in_pre_network_function")) {
        guess.family = OvnFamily::v26_03;
        guess.evidence = "stage ls_in_network_function";
    } else if (any_flow_mentions(flows, "_acl_sample", "flags.pkt_sampled") ||
               any_flow_mentions(flows, "_acl_eval", "ct_label.nf")) {
        guess.family = OvnFamily::v26_03;
        guess.evidence = "flags.pkt_sampled / ct_label.nf in ACL flows";
    } else if (has_stage(flows, "ls_in_ct_extract") || has_stage(flows, "ls_in_mirror")) {
        guess.family = OvnFamily::v25_09;
        guess.evidence = "stage ls_in_ct_extract / ls_in_mirror";
    } else if (has_stage(flows, "ls_out_lookup_fdb") || any_flow_mentions(flows, "_acl_eval", "ct_mark.allow_established")) {
        guess.family = OvnFamily::v25_03;
        guess.evidence = "stage ls_out_lookup_fdb / ct_mark.allow_established";
    } else if (has_stage(flows, "ls_in_acl_sample")) {
        guess.family = OvnFamily::v24_09;
        guess.evidence = "stage ls_in_acl_sample";
    } else {
        guess.evidence = "no ls_in_acl_sample stage: OVN older than 24.09";
    }
    return guess;
}

}  // namespace ovnsim
