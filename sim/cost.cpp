#include "sim/cost.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include "sim/northd_model/northd_model.hpp"

namespace ovnsim {
namespace {

std::string datapath_name(const LogicalDatapath& dp) {
    if (!dp.name.empty()) return std::string(dp.name);
    if (!dp.name2.empty()) return std::string(dp.name2);
    return std::string(dp.uuid);
}

bool calls_sample(std::string_view actions) { return actions.find("sample(") != std::string_view::npos; }

// A sample-stage flow is a default (`1`, priority 0), one ACL's (its observation point is in
// the match) or shared (a collector and observation stage are).
void count_sample_stage_flow(const DumpFlow& flow, SamplingOverhead& sampling) {
    ++sampling.sample_stage_flows;
    if (flow.priority == 0 && flow.match == "1") {
        ++sampling.default_flows;
    } else if (flow.match.find("reg3 == ") != std::string_view::npos ||
               flow.match.find("ct_label.obs_point_id == ") != std::string_view::npos) {
        ++sampling.per_acl;
    } else {
        ++sampling.shared;
    }
}

class AclTally {
public:
    void add(const AclFlowAttribution& found, std::string_view stage) {
        const bool shared = found.role == AclFlowRole::shared_sample;
        for (const NbAcl* acl : found.acls) {
            AclCost& cost = cost_of(acl);
            if (shared) {
                ++cost.shared_sampling_flows_used;
                continue;
            }
            ++cost.flows;
            if (found.role == AclFlowRole::sample) ++cost.sampling_flows;
            if (found.acls.size() > 1) ++cost.shared_with_other_acls;
            ++cost.by_stage[std::string(stage)];
            ++cost.by_method[std::string(to_string(found.method))];
        }
        if (shared) return;
        std::set<OwnerKey> owners;
        for (const NbAcl* acl : found.acls) owners.insert(owner_of_cached(acl));
        for (const OwnerKey& owner : owners) {
            OwnerCost& cost = owners_[owner];
            cost.owner = owner;
            ++cost.flows;
            if (found.role == AclFlowRole::sample) ++cost.sampling_flows;
        }
    }

    void finish(MeasuredCost& out) {
        for (auto& [acl, cost] : acls_) {
            if (cost.flows > 0 || cost.shared_sampling_flows_used > 0) out.by_acl.push_back(std::move(cost));
        }
        std::map<OwnerKey, std::set<const NbAcl*>> acls_of_owner;
        for (const AclCost& cost : out.by_acl) {
            if (cost.flows > 0) acls_of_owner[owner_of(*cost.acl)].insert(cost.acl);
        }
        for (auto& [owner, cost] : owners_) {
            cost.acls = acls_of_owner[owner].size();
            out.by_owner.push_back(std::move(cost));
        }
        std::stable_sort(out.by_acl.begin(), out.by_acl.end(), [](const AclCost& a, const AclCost& b) {
            return a.flows != b.flows ? a.flows > b.flows : a.acl->uuid < b.acl->uuid;
        });
        std::stable_sort(out.by_owner.begin(), out.by_owner.end(), [](const OwnerCost& a, const OwnerCost& b) {
            return a.flows != b.flows ? a.flows > b.flows : a.owner < b.owner;
        });
    }

private:
    const OwnerKey& owner_of_cached(const NbAcl* acl) {
        auto [it, added] = owner_cache_.try_emplace(acl);
        if (added) it->second = owner_of(*acl);
        return it->second;
    }

    AclCost& cost_of(const NbAcl* acl) {
        AclCost& cost = acls_[acl];
        cost.acl = acl;
        return cost;
    }

    std::unordered_map<const NbAcl*, AclCost> acls_;
    std::map<OwnerKey, OwnerCost> owners_;
    std::unordered_map<const NbAcl*, OwnerKey> owner_cache_;
};

}  // namespace

OwnerKey owner_of(const NbAcl& acl) {
    OwnerKey owner;
    if (const std::string* type = ovsdb_option(acl.external_ids, "k8s.ovn.org/owner-type")) owner.type = *type;
    if (const std::string* name = ovsdb_option(acl.external_ids, "k8s.ovn.org/name")) owner.name = *name;
    return owner;
}

MeasuredCost measure_cost(const LogicalFlows& flows, const NbModel* nb, const SbModel* sb) {
    MeasuredCost out;
    std::unique_ptr<AclFlowIndex> index;
    if (nb != nullptr && !nb->acls.empty()) {
        index = std::make_unique<AclFlowIndex>(*nb, sb);
        out.attributed = true;
        out.used_stage_hints = index->has_stage_hints();
    }
    AclTally tally;
    for (const LogicalDatapath& dp : flows.datapaths()) {
        DatapathCost cost{datapath_name(dp), std::string(dp.uuid), {}, {}, 0};
        for (const LogicalPipeline* pipeline : {&dp.ingress, &dp.egress}) {
            StageCounts& counts = pipeline->kind() == Pipeline::Ingress ? cost.ingress : cost.egress;
            for (const LogicalStage& stage : pipeline->stages()) {
                counts[std::string(stage.name)] += stage.flows.size();
                const auto [it, added] = out.by_stage.try_emplace(std::string(stage.name), 0);
                if (added) out.stage_order.push_back(it->first);
                it->second += stage.flows.size();
                cost.total += stage.flows.size();
                const bool sample_stage = is_sample_stage(stage.name);
                for (const DumpFlow* flow : stage.flows) {
                    if (calls_sample(flow->actions)) ++out.sampling.with_sample_action;
                    if (sample_stage) count_sample_stage_flow(*flow, out.sampling);
                    if (!index) continue;
                    const auto found = index->attribute(AclFlowIndex::ref(dp, *flow, stage.name));
                    if (!found) continue;
                    if (found->role != AclFlowRole::shared_sample) ++out.acl_flows;
                    tally.add(*found, stage.name);
                }
            }
        }
        out.total += cost.total;
        out.by_datapath.push_back(std::move(cost));
    }
    out.sampling.beyond_defaults = out.sampling.sample_stage_flows - out.sampling.default_flows;
    tally.finish(out);
    return out;
}

}  // namespace ovnsim
