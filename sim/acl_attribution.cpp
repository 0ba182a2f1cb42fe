#include "sim/acl_attribution.hpp"

#include <algorithm>

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

std::string_view direction_name(AclDirection d) { return d == AclDirection::from_lport ? "from-lport" : "to-lport"; }

}  // namespace

std::optional<AclEvalStage> acl_eval_stage(std::string_view stage) {
    if (stage == "ls_in_acl_eval" || stage == "ls_in_acl") return AclEvalStage{AclDirection::from_lport, false};
    if (stage == "ls_in_acl_after_lb_eval" || stage == "ls_in_acl_after_lb")
        return AclEvalStage{AclDirection::from_lport, true};
    if (stage == "ls_out_acl_eval" || stage == "ls_out_acl") return AclEvalStage{AclDirection::to_lport, false};
    return std::nullopt;
}

AclAttribution describe_acl(const NbAcl& acl) {
    AclAttribution a;
    a.uuid = acl.uuid.to_string();
    a.name = acl.name;
    a.priority = acl.priority;
    a.direction = std::string(direction_name(acl.direction));
    a.action = acl.action_name;
    a.match = acl.match;
    a.tier = acl.tier;
    a.external_ids.assign(acl.external_ids.begin(), acl.external_ids.end());
    return a;
}

AclAttributor::AclAttributor(const Bundle& bundle) : bundle_(bundle) {}

bool AclAttributor::available() const { return bundle_.has_nb_table("ACL"); }

// Row-by-row lookups: a verdict names one ACL among tens of thousands.
const AclFlowIndex& AclAttributor::index() const {
    std::call_once(index_once_, [this] {
        const Bundle& bundle = bundle_;
        AclFlowSources sources;
        sources.has_logical_flows = bundle.has_sb() && bundle.sb_logical_flows().available();
        sources.rows_by_uuid = [&bundle](std::uint32_t prefix) { return bundle.sb_logical_flows().with_uuid_prefix(prefix); };
        sources.rows_by_text = [&bundle](int priority, std::string_view match, std::string_view actions) {
            return bundle.sb_logical_flows().with_text(priority, match, actions);
        };
        sources.acls_by_stage_hint = [&bundle](std::uint32_t hint) { return bundle.nb_acl_rows().by_stage_hint(hint); };
        sources.nb = [&bundle]() -> const NbModel& { return bundle.nb(); };
        index_.emplace(std::move(sources));
    });
    return *index_;
}

std::optional<AclAttribution> AclAttributor::attribute(const LogicalDatapath& datapath, const DumpFlow& flow,
                                                       std::string_view stage_name) const {
    if (!acl_eval_stage(stage_name) || flow.priority < 1000 || !available()) return std::nullopt;
    const auto found = index().attribute(AclFlowIndex::ref(datapath, flow, stage_name));
    if (!found || found->role != AclFlowRole::eval || found->acls.empty()) return std::nullopt;
    std::vector<const NbAcl*> acls = found->acls;
    std::sort(acls.begin(), acls.end(), [](const NbAcl* a, const NbAcl* b) { return a->uuid < b->uuid; });
    AclAttribution a = describe_acl(*acls.front());
    if (found->method == AclAttributionMethod::stage_hint) {
        a.method = AttributionMethod::stage_hint;
        a.logical_flow_join = flow.has_uuid ? "uuid" : "text";
    } else {
        a.method = AttributionMethod::match_text;
    }
    a.ambiguous = acls.size() > 1;
    return a;
}

std::optional<AclAttribution> AclAttributor::attribute(const CtCommitter& committer) const {
    if (committer.acl_uuid.empty() || !available()) return std::nullopt;
    const auto uuid = Uuid::parse(committer.acl_uuid);
    if (!uuid) return std::nullopt;
    const NbAcl* acl = bundle_.nb_acl_rows().by_uuid(*uuid);
    if (acl == nullptr) return std::nullopt;
    AclAttribution a = describe_acl(*acl);
    a.method = AttributionMethod::connection;
    return a;
}

}  // namespace ovnsim
