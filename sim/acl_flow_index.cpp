#include "sim/acl_flow_index.hpp"

#include <algorithm>
#include <charconv>

#include "sim/northd_model/switch_context.hpp"

namespace ovnsim {
namespace {

enum class StageKind { eval, pre_acl, sample };

struct StageClass {
    StageKind kind;
    AclStage acl_stage;
};

// Stage names of every release: ls_in_acl (before 23.06) and ls_in_acl_eval alike.
std::optional<StageClass> classify(std::string_view stage) {
    if (stage == "ls_in_acl_eval" || stage == "ls_in_acl") return StageClass{StageKind::eval, AclStage::from_lport};
    if (stage == "ls_in_acl_after_lb_eval" || stage == "ls_in_acl_after_lb") {
        return StageClass{StageKind::eval, AclStage::from_lport_after_lb};
    }
    if (stage == "ls_out_acl_eval" || stage == "ls_out_acl") return StageClass{StageKind::eval, AclStage::to_lport};
    if (stage == "ls_in_pre_acl") return StageClass{StageKind::pre_acl, AclStage::from_lport};
    if (stage == "ls_out_pre_acl") return StageClass{StageKind::pre_acl, AclStage::to_lport};
    if (stage == "ls_in_acl_sample") return StageClass{StageKind::sample, AclStage::from_lport};
    if (stage == "ls_in_acl_after_lb_sample") return StageClass{StageKind::sample, AclStage::from_lport_after_lb};
    if (stage == "ls_out_acl_sample") return StageClass{StageKind::sample, AclStage::to_lport};
    return std::nullopt;
}

std::string key(char kind, AclStage stage, std::int64_t priority, std::string_view match) {
    std::string out;
    out.reserve(match.size() + 16);
    out += kind;
    out += static_cast<char>('0' + static_cast<int>(stage));
    out += std::to_string(priority);
    out += '|';
    out += match;
    return out;
}

bool consume(std::string_view& text, std::string_view prefix) {
    if (!text.starts_with(prefix)) return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool consume_number(std::string_view& text) {
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits == 0) return false;
    text.remove_prefix(digits);
    return true;
}

// `[reg8[30..31] == T && ][reg0[N] == 1 && ](M)` -> M.
std::optional<std::string_view> acl_match_of_eval_flow(std::string_view match) {
    std::string_view rest = match;
    if (consume(rest, "reg8[30..31] == ") && !(consume_number(rest) && consume(rest, " && "))) return std::nullopt;
    std::string_view hinted = rest;
    if (consume(hinted, "reg0[") && consume_number(hinted) && consume(hinted, "] == 1 && ")) rest = hinted;
    if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return std::nullopt;
    return rest.substr(1, rest.size() - 2);
}

// The number after the last `name == ` in `match`.
std::optional<std::int64_t> number_after(std::string_view match, std::string_view name) {
    const std::size_t at = match.rfind(name);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = match.substr(at + name.size());
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), value);
    if (ec != std::errc()) return std::nullopt;
    return value;
}

std::optional<std::uint32_t> point_new(const NbAcl& acl) {
    if (acl.label != 0) return static_cast<std::uint32_t>(acl.label);
    if (acl.sample_new) return static_cast<std::uint32_t>(acl.sample_new->metadata);
    return std::nullopt;
}

std::optional<std::uint32_t> point_est(const NbAcl& acl) {
    if (acl.label != 0) return static_cast<std::uint32_t>(acl.label);
    if (acl.sample_est) return static_cast<std::uint32_t>(acl.sample_est->metadata);
    return std::nullopt;
}

std::optional<std::int64_t> single_collector(const NbSample* sample) {
    if (sample == nullptr || sample->collectors.size() != 1) return std::nullopt;
    return sample->collectors.front()->id;
}

// The ACL stages whose established-connection replies a reply sample flow in `stage` sees.
bool is_reply_of(AclStage acl, AclStage flow_stage) {
    return flow_stage == AclStage::to_lport ? acl != AclStage::to_lport : acl == AclStage::to_lport;
}

template <typename Map, typename Key>
std::vector<const NbAcl*> all_of(const Map& map, const Key& key) {
    std::vector<const NbAcl*> out;
    const auto [first, last] = map.equal_range(key);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

}  // namespace

