#pragma once
// A candidate filter for stages with many flows (ACL eval with tens of thousands of ACLs,
// a router's ARP table, load balancer VIPs). It reads the raw match text, without
// compiling any flow: a match with no `||` and no `!` (outside strings and comments) is a
// conjunction, so each `FIELD == C` in it must hold for the flow to match, where C is a
// constant, a set `{c1, c2, ...}`, a `$address_set` or a `@port_group` (expanded through
// the bindings). The index takes the field that leaves the fewest candidates in the worst
// case (ip4.dst, outport, reg0, tcp.dst, ...) and buckets the flows by its values; flows
// without such a term are always candidates. A lookup reads the packet's field and returns
// its bucket merged with those, in stage order.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/symbol_table.hpp"
#include "sim/logical_flows.hpp"
#include "sim/microflow.hpp"

namespace ovnsim {

class Packet;

// The members of `$name` (sigil '$': values) or `@name` (sigil '@': port names); nullopt
// when unknown (the flows naming it are then always candidates).
struct SetMembers {
    std::vector<std::string> ports;
    std::vector<MaskedValue> values;
};
using SetExpander = std::function<std::optional<SetMembers>(char sigil, std::string_view name)>;

class StageIndex {
public:
    // Stages smaller than this are scanned flow by flow.
    static constexpr std::size_t kMinFlows = 32;

    // Null when the stage is small or no field narrows it down.
    static std::unique_ptr<StageIndex> build(const LogicalStage& stage, const SymbolTable& symbols,
                                             const SetExpander& expand = {});

    // Positions in stage.flows that can match `packet`, ascending.
    void candidates(const Packet& packet, std::vector<std::uint32_t>& out) const;

    // The field of the first level (flows it cannot place are indexed again on another).
    std::string_view field() const { return field_; }
    // Flows that are candidates for every packet.
    std::size_t always_count() const;
    // The most candidates a packet can get.
    std::size_t worst_case() const;

private:
    friend class StageIndexBuilder;

    struct KeyHash {
        std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& v) const noexcept {
            return std::hash<std::uint64_t>{}(v.first * 0x9E3779B97F4A7C15ULL ^ v.second);
        }
    };
    std::string field_;
    const Symbol* symbol_ = nullptr;
    FieldBits bits_;
    std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, std::vector<std::uint32_t>, KeyHash> numeric_;
    std::unordered_map<std::string, std::vector<std::uint32_t>> strings_;
    std::vector<std::uint32_t> always_;
    std::unique_ptr<StageIndex> rest_;  // over always_, when another field places them
    std::size_t largest_ = 0;           // the largest bucket
};

}  // namespace ovnsim
