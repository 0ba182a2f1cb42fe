#pragma once
// Which NB ACL a logical flow of an ACL evaluation stage comes from.
//
// Evaluation stages, by name: ls_in_acl_eval / ls_out_acl_eval / ls_in_acl_after_lb_eval
// (23.06+), ls_in_acl / ls_out_acl / ls_in_acl_after_lb (before). The flow -> ACL rule
// (stage-hint, else match text and priority) is sim/acl_flow_index.hpp's; this adds what a
// traced verdict needs: only eval flows count, and established packets name the ACL of
// their connection. northd's own flows (priorities 0, 1, 34000, 65532, ...) have no ACL.
#include <optional>
#include <string>
#include <string_view>
#include <mutex>
#include <vector>

#include "sim/conntrack_types.hpp"
#include "sim/acl_flow_index.hpp"
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
    explicit AclAttributor(const Bundle& bundle);

    // The ACL `flow` (of ACL eval stage `stage`) was generated from; nullopt for northd's
    // own flows, or when the bundle has no NB ACL table. The flow -> ACL rule is the one
    // flow cost uses (sim/acl_flow_index.hpp), built on first use.
    std::optional<AclAttribution> attribute(const LogicalDatapath& datapath, const DumpFlow& flow,
                                            std::string_view stage) const;
    // The ACL a conntrack entry was committed under.
    std::optional<AclAttribution> attribute(const CtCommitter& committer) const;

    bool available() const;

private:
    const AclFlowIndex& index() const;

    const Bundle& bundle_;
    mutable std::once_flag index_once_;
    mutable std::optional<AclFlowIndex> index_;
};

}  // namespace ovnsim
