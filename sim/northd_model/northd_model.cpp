#include "sim/northd_model/northd_model.hpp"

#include <algorithm>
#include <array>

#include "sim/northd_model/flow_builder.hpp"
#include "sim/northd_model/switch_context.hpp"

namespace ovnsim {
namespace {

constexpr std::array<std::string_view, 19> kModeledStages = {
    "ls_in_pre_acl",        "ls_in_pre_lb",         "ls_in_pre_stateful",        "ls_in_acl_hint",
    "ls_in_acl_eval",       "ls_in_acl_sample",     "ls_in_acl_action",          "ls_in_acl_after_lb_eval",
    "ls_in_acl_after_lb_sample", "ls_in_acl_after_lb_action", "ls_in_stateful",  "ls_out_pre_acl",
    "ls_out_pre_lb",        "ls_out_pre_stateful",  "ls_out_acl_hint",           "ls_out_acl_eval",
    "ls_out_acl_sample",    "ls_out_acl_action",    "ls_out_stateful",
};

std::uint8_t sampling_app_id(const NbModel& nb, std::string_view type) {
    const NbSamplingApp* app = nb.sampling_app(type);
    return app ? static_cast<std::uint8_t>(app->id) : 0;
}

// References the model cannot follow change the flows northd would emit: say so.
void collect_warnings(const NbModel& nb, std::vector<std::string>& warnings) {
    for (const NbAcl& acl : nb.acls) {
        if ((acl.sample_new_uuid && !acl.sample_new) || (acl.sample_est_uuid && !acl.sample_est)) {
            warnings.push_back("ACL " + acl.uuid.to_string() +
                               " refers to a Sample the bundle does not have: its sample flows are left out");
        }
        if (acl.persist_established() && acl.action == AclAction::allow_related) {
            warnings.push_back("ACL " + acl.uuid.to_string() +
                               " has persist-established: its SB ACL_ID is not in the NB tables, so its eval flows "
                               "are predicted without `reg2[16..31] = ID; reg0[20] = 1;`");
        }
    }
}

}  // namespace

std::span<const std::string_view> modeled_stages() { return kModeledStages; }

bool is_modeled_stage(std::string_view stage) {
    return std::find(kModeledStages.begin(), kModeledStages.end(), stage) != kModeledStages.end();
}

bool is_sample_stage(std::string_view stage) {
    return stage == "ls_in_acl_sample" || stage == "ls_out_acl_sample" || stage == "ls_in_acl_after_lb_sample";
}

const DatapathFlows* PredictedFlows::datapath(std::string_view name) const {
    for (const auto& dp : datapaths) {
        if (dp.name() == name) return &dp;
    }
    return nullptr;
}

std::uint64_t PredictedFlows::total() const {
    std::uint64_t total = 0;
    for (const auto& dp : datapaths) total += dp.total();
    return total;
}

std::uint64_t PredictedFlows::count(std::string_view stage) const {
    std::uint64_t total = 0;
    for (const auto& dp : datapaths) total += dp.count(stage);
    return total;
}

std::uint64_t PredictedFlows::sampling_flows() const {
    std::uint64_t total = 0;
    for (const auto& dp : datapaths) {
        std::uint64_t in_stages = 0;
        for (const char* stage : {"ls_in_acl_sample", "ls_out_acl_sample", "ls_in_acl_after_lb_sample"}) {
            in_stages += dp.count(stage);
        }
        total += in_stages > kDefaultSampleFlowsPerSwitch ? in_stages - kDefaultSampleFlowsPerSwitch : 0;
    }
    return total;
}

PredictedFlows predict_acl_flows(const NbModel& nb, const NorthdConfig& config, const PredictOptions& options) {
    PredictedFlows predicted;
    predicted.family = config.family;
    predicted.features = config.features;
    collect_warnings(nb, predicted.warnings);
    const FamilyTraits traits = FamilyTraits::of(config.family);
    const NorthdGlobalOptions global = NorthdGlobalOptions::from(nb);
    const std::uint8_t new_domain = sampling_app_id(nb, "acl-new");
    const std::uint8_t est_domain = sampling_app_id(nb, "acl-est");

    const std::vector<SwitchContext> contexts = build_switch_contexts(nb);
    predicted.datapaths.reserve(contexts.size());
    for (const SwitchContext& context : contexts) {
        DatapathFlows& flows = predicted.datapaths.emplace_back(context.ls->name, options.keep_text);
        FlowBuilder builder{nb, config, traits, global, context, flows, new_domain, est_domain};
        build_pre_acls(builder);
        build_pre_lb(builder);
        build_pre_stateful(builder);
        build_acl_hints(builder);
        build_acls(builder);
        build_stateful(builder);
    }
    return predicted;
}

}  // namespace ovnsim
