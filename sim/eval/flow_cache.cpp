#include "sim/eval/flow_cache.hpp"

#include <algorithm>

#include "sim/eval/action_prerequisites.hpp"
#include "sim/topology.hpp"

namespace ovnsim {
namespace {

bool is_true_literal(const MatchExpr& m) {
    const auto* b = std::get_if<MatchBool>(&m.node);
    return b != nullptr && b->value;
}

bool is_plain_next(const ActionList& actions) {
    if (actions.size() != 1) return false;
    const auto* next = std::get_if<NextAction>(&actions.front().node);
    return next != nullptr && !next->pipeline && !next->table;
}

// The sets a resolved match names, and where (for errors).
template <class Visit>
void for_each_set(const ResolvedMatch& match, Visit visit) {
    for (std::uint32_t i = 0; i < match.size(); ++i) {
        const MatchNode& n = match.node(i);
        if (n.kind == MatchNode::Kind::address_set || n.kind == MatchNode::Kind::port_group) visit(n);
    }
}

}  // namespace

bool FlowMatchEnvironment::in_address_set(std::string_view name, Bits128 value, unsigned width) const {
    for (const AddressSetBinding* b : flow_.address_sets) {
        if (b->name == name) return b->entries.contains(value, width);
    }
    return false;
}

bool FlowMatchEnvironment::in_port_group(std::string_view name, std::string_view port) const {
    for (const PortGroupBinding* b : flow_.port_groups) {
        if (b->name == name) return b->ports.contains(std::string(port));
    }
    return false;
}

bool FlowMatchEnvironment::is_chassis_resident(std::string_view port) const {
    if (local_chassis_.empty() || topology_ == nullptr) return true;
    const TopologyPort* p = topology_->port(port);
    return p == nullptr || p->chassis.empty() || p->chassis == local_chassis_;
}

struct FlowCache::StageSlots {
    std::size_t count = 0;
    std::unique_ptr<std::atomic<CompiledFlow*>[]> flows;
    std::unique_ptr<StageIndex> index;

    ~StageSlots() {
        for (std::size_t i = 0; i < count; ++i) delete flows[i].load();
    }
};

FlowCache::FlowCache(const LogicalFlows& flows, const MatchResolver& resolver, const SetBindings& sets,
                     const Topology& topology, const LogicalFlowJoin& logical_flows)
    : flows_(flows), resolver_(resolver), sets_(sets), topology_(topology), logical_flows_(logical_flows),
      by_flow_(std::make_unique<std::atomic<StageSlots*>[]>(flows.flow_count())) {
    std::size_t largest = 0;
    for (const LogicalDatapath& dp : flows.datapaths()) {
        for (const LogicalPipeline* p : {&dp.ingress, &dp.egress}) {
            for (const LogicalStage& s : p->stages()) largest = std::max(largest, s.flows.size());
        }
    }
    identity_.resize(largest);
    for (std::size_t i = 0; i < largest; ++i) identity_[i] = static_cast<std::uint32_t>(i);
}

FlowCache::~FlowCache() = default;

FlowCache::StageSlots& FlowCache::slots(const LogicalDatapath& datapath, const LogicalStage& stage) const {
    const std::size_t key = static_cast<std::size_t>(stage.flows.front() - flows_.dump().flows.data());
    if (StageSlots* s = by_flow_[key].load(std::memory_order_acquire)) return *s;
    std::lock_guard lock(mutex_);
    if (StageSlots* s = by_flow_[key].load(std::memory_order_acquire)) return *s;
    auto s = std::make_unique<StageSlots>();
    s->count = stage.flows.size();
    s->flows = std::make_unique<std::atomic<CompiledFlow*>[]>(s->count);
    const auto key_of_datapath = topology_.datapath_key(datapath);
    s->index = StageIndex::build(stage, resolver_.symbols(), [&](char sigil, std::string_view name) -> std::optional<SetMembers> {
        SetMembers members;
        if (sigil == '@') {
            const PortGroupBinding* b = sets_.port_group(name, key_of_datapath);
            if (b == nullptr) return std::nullopt;
            members.ports = b->port_list;
        } else {
            const AddressSetBinding* b = sets_.address_set(name);
            if (b == nullptr) return std::nullopt;
            members.values = b->entries.values();
        }
        return members;
    });
    StageSlots* raw = s.get();
    stages_.push_back(std::move(s));
    by_flow_[key].store(raw, std::memory_order_release);
    return *raw;
}

std::unique_ptr<CompiledFlow> FlowCache::compile(const LogicalDatapath& datapath, const DumpFlow& flow) const {
    const LflowDump& dump = flows_.dump();
    const std::string_view file = dump.path();
    auto compiled = std::make_unique<CompiledFlow>();
    compiled->flow = &flow;
    const MatchExpr match = parse_match(flow.match, TextOrigin{file, dump.match_loc(flow)});
    compiled->actions = parse_actions(flow.actions, TextOrigin{file, dump.actions_loc(flow)});
    const auto prerequisites = action_prerequisites(compiled->actions, resolver_.symbols());
    compiled->match = resolver_.resolve(match, file, prerequisites);
    compiled->omittable = is_true_literal(match) && is_plain_next(compiled->actions);
    if (flow.has_uuid) {
        compiled->uuid = flow.uuid;
    } else if (logical_flows_.available()) {
        if (const auto row = logical_flows_.find(datapath, flow)) {
            compiled->uuid = row->row->uuid.prefix32();
            compiled->uuid_from_logical_flow = true;
        }
    }

    const auto key = topology_.datapath_key(datapath);
    for_each_set(compiled->match, [&](const MatchNode& n) {
        const std::string_view name = compiled->match.text(n.text);
        if (n.kind == MatchNode::Kind::address_set) {
            const AddressSetBinding* b = sets_.address_set(name);
            if (b == nullptr) {
                throw InputError(std::string(file), n.loc,
                                 "unknown address set $" + std::string(name) + ": " + sets_.address_set_sources());
            }
            compiled->address_sets.push_back(b);
        } else {
            const PortGroupBinding* b = sets_.port_group(name, key);
            if (b == nullptr) {
                throw InputError(std::string(file), n.loc,
                                 "unknown port group @" + std::string(name) + ": " + sets_.port_group_sources());
            }
            compiled->port_groups.push_back(b);
        }
    });
    return compiled;
}

const CompiledFlow& FlowCache::flow(const LogicalDatapath& datapath, const LogicalStage& stage, std::size_t i) const {
    StageSlots& s = slots(datapath, stage);
    if (CompiledFlow* f = s.flows[i].load(std::memory_order_acquire)) return *f;
    // Compiled without the lock, so that threads compile different flows at once; of two
    // that compile the same flow, the first to publish wins and the other drops its copy.
    auto compiled = compile(datapath, *stage.flows[i]);
    CompiledFlow* published = nullptr;
    if (!s.flows[i].compare_exchange_strong(published, compiled.get(), std::memory_order_acq_rel))
        return *published;
    compiled_.fetch_add(1, std::memory_order_relaxed);
    return *compiled.release();
}

std::span<const std::uint32_t> FlowCache::candidates(const LogicalDatapath& datapath, const LogicalStage& stage,
                                                     const Packet& packet, std::vector<std::uint32_t>& scratch) const {
    if (stage.flows.empty()) return {};
    const StageSlots& s = slots(datapath, stage);
    if (!s.index) return {identity_.data(), stage.flows.size()};
    s.index->candidates(packet, scratch);
    return scratch;
}

}  // namespace ovnsim