std::string_view to_string(AclAttributionMethod method) {
    switch (method) {
        case AclAttributionMethod::stage_hint: return "stage-hint";
        case AclAttributionMethod::match_text: return "match";
        case AclAttributionMethod::observation_point: return "observation-point";
    }
    return "?";
}

std::string_view to_string(AclFlowRole role) {
    switch (role) {
        case AclFlowRole::eval: return "eval";
        case AclFlowRole::stateless_filter: return "stateless-filter";
        case AclFlowRole::log_related: return "log-related";
        case AclFlowRole::sample: return "sample";
        case AclFlowRole::shared_sample: return "shared-sample";
    }
    return "?";
}

// The NB side of the match-text and observation-point rules.
struct AclFlowIndex::TextRules {
    const NbModel* nb = nullptr;
    std::unordered_map<std::string, std::vector<const NbAcl*>> by_stage_priority_match;
    std::unordered_multimap<std::int64_t, const NbAcl*> by_label;
    std::unordered_multimap<std::uint32_t, const NbAcl*> by_point_new;
    std::unordered_multimap<std::uint32_t, const NbAcl*> by_point_est;
    std::unordered_map<const NbAcl*, std::unordered_set<const NbLogicalSwitch*>> switches_of;

    explicit TextRules(const NbModel& model) : nb(&model) {
        for (const NbAcl& acl : model.acls) {
            const AclStage stage = acl_stage(acl);
            by_stage_priority_match[key('e', stage, acl.priority, acl.match)].push_back(&acl);
            if (acl.action == AclAction::allow_stateless) {
                by_stage_priority_match[key('s', stage, acl.priority, acl.match)].push_back(&acl);
            }
            if (acl.label != 0) by_label.emplace(acl.label, &acl);
            if (const auto p = point_new(acl)) by_point_new.emplace(*p, &acl);
            if (const auto p = point_est(acl)) by_point_est.emplace(*p, &acl);
            auto& switches = switches_of[&acl];
            for (const NbLogicalSwitch* ls : acl.switches) switches.insert(ls);
            for (const NbPortGroup* pg : acl.port_groups) {
                for (const NbLogicalSwitchPort* port : pg->ports) {
                    if (port->logical_switch) switches.insert(port->logical_switch);
                }
            }
        }
    }
};

// A whole SbModel's Logical_Flow rows that carry a stage-hint.
struct AclFlowIndex::StageHintRows {
    std::unordered_map<std::string, std::vector<const SbLogicalFlow*>> by_text;  // priority|match|actions
    std::unordered_multimap<std::uint32_t, const SbLogicalFlow*> by_uuid;

    static std::string text(std::int64_t priority, std::string_view match, std::string_view actions) {
        std::string key = std::to_string(priority);
        key.append(1, '|').append(match).append(1, '|').append(actions);
        return key;
    }

    explicit StageHintRows(const SbModel& sb) {
        for (const SbLogicalFlow& row : sb.logical_flows) {
            if (!row.stage_hint()) continue;
            by_uuid.emplace(row.uuid.prefix32(), &row);
            by_text[text(row.priority, row.match, row.actions)].push_back(&row);
        }
    }
};

AclFlowIndex::AclFlowIndex(const NbModel& nb, const SbModel* sb) {
    if (sb != nullptr) hinted_ = std::make_unique<StageHintRows>(*sb);
    const StageHintRows* hinted = hinted_.get();
    sources_.has_logical_flows = hinted != nullptr && !(hinted->by_uuid.empty() && hinted->by_text.empty());
    sources_.rows_by_uuid = [hinted](std::uint32_t prefix) {
        std::vector<const SbLogicalFlow*> out;
        if (hinted == nullptr) return out;
        const auto [first, last] = hinted->by_uuid.equal_range(prefix);
        for (auto it = first; it != last; ++it) out.push_back(it->second);
        return out;
    };
    sources_.rows_by_text = [hinted](int priority, std::string_view match, std::string_view actions) {
        if (hinted == nullptr) return std::vector<const SbLogicalFlow*>();
        const auto it = hinted->by_text.find(StageHintRows::text(priority, match, actions));
        return it == hinted->by_text.end() ? std::vector<const SbLogicalFlow*>() : it->second;
    };
    sources_.acls_by_stage_hint = [&nb](std::uint32_t hint) { return nb.acls_by_stage_hint(hint); };
    sources_.nb = [&nb]() -> const NbModel& { return nb; };
}

