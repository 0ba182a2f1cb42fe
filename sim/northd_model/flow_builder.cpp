#include "sim/northd_model/flow_builder.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

namespace ovnsim {
namespace {

// smap_get_uint(): a decimal value, or `fallback` when absent or malformed.
std::uint32_t option_uint(const OvsdbStringMap& options, std::string_view key, std::uint32_t fallback) {
    const std::string* text = ovsdb_option(options, key);
    if (text == nullptr) return fallback;
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    return ec == std::errc() && end == text->data() + text->size() ? value : fallback;
}

// smap_get_bool(options, key, true): anything but "false" (any case) is true.
bool option_true_unless_false(const OvsdbStringMap& options, std::string_view key) {
    const std::string* text = ovsdb_option(options, key);
    if (text == nullptr) return true;
    std::string lower;
    for (char c : *text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower != "false";
}

}  // namespace

FamilyTraits FamilyTraits::of(OvnFamily family) {
    FamilyTraits traits;
    traits.allow_established = family >= OvnFamily::v25_03;
    traits.pkt_sampled = family >= OvnFamily::v26_03;
    traits.network_function = family >= OvnFamily::v26_03;
    traits.acl_ct_translation = family >= OvnFamily::v26_03;
    return traits;
}

NorthdGlobalOptions NorthdGlobalOptions::from(const NbModel& nb) {
    NorthdGlobalOptions options;
    if (!nb.global) return options;
    const OvsdbStringMap& map = nb.global->options;
    options.default_acl_drop = ovsdb_option_is_true(map, "default_acl_drop");
    options.use_ct_inv_match = option_true_unless_false(map, "use_ct_inv_match");
    options.acl_ct_translation = ovsdb_option_is_true(map, "acl_ct_translation");
    options.debug_drop_collector_set = option_uint(map, "debug_drop_collector_set", 0);
    options.debug_drop_domain_id = option_uint(map, "debug_drop_domain_id", 0);
    return options;
}

void FlowBuilder::add(std::string_view stage, int priority, std::string match, std::string actions,
                      FlowOrigin origin, const NbAcl* acl) {
    out.add(GeneratedFlow{std::string(stage), static_cast<std::uint16_t>(priority), std::move(match),
                          std::move(actions), origin, acl});
}

std::string FlowBuilder::implicit_drop_action() const {
    if (options.debug_drop_collector_set == 0) return "/* drop */";
    std::uint32_t domain = options.debug_drop_domain_id;
    if (const NbSamplingApp* app = nb.sampling_app("drop")) domain = static_cast<std::uint32_t>(app->id);
    return "sample(probability=65535,collector_set=" + std::to_string(options.debug_drop_collector_set) +
           ",obs_domain=" + std::to_string(domain) + ",obs_point=$cookie); /* drop */";
}

std::string json_quoted(std::string_view text) {
    return nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view eval_stage_name(AclStage stage) {
    switch (stage) {
        case AclStage::from_lport: return "ls_in_acl_eval";
        case AclStage::from_lport_after_lb: return "ls_in_acl_after_lb_eval";
        case AclStage::to_lport: return "ls_out_acl_eval";
    }
    return "";
}

std::string_view sample_stage_name(AclStage stage) {
    switch (stage) {
        case AclStage::from_lport: return "ls_in_acl_sample";
        case AclStage::from_lport_after_lb: return "ls_in_acl_after_lb_sample";
        case AclStage::to_lport: return "ls_out_acl_sample";
    }
    return "";
}

}  // namespace ovnsim
