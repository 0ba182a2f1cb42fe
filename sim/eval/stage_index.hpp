#pragma once
// A candidate filter for stages with many flows (ACL eval with tens of thousands of ACLs).
// It reads the raw match text, without compiling any flow: a match with no `||` and no
// `!` (outside strings and comments) is a conjunction, so each `FIELD == CONSTANT` in it
// must hold for the flow to match. The index takes the field that such terms name in the
// most flows with the most distinct values (ip4.dst, outport, tcp.dst, ...) and buckets the
// flows by its constant; flows without the term are always candidates. A lookup reads the
// packet's field and returns its bucket merged with those, in stage order.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/symbol_table.hpp"
#include "sim/logical_flows.hpp"

namespace ovnsim {

class Packet;

class StageIndex {
public:
    // Stages smaller than this are scanned flow by flow.
    static constexpr std::size_t kMinFlows = 128;

    // Null when the stage is small or no field narrows it down.
    static std::unique_ptr<StageIndex> build(const LogicalStage& stage, const SymbolTable& symbols);

    // Positions in stage.flows that can match `packet`, ascending.
    void candidates(const Packet& packet, std::vector<std::uint32_t>& out) const;

    std::string_view field() const { return field_; }
    std::size_t always_count() const { return always_.size(); }

private:
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
};

}  // namespace ovnsim
