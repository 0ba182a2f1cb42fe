#pragma once
// Which NB ACL produced a logical flow. Shared by flow cost (every ACL-derived flow of a
// dump) and ACL attribution of traced packets (the flow a packet hit).
//
// Two methods, the first that applies wins:
//  1. stage-hint: the SB Logical_Flow row of the flow (joined by the flow's uuid in
//     `--uuid` dumps, else by its text and datapath) names the ACL's UUID prefix in
//     external_ids:stage-hint. northd writes it on eval, stateless-filter and log-related
//     flows, not on sample flows.
//  2. match text: an eval flow is `[reg8[30..31] == T && ][reg0[N] == 1 && ](M)` at
//     priority P+1000 in the ACL's stage; a stateless filter is M at P+1000 in pre_acl; a
//     log-related flow ends `ct_label.label == L`; a per-ACL sample flow names the ACL's
//     observation point (`reg3 == X`, `ct_label.obs_point_id == X`: its label or its
//     Sample's metadata); a shared sample flow names a collector and observation stage,
//     and belongs to every ACL sampled through it. Candidates are narrowed to the ACLs
//     that apply to the flow's switch.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sim/logical_flows.hpp"
#include "sim/nb_model.hpp"
#include "sim/sb_model.hpp"

namespace ovnsim {

enum class AclAttributionMethod { stage_hint, match_text, observation_point };
std::string_view to_string(AclAttributionMethod method);  // "stage-hint", "match", "observation-point"

enum class AclFlowRole {
    eval,              // ls_*_acl_eval (or ls_*_acl before 23.06)
    stateless_filter,  // ls_*_pre_acl, allow-stateless
    log_related,       // ls_*_acl_eval 65533, log-related
    sample,            // the ACL's own sample flow
    shared_sample,     // a sample flow shared by every ACL with that collector and stage
};
std::string_view to_string(AclFlowRole role);

struct AclFlowAttribution {
    std::vector<const NbAcl*> acls;  // usually one; several when their text is identical
    AclAttributionMethod method = AclAttributionMethod::match_text;
    AclFlowRole role = AclFlowRole::eval;
};

// A logical flow as the index needs it, from a dump or from anywhere else.
struct LogicalFlowRef {
    std::string_view datapath;       // the switch name (Datapath_Binding external_ids:name)
    std::string_view datapath_uuid;  // SB Datapath_Binding uuid; may be empty
    std::string_view stage;          // "ls_in_acl_eval"
    int priority = 0;
    std::string_view match;
    std::string_view actions;
    std::optional<std::uint32_t> uuid_prefix;  // first 32 bits of the SB Logical_Flow uuid
};

// Where an AclFlowIndex reads. A trace gives row-by-row lookups (Bundle::sb_logical_flows,
// Bundle::nb_acl_rows) and builds the NB model only if a flow needs the match-text rules;
// flow cost gives whole models.
struct AclFlowSources {
    // Whether the bundle has sb/Logical_Flow.
    bool has_logical_flows = false;
    // SB Logical_Flow rows that may be the flow's own (the index checks their stage-hint,
    // text and datapath): those with its uuid prefix, else those with its text.
    std::function<std::vector<const SbLogicalFlow*>(std::uint32_t uuid_prefix)> rows_by_uuid;
    std::function<std::vector<const SbLogicalFlow*>(int priority, std::string_view match, std::string_view actions)>
        rows_by_text;
    // The ACLs a stage-hint names.
    std::function<std::vector<const NbAcl*>(std::uint32_t hint)> acls_by_stage_hint;
    // The NB model, for the match-text and observation-point rules.
    std::function<const NbModel&()> nb;
};

class AclFlowIndex {
public:
    // `sb` may be null; its Logical_Flow rows (when loaded) give the stage-hints.
    AclFlowIndex(const NbModel& nb, const SbModel* sb);
    explicit AclFlowIndex(AclFlowSources sources);
    ~AclFlowIndex();

    // nullopt: not an ACL's flow (fixed flows, ports, load balancers), or an ACL the NB lacks.
    std::optional<AclFlowAttribution> attribute(const LogicalFlowRef& flow) const;

    static LogicalFlowRef ref(const LogicalDatapath& datapath, const DumpFlow& flow, std::string_view stage);
    bool has_stage_hints() const;

private:
    struct TextRules;
    struct StageHintRows;
    std::optional<AclFlowAttribution> by_stage_hint(const LogicalFlowRef& flow) const;
    std::optional<AclFlowAttribution> by_match_text(const LogicalFlowRef& flow) const;
    std::optional<AclFlowAttribution> by_observation_point(const LogicalFlowRef& flow) const;
    std::vector<const NbAcl*> on_switch(const std::vector<const NbAcl*>& acls, std::string_view datapath) const;
    const TextRules& rules() const;  // built on first use

    AclFlowSources sources_;
    std::unique_ptr<StageHintRows> hinted_;  // the SbModel's rows with a stage-hint (whole-model form)
    mutable std::once_flag rules_once_;
    mutable std::unique_ptr<TextRules> rules_;
};

}  // namespace ovnsim
