#pragma once
// The flows the northd model emits for one logical switch. Like northd's lflow table, a
// datapath holds each (stage, priority, match, actions) once: two ACLs that produce the
// same text (the same Sample on two ACLs, shared sample flows) give one flow.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sim/nb_rows.hpp"

namespace ovnsim {

// Why a flow exists.
enum class FlowOrigin : std::uint8_t {
    fixed,          // per-switch flows that do not depend on any one ACL
    acl,            // an ACL's eval, stateless-filter or log-related flow
    acl_sample,     // an ACL's own sample flow (per-ACL mode)
    shared_sample,  // a sample flow shared by every ACL with the same collector and stage
    load_balancer,  // a load balancer VIP
    port,           // a router, localnet or switch-type port that skips conntrack
};
std::string_view to_string(FlowOrigin origin);

struct GeneratedFlow {
    std::string stage;  // "ls_in_acl_eval"
    std::uint16_t priority = 0;
    std::string match;
    std::string actions;
    FlowOrigin origin = FlowOrigin::fixed;
    const NbAcl* acl = nullptr;  // the first ACL that produced it, for acl / acl_sample

    // `ls_in_acl_eval, priority=1001, match=(...), action=(...)`: for diffs.
    std::string text() const;
};

// The flows of one datapath, deduplicated. With keep_text false only hashes and counts are
// kept: enough to count flows of very large what-if models.
class DatapathFlows {
public:
    explicit DatapathFlows(std::string name, bool keep_text = true) : name_(std::move(name)), keep_text_(keep_text) {}

    void add(GeneratedFlow flow);

    const std::string& name() const { return name_; }
    const std::vector<GeneratedFlow>& flows() const { return flows_; }  // empty unless keep_text
    const std::map<std::string, std::uint64_t, std::less<>>& count_by_stage() const { return counts_; }
    std::uint64_t count(std::string_view stage) const;
    std::uint64_t total() const { return total_; }
    // Flows (by text) this datapath has and `other` lacks.
    std::uint64_t flows_not_in(const DatapathFlows& other) const;

private:
    std::string name_;
    bool keep_text_;
    std::vector<GeneratedFlow> flows_;
    std::unordered_set<std::uint64_t> hashes_;    // of every flow's text
    std::unordered_set<std::string> seen_text_;  // exact dedup, when keep_text
    std::map<std::string, std::uint64_t, std::less<>> counts_;
    std::uint64_t total_ = 0;
};

}  // namespace ovnsim