AclFlowIndex::AclFlowIndex(AclFlowSources sources) : sources_(std::move(sources)) {}

AclFlowIndex::~AclFlowIndex() = default;

bool AclFlowIndex::has_stage_hints() const { return sources_.has_logical_flows; }

const AclFlowIndex::TextRules& AclFlowIndex::rules() const {
    std::call_once(rules_once_, [this] { rules_ = std::make_unique<TextRules>(sources_.nb()); });
    return *rules_;
}

LogicalFlowRef AclFlowIndex::ref(const LogicalDatapath& datapath, const DumpFlow& flow, std::string_view stage) {
    LogicalFlowRef ref;
    ref.datapath = datapath.name;
    ref.datapath_uuid = datapath.uuid;
    ref.stage = stage;
    ref.priority = flow.priority;
    ref.match = flow.match;
    ref.actions = flow.actions;
    if (flow.has_uuid) ref.uuid_prefix = flow.uuid;
    return ref;
}

std::optional<AclFlowAttribution> AclFlowIndex::attribute(const LogicalFlowRef& flow) const {
    if (!classify(flow.stage)) return std::nullopt;
    if (auto found = by_stage_hint(flow)) return found;
    if (auto found = by_match_text(flow)) return found;
    return by_observation_point(flow);
}

std::vector<const NbAcl*> AclFlowIndex::on_switch(const std::vector<const NbAcl*>& acls,
                                                  std::string_view datapath) const {
    const TextRules& r = rules();
    const NbLogicalSwitch* ls = r.nb->logical_switch(datapath);
    if (ls == nullptr) return acls;  // unknown switch: cannot narrow
    std::vector<const NbAcl*> out;
    for (const NbAcl* acl : acls) {
        const auto it = r.switches_of.find(acl);
        if (it != r.switches_of.end() && it->second.contains(ls)) out.push_back(acl);
    }
    return out;
}

std::optional<AclFlowAttribution> AclFlowIndex::by_stage_hint(const LogicalFlowRef& flow) const {
    if (!has_stage_hints()) return std::nullopt;
    const auto same_text = [&](const SbLogicalFlow& row) {
        return row.stage_name() == flow.stage && row.priority == flow.priority && row.match == flow.match &&
               row.actions == flow.actions;
    };
    const std::optional<Uuid> datapath = Uuid::parse(flow.datapath_uuid);
    const auto on_datapath = [&](const SbLogicalFlow& row) {
        if (!datapath) return true;
        if (row.datapath) return row.datapath->uuid == *datapath;
        if (row.dp_group) {
            return std::any_of(row.dp_group->datapaths.begin(), row.dp_group->datapaths.end(),
                               [&](const SbDatapathBinding* dp) { return dp->uuid == *datapath; });
        }
        return true;
    };
    const std::vector<const SbLogicalFlow*> rows = flow.uuid_prefix
                                                       ? sources_.rows_by_uuid(*flow.uuid_prefix)
                                                       : sources_.rows_by_text(flow.priority, flow.match, flow.actions);
    for (const SbLogicalFlow* row : rows) {
        if (!row->stage_hint() || !same_text(*row) || !on_datapath(*row)) continue;
        auto acls = sources_.acls_by_stage_hint(*row->stage_hint());
        if (acls.empty()) return std::nullopt;  // a port's or load balancer's flow
        const auto cls = classify(flow.stage);
        AclFlowRole role = cls->kind == StageKind::pre_acl ? AclFlowRole::stateless_filter
                           : flow.priority == 65533        ? AclFlowRole::log_related
                                                           : AclFlowRole::eval;
        return AclFlowAttribution{std::move(acls), AclAttributionMethod::stage_hint, role};
    }
    return std::nullopt;
}

