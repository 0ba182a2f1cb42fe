#include "sim/acl_attribution.hpp"

#include <algorithm>

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string_view direction_name(AclDirection d) { return d == AclDirection::from_lport ? "from-lport" : "to-lport"; }

bool fits_stage(const NbAcl& acl, const AclEvalStage& stage) {
    if (acl.direction != stage.direction) return false;
    return acl.direction == AclDirection::to_lport || acl.apply_after_lb() == stage.after_lb;
}

// The ACL match inside a flow's match: without the tier test and the hint test's
// `reg0[N] == 1 && (` ... `)`, or without the outer parentheses.
std::string_view acl_match_of(std::string_view m) {
    if (starts_with(m, "reg8[30..31] == ")) {
        const std::size_t and_at = m.find(" && ");
        if (and_at == std::string_view::npos) return {};
        m.remove_prefix(and_at + 4);
    }
    for (std::string_view hint : {"reg0[7] == 1 && ", "reg0[8] == 1 && ", "reg0[9] == 1 && ", "reg0[10] == 1 && "}) {
        if (starts_with(m, hint)) {
            m.remove_prefix(hint.size());
            break;
        }
    }
    if (m.size() >= 2 && m.front() == '(' && m.back() == ')') return m.substr(1, m.size() - 2);
    return m;
}

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

AclAttributor::AclAttributor(const Bundle& bundle, const LogicalFlowJoin& logical_flows)
    : bundle_(bundle), logical_flows_(logical_flows) {}

bool AclAttributor::available() const { return bundle_.has_nb() && bundle_.nb().has_table("ACL"); }

std::optional<AclAttribution> AclAttributor::attribute(const LogicalDatapath& datapath, const DumpFlow& flow,
                                                       std::string_view stage_name) const {
    const auto stage = acl_eval_stage(stage_name);
    if (!stage || flow.priority < 1000 || !available()) return std::nullopt;
    if (logical_flows_.available()) {
        if (auto a = by_stage_hint(datapath, flow, *stage)) return a;
    }
    return by_match_text(flow, *stage);
}

std::optional<AclAttribution> AclAttributor::by_stage_hint(const LogicalDatapath& datapath, const DumpFlow& flow,
                                                           const AclEvalStage& stage) const {
    const auto row = logical_flows_.find(datapath, flow);
    if (!row) return std::nullopt;
    const auto hint = row->row->stage_hint();
    if (!hint) return std::nullopt;
    std::vector<const NbAcl*> acls = bundle_.nb().acls_by_stage_hint(*hint);
    std::erase_if(acls, [&](const NbAcl* a) { return !fits_stage(*a, stage) || a->priority + 1000 != flow.priority; });
    if (acls.empty()) return std::nullopt;
    AclAttribution a = describe_acl(*acls.front());
    a.method = AttributionMethod::stage_hint;
    a.logical_flow_join = row->method;
    a.ambiguous = acls.size() > 1;
    return a;
}

void AclAttributor::build_text_index() const {
    std::call_once(text_once_, [this] {
        for (const NbAcl& acl : bundle_.nb().acls) by_match_.emplace(acl.match, &acl);
    });
}

std::optional<AclAttribution> AclAttributor::by_match_text(const DumpFlow& flow, const AclEvalStage& stage) const {
    build_text_index();
    const std::string_view match = acl_match_of(flow.match);
    std::vector<const NbAcl*> found;
    const auto [begin, end] = by_match_.equal_range(match);
    for (auto it = begin; it != end; ++it) {
        const NbAcl& acl = *it->second;
        if (acl.priority + 1000 == flow.priority && fits_stage(acl, stage)) found.push_back(&acl);
    }
    if (found.empty()) return std::nullopt;
    std::sort(found.begin(), found.end(), [](const NbAcl* a, const NbAcl* b) { return a->uuid < b->uuid; });
    AclAttribution a = describe_acl(*found.front());
    a.method = AttributionMethod::match_text;
    a.ambiguous = found.size() > 1;
    return a;
}

std::optional<AclAttribution> AclAttributor::attribute(const CtCommitter& committer) const {
    if (committer.acl_uuid.empty() || !available()) return std::nullopt;
    const auto uuid = Uuid::parse(committer.acl_uuid);
    if (!uuid) return std::nullopt;
    const NbAcl* acl = bundle_.nb().acl(*uuid);
    if (acl == nullptr) return std::nullopt;
    AclAttribution a = describe_acl(*acl);
    a.method = AttributionMethod::connection;
    return a;
}

}  // namespace ovnsim
