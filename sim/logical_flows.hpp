#pragma once
// The logical flows of a dump, arranged the way OVN runs them: datapaths, each with an
// ingress and an egress pipeline, each pipeline a sequence of stages in table order, each
// stage its flows by descending priority. Stages are found by name; table numbers only
// order them (and resolve `next(pipeline=..., table=N)`, whose N is this dump's numbering).
//
// Built in linear time when the dump is in `ovn-sbctl` order (it always is), O(n log n)
// otherwise. The flows stay in the dump; the model holds pointers to them.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parser/lflow_dump.hpp"

namespace ovnsim {

struct LogicalStage {
    std::string_view name;       // "" when its flows carry no stage-name
    std::uint32_t stage_id = 0;  // index into LflowDump::stage_names
    std::uint16_t table = 0;
    Pipeline pipeline = Pipeline::Ingress;
    std::span<const DumpFlow* const> flows;  // priority descending; dump order among equals
};

class LogicalPipeline {
public:
    Pipeline kind() const { return kind_; }
    std::span<const LogicalStage> stages() const { return stages_; }
    bool empty() const { return stages_.empty(); }
    std::size_t flow_count() const;

    const LogicalStage* stage(std::string_view name) const;       // nullptr when absent
    const LogicalStage* stage_at_table(std::uint16_t table) const;  // nullptr when absent
    // The stage with the next higher table number; nullptr after the last one.
    // `stage` must belong to this pipeline.
    const LogicalStage* next_stage(const LogicalStage& stage) const;

private:
    friend class LogicalFlowsBuilder;
    Pipeline kind_ = Pipeline::Ingress;
    std::vector<LogicalStage> stages_;
};

struct LogicalDatapath {
    std::string_view name;   // external_ids:name as printed; may be empty
    std::string_view name2;  // the `aka` name; may be empty
    std::string_view uuid;   // SB Datapath_Binding uuid
    std::uint32_t index = 0; // in LogicalFlows::datapaths() and LflowDump::datapaths
    LogicalPipeline ingress;
    LogicalPipeline egress;

    const LogicalPipeline& pipeline(Pipeline p) const { return p == Pipeline::Ingress ? ingress : egress; }
    // `"ls1"`, `"ls1" aka "net1"`, or `(uuid)` when unnamed: for messages.
    std::string label() const;
};

class LogicalFlows {
public:
    // Throws InputError when the dump is inconsistent: two stage names in one table of a
    // pipeline, or one stage name at two tables.
    explicit LogicalFlows(std::shared_ptr<const LflowDump> dump);
    static LogicalFlows from_dump(LflowDump dump) { return LogicalFlows(std::make_shared<const LflowDump>(std::move(dump))); }

    LogicalFlows(LogicalFlows&&) noexcept = default;
    LogicalFlows& operator=(LogicalFlows&&) noexcept = default;
    LogicalFlows(const LogicalFlows&) = delete;
    LogicalFlows& operator=(const LogicalFlows&) = delete;

    const LflowDump& dump() const { return *dump_; }
    const std::shared_ptr<const LflowDump>& shared_dump() const { return dump_; }
    std::span<const LogicalDatapath> datapaths() const { return datapaths_; }
    std::size_t flow_count() const { return dump_->flows.size(); }
    std::string_view stage_name(const DumpFlow& flow) const { return dump_->stage_name(flow); }

    // Every datapath `key` names, by the first rule that matches any: the full uuid, then
    // the name or aka name, then a uuid prefix of at least 4 characters.
    std::vector<const LogicalDatapath*> find_datapaths(std::string_view key) const;
    // The one datapath `key` names; throws InputError when none does or when several do
    // (the message lists them).
    const LogicalDatapath& datapath(std::string_view key) const;

private:
    friend class LogicalFlowsBuilder;
    std::shared_ptr<const LflowDump> dump_;
    std::vector<const DumpFlow*> ordered_;  // what the stages' spans point into
    std::vector<LogicalDatapath> datapaths_;
};

}  // namespace ovnsim
