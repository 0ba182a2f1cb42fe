#pragma once
// The logical flows of a bundle in executable form, compiled on demand: a flow's match is
// parsed, resolved against the symbol table (with the prerequisites its actions impose, as
// OVN adds them) and its $address_sets / @port_groups bound; its actions are parsed. A
// stage is prepared the first time a packet visits it; in large stages (thousands of ACL
// flows) only the flows an index selects are compiled at all.
//
// Errors in a flow's text are InputErrors at the dump's FILE:LINE:COL; a set no table
// defines is an InputError at the set's name. Thread-safe: compilation runs under a lock,
// reading compiled flows does not lock.
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "parser/action_ast.hpp"
#include "sim/eval/logical_flow_join.hpp"
#include "sim/eval/set_bindings.hpp"
#include "sim/eval/stage_index.hpp"
#include "sim/logical_flows.hpp"
#include "sim/match_resolve.hpp"

namespace ovnsim {

class Packet;

struct CompiledFlow {
    const DumpFlow* flow = nullptr;
    ResolvedMatch match;
    ActionList actions;
    // ovn-trace's may_omit_stage: match `1` and actions exactly `next;`.
    bool omittable = false;
    // The first 32 bits of its SB Logical_Flow uuid: from a --uuid dump, else from
    // sb/Logical_Flow when the bundle has it.
    std::optional<std::uint32_t> uuid;
    bool uuid_from_logical_flow = false;
    // The sets the match names, bound for the flow's datapath.
    std::vector<const AddressSetBinding*> address_sets;
    std::vector<const PortGroupBinding*> port_groups;
};

// Answers the match's set and chassis questions for one evaluation.
class FlowMatchEnvironment final : public MatchEnvironment {
public:
    // `local_chassis` empty: every port counts as resident (chassis unknown).
    FlowMatchEnvironment(const CompiledFlow& flow, std::string_view local_chassis,
                         const class Topology* topology)
        : flow_(flow), local_chassis_(local_chassis), topology_(topology) {}
    bool in_address_set(std::string_view name, Bits128 value, unsigned width) const override;
    bool in_port_group(std::string_view name, std::string_view port) const override;
    bool is_chassis_resident(std::string_view port) const override;

private:
    const CompiledFlow& flow_;
    std::string_view local_chassis_;
    const class Topology* topology_;
};

class FlowCache {
public:
    FlowCache(const LogicalFlows& flows, const MatchResolver& resolver, const SetBindings& sets,
              const class Topology& topology, const LogicalFlowJoin& logical_flows);
    ~FlowCache();
    FlowCache(const FlowCache&) = delete;
    FlowCache& operator=(const FlowCache&) = delete;

    // The flow at position `i` of `stage.flows`, compiled on first use.
    const CompiledFlow& flow(const LogicalDatapath& datapath, const LogicalStage& stage, std::size_t i) const;

    // The positions in `stage.flows` a packet can match, in order: all of them, or those
    // the stage's index keeps. `scratch` holds the result when it is not all positions.
    std::span<const std::uint32_t> candidates(const LogicalDatapath& datapath, const LogicalStage& stage,
                                              const Packet& packet, std::vector<std::uint32_t>& scratch) const;

    std::size_t compiled_count() const { return compiled_.load(std::memory_order_relaxed); }

private:
    struct StageSlots;
    StageSlots& slots(const LogicalDatapath& datapath, const LogicalStage& stage) const;
    std::unique_ptr<CompiledFlow> compile(const LogicalDatapath& datapath, const DumpFlow& flow) const;

    const LogicalFlows& flows_;
    const MatchResolver& resolver_;
    const SetBindings& sets_;
    const class Topology& topology_;
    const LogicalFlowJoin& logical_flows_;
    std::vector<std::uint32_t> identity_;  // 0, 1, 2, ...: the candidates of unindexed stages
    mutable std::mutex mutex_;
    mutable std::vector<std::unique_ptr<StageSlots>> stages_;  // owned here, found through by_flow_
    // Per stage, at the dump index of the stage's first flow.
    std::unique_ptr<std::atomic<StageSlots*>[]> by_flow_;
    mutable std::atomic<std::size_t> compiled_{0};
};

}  // namespace ovnsim