std::optional<AclFlowAttribution> AclFlowIndex::by_match_text(const LogicalFlowRef& flow) const {
    const auto cls = classify(flow.stage);
    const int acl_priority = flow.priority - 1000;
    if (cls->kind == StageKind::pre_acl) {
        if (acl_priority < 0 || flow.actions != "reg0[16] = 1; next;") return std::nullopt;
        const TextRules& r = rules();
        const auto it = r.by_stage_priority_match.find(key('s', cls->acl_stage, acl_priority, flow.match));
        if (it == r.by_stage_priority_match.end()) return std::nullopt;
        auto acls = on_switch(it->second, flow.datapath);
        if (acls.empty()) return std::nullopt;
        return AclFlowAttribution{std::move(acls), AclAttributionMethod::match_text, AclFlowRole::stateless_filter};
    }
    if (cls->kind != StageKind::eval) return std::nullopt;
    if (flow.priority == 65533) {
        const auto label = number_after(flow.match, "ct_label.label == ");
        if (!label) return std::nullopt;
        std::vector<const NbAcl*> acls;
        for (const NbAcl* acl : all_of(rules().by_label, *label)) {
            const bool opposite = (acl->direction == AclDirection::to_lport) == (cls->acl_stage != AclStage::to_lport);
            if (opposite && acl->log && acl->log_related()) acls.push_back(acl);
        }
        acls = on_switch(acls, flow.datapath);
        if (acls.empty()) return std::nullopt;
        return AclFlowAttribution{std::move(acls), AclAttributionMethod::match_text, AclFlowRole::log_related};
    }
    if (acl_priority < 0 || acl_priority > 32767) return std::nullopt;
    const auto inner = acl_match_of_eval_flow(flow.match);
    if (!inner) return std::nullopt;
    const TextRules& r = rules();
    const auto it = r.by_stage_priority_match.find(key('e', cls->acl_stage, acl_priority, *inner));
    if (it == r.by_stage_priority_match.end()) return std::nullopt;
    auto acls = on_switch(it->second, flow.datapath);
    if (acls.empty()) return std::nullopt;
    return AclFlowAttribution{std::move(acls), AclAttributionMethod::match_text, AclFlowRole::eval};
}

std::optional<AclFlowAttribution> AclFlowIndex::by_observation_point(const LogicalFlowRef& flow) const {
    const auto cls = classify(flow.stage);
    if (cls->kind != StageKind::sample) return std::nullopt;
    const bool reply = flow.match.find("!ct.rpl") == std::string_view::npos &&
                       flow.match.find("ct.rpl") != std::string_view::npos;
    std::vector<const NbAcl*> acls;
    AclFlowRole role = AclFlowRole::sample;
    if (const auto point = number_after(flow.match, "reg3 == ")) {
        for (const NbAcl* acl : all_of(rules().by_point_new, static_cast<std::uint32_t>(*point))) {
            if (acl_stage(*acl) == cls->acl_stage) acls.push_back(acl);
        }
    } else if (const auto est = number_after(flow.match, "ct_label.obs_point_id == ")) {
        for (const NbAcl* acl : all_of(rules().by_point_est, static_cast<std::uint32_t>(*est))) {
            const AclStage stage = acl_stage(*acl);
            if (reply ? is_reply_of(stage, cls->acl_stage) : stage == cls->acl_stage) acls.push_back(acl);
        }
    } else if (const auto collector = number_after(flow.match, "reg8[0..7] == ")) {
        const auto obs = number_after(flow.match, "reg8[19..20] == ");
        role = AclFlowRole::shared_sample;
        for (const NbAcl& acl : rules().nb->acls) {
            if (single_collector(acl.sample_new) == collector && obs == static_cast<int>(acl_stage(acl))) {
                acls.push_back(&acl);
            }
        }
    } else if (const auto collector_est = number_after(flow.match, "ct_mark.obs_collector_id == ")) {
        const auto obs = number_after(flow.match, "ct_mark.obs_stage == ");
        role = AclFlowRole::shared_sample;
        for (const NbAcl& acl : rules().nb->acls) {
            if (single_collector(acl.sample_est) != collector_est) continue;
            const AclStage stage = acl_stage(acl);
            if (reply ? is_reply_of(stage, cls->acl_stage) : obs == static_cast<int>(stage)) acls.push_back(&acl);
        }
    }
    acls = on_switch(acls, flow.datapath);
    if (acls.empty()) return std::nullopt;
    return AclFlowAttribution{std::move(acls), AclAttributionMethod::observation_point, role};
}

}  // namespace ovnsim
