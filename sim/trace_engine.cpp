#include "sim/trace_engine.hpp"

#include "sim/bundle.hpp"
#include "sim/trace_session.hpp"

namespace ovnsim {
namespace {

// OVN <= 23.03 evaluated ACLs in one stage per direction; its multicast predicates differ.
bool has_single_acl_stage(const LogicalFlows& flows) {
    for (const LogicalDatapath& dp : flows.datapaths()) {
        if (dp.ingress.stage("ls_in_acl") || dp.egress.stage("ls_out_acl")) return true;
    }
    return false;
}

}  // namespace

TraceEngine::TraceEngine(std::shared_ptr<const Bundle> bundle)
    : bundle_(std::move(bundle)), sets_(*bundle_), logical_flows_(*bundle_), acls_(*bundle_) {
    if (has_single_acl_stage(bundle_->flows())) {
        owned_resolver_ = std::make_unique<MatchResolver>(SymbolTable::for_release(23, 3));
        resolver_ = owned_resolver_.get();
    } else {
        resolver_ = &default_match_resolver();
    }
}

TraceEngine::~TraceEngine() = default;

const Topology& TraceEngine::topology() const {
    std::call_once(topology_once_, [this] { topology_ = std::make_unique<Topology>(*bundle_); });
    return *topology_;
}

const FlowCache& TraceEngine::flows() const {
    std::call_once(flows_once_, [this] {
        flows_ = std::make_unique<FlowCache>(bundle_->flows(), *resolver_, sets_, topology(), logical_flows_);
    });
    return *flows_;
}

const LbVips& TraceEngine::lb_vips() const {
    std::call_once(lb_once_, [this] { lb_vips_ = std::make_unique<LbVips>(*bundle_); });
    return *lb_vips_;
}

std::shared_ptr<TraceEngine> make_trace_engine(std::shared_ptr<const Bundle> bundle) {
    return std::make_shared<TraceEngine>(std::move(bundle));
}

}  // namespace ovnsim
