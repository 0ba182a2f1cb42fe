#include "sim/northd_model/generated_flow.hpp"

#include <functional>

namespace ovnsim {
namespace {

std::string dedup_key(const GeneratedFlow& flow) {
    std::string key;
    key.reserve(flow.stage.size() + flow.match.size() + flow.actions.size() + 8);
    key += flow.stage;
    key += '\0';
    key += std::to_string(flow.priority);
    key += '\0';
    key += flow.match;
    key += '\0';
    key += flow.actions;
    return key;
}

}  // namespace

std::string_view to_string(FlowOrigin origin) {
    switch (origin) {
        case FlowOrigin::fixed: return "fixed";
        case FlowOrigin::acl: return "acl";
        case FlowOrigin::acl_sample: return "acl-sample";
        case FlowOrigin::shared_sample: return "shared-sample";
        case FlowOrigin::load_balancer: return "load-balancer";
        case FlowOrigin::port: return "port";
    }
    return "?";
}

std::string GeneratedFlow::text() const {
    return stage + ", priority=" + std::to_string(priority) + ", match=(" + match + "), action=(" + actions + ")";
}

void DatapathFlows::add(GeneratedFlow flow) {
    std::string key = dedup_key(flow);
    const std::uint64_t hash = std::hash<std::string>{}(key);
    if (keep_text_) {
        if (!seen_text_.insert(std::move(key)).second) return;
        hashes_.insert(hash);
    } else if (!hashes_.insert(hash).second) {
        return;
    }
    ++counts_[flow.stage];
    ++total_;
    if (keep_text_) flows_.push_back(std::move(flow));
}

std::uint64_t DatapathFlows::flows_not_in(const DatapathFlows& other) const {
    std::uint64_t missing = 0;
    for (const std::uint64_t hash : hashes_) missing += other.hashes_.contains(hash) ? 0 : 1;
    return missing;
}

std::uint64_t DatapathFlows::count(std::string_view stage) const {
    const auto it = counts_.find(stage);
    return it == counts_.end() ? 0 : it->second;
}

}  // namespace ovnsim
