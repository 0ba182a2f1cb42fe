#pragma once
// Which NB ACL a logical flow of an ACL evaluation stage comes from.
//
// Evaluation stages, by name: ls_in_acl_eval / ls_out_acl_eval / ls_in_acl_after_lb_eval
// (23.06+), ls_in_acl / ls_out_acl / ls_in_acl_after_lb (before). Two ways to the ACL:
//   stage_hint  the flow's SB Logical_Flow (sim/eval/logical_flow_join.hpp) carries
//               external_ids:stage-hint, the first 32 bits of the ACL's uuid;
//   match_text  northd writes the ACL's match verbatim at priority + 1000, behind an
//               optional tier test `reg8[30..31] == T && ` and a hint test
//               `reg0[7|8|9|10] == 1 && (...)`, in the stage of the ACL's direction
//               (to-lport: ls_out; from-lport: ls_in, after-lb stage with apply-after-lb).
// northd's own flows (priorities 0, 1, 34000, 65532, ...) have no ACL.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <mutex>
#include <vector>

#include "sim/conntrack_types.hpp"
#include "sim/eval/logical_flow_join.hpp"
#include "sim/nb_rows.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

class Bundle;

struct AclEvalStage {
    AclDirection direction = AclDirection::from_lport;
    bool after_lb = false;
};
// Nullopt for stages that do not evaluate ACLs.
std::optional<AclEvalStage> acl_eval_stage(std::string_view stage);

// The ACL's columns as an attribution (method and hop left for the caller).
AclAttribution describe_acl(const NbAcl& acl);

class AclAttributor {
public:
    AclAttributor(const Bundle& bundle, const LogicalFlowJoin& logical_flows);

    // The ACL `flow` (of ACL eval stage `stage`) was generated from; nullopt for northd's
    // own flows, or when the bundle has no NB ACL table.
    std::optional<AclAttribution> attribute(const LogicalDatapath& datapath, const DumpFlow& flow,
                                            std::string_view stage) const;
    // The ACL a conntrack entry was committed under.
    std::optional<AclAttribution> attribute(const CtCommitter& committer) const;

    bool available() const;

private:
    std::optional<AclAttribution> by_stage_hint(const LogicalDatapath& datapath, const DumpFlow& flow,
                                                const AclEvalStage& stage) const;
    std::optional<AclAttribution> by_match_text(const DumpFlow& flow, const AclEvalStage& stage) const;
    void build_text_index() const;

    const Bundle& bundle_;
    const LogicalFlowJoin& logical_flows_;
    mutable std::once_flag text_once_;
    mutable std::unordered_multimap<std::string_view, const NbAcl*> by_match_;
};

}  // namespace ovnsim
