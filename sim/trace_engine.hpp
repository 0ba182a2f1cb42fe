#pragma once
// What every trace of one bundle shares, built on first use and kept: the symbol table of
// the dump's OVN release family, the topology, the $address_set / @port_group bindings,
// the compiled flows, the join to sb/Logical_Flow and the ACL attributor. Thread-safe.
#include <memory>
#include <mutex>

#include "parser/symbol_table.hpp"
#include "sim/acl_attribution.hpp"
#include "sim/eval/flow_cache.hpp"
#include "sim/eval/lb_vips.hpp"
#include "sim/eval/logical_flow_join.hpp"
#include "sim/eval/set_bindings.hpp"
#include "sim/match_resolve.hpp"
#include "sim/topology.hpp"

namespace ovnsim {

class Bundle;

class TraceEngine {
public:
    explicit TraceEngine(std::shared_ptr<const Bundle> bundle);
    ~TraceEngine();

    const std::shared_ptr<const Bundle>& shared_bundle() const { return bundle_; }
    const Bundle& bundle() const { return *bundle_; }
    // 23.03's symbols for dumps with the single ls_in_acl stage (OVN <= 23.03), else the newest.
    const SymbolTable& symbols() const { return resolver_->symbols(); }
    const MatchResolver& resolver() const { return *resolver_; }
    const SetBindings& sets() const { return sets_; }
    const LogicalFlowJoin& logical_flows() const { return logical_flows_; }
    const AclAttributor& acls() const { return acls_; }
    const Topology& topology() const;
    const FlowCache& flows() const;
    const LbVips& lb_vips() const;

private:
    std::shared_ptr<const Bundle> bundle_;
    std::unique_ptr<MatchResolver> owned_resolver_;
    const MatchResolver* resolver_ = nullptr;
    SetBindings sets_;
    LogicalFlowJoin logical_flows_;
    AclAttributor acls_;
    mutable std::once_flag topology_once_, flows_once_, lb_once_;
    mutable std::unique_ptr<LbVips> lb_vips_;
    mutable std::unique_ptr<Topology> topology_;
    mutable std::unique_ptr<FlowCache> flows_;
};

}  // namespace ovnsim
