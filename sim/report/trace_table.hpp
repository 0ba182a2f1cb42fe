#pragma once
// `ovnsim trace --table`: the talk's slide, as a TraceObserver. One row per table a packet
// went through (those ovn-trace leaves out, a `1` match whose only action is `next;`, are
// left out too): the logical flow (datapath, pipeline, table, stage, priority, match,
// actions), the conntrack zone of the pipeline, the ct_state the flow saw, what a ct action
// of the row did, the zone's conntrack entries after the row, and the ACL and samples of
// the row. Below the table: the verdict, the deciding ACL and the conntrack after the packet.
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/trace_observer.hpp"

namespace ovnsim {

struct TraceTableOptions {
    std::size_t max_cell = 40;  // match and actions cells are cut to this many characters
};

class TraceTablePrinter final : public TraceObserver {
public:
    explicit TraceTablePrinter(std::ostream& out, TraceTableOptions options = {});

    void packet_start(const PacketStartEvent& e) override;
    void pipeline_start(const PipelineStartEvent& e) override;
    void pipeline_end(const PipelineEndEvent& e) override;
    void table_hit(const TableHitEvent& e) override;
    void table_miss(const TableMissEvent& e) override;
    void ct_lookup(const CtLookupEvent& e) override;
    void ct_commit(const CtCommitEvent& e) override;
    void sample(const SampleEvent& e) override;
    void packet_end(const PacketEndEvent& e) override;

private:
    struct Row {
        std::optional<std::size_t> hop;
        std::string datapath, pipeline, table, stage, priority, match, actions, zone, state, ct, entries, notes;
        std::optional<std::uint32_t> zone_number;
        std::string entries_full;  // `entries` before a ditto mark replaced it
    };
    struct PipelineFrame {
        std::string datapath;
        Pipeline pipeline = Pipeline::Ingress;
        std::optional<ConntrackZone> zone;
    };

    Row& start_row(std::optional<std::size_t> hop);
    void finish_row();
    void remember(std::uint32_t zone, const CtEntrySnapshot& entry);
    std::string render(const PacketResult& result);

    std::ostream& out_;
    TraceTableOptions options_;
    std::vector<Row> rows_;
    bool row_open_ = false;
    std::vector<PipelineFrame> pipelines_;
    // The entries of each zone as the packet goes, starting from the previous packet's
    // conntrack (zone number -> entries in commit order).
    std::map<std::uint32_t, std::vector<CtEntrySnapshot>> zones_;
    ConntrackSnapshot after_last_packet_;
    std::size_t packets_written_ = 0;
};

}  // namespace ovnsim
