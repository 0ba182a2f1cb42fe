#pragma once
// The text faces of a trace, as a TraceObserver: `--detailed` (default), `--summary` and
// `--minimal` read like ovn-trace's (sim/report/trace_text_tree.hpp), plus what ovn-trace
// cannot say, as /* comments */ in the tree and `#` lines around it: the conntrack zone and
// entry each ct action found, what each ct_commit stored, every sample fired with its
// resolved ids, the defaults the microflow solver filled in, the verdict, the ACL that
// decided, and the conntrack after the packet. Each packet is written when it ends.
//
//   TraceTextPrinter printer(std::cout, {TraceTextStyle::summary});
//   session.run(request, &printer);
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/trace_observer.hpp"

namespace ovnsim {

struct TraceNode;
enum class TraceNodeType;

enum class TraceTextStyle { detailed, summary, minimal };

// Extra lines printed under a fired sample: the decoration the sampling analysis knows
// (Sampling_App, NB Sample and collector rows, the ACL, the OVN-Kubernetes message).
using SampleDescriber = std::function<std::vector<std::string>(const SampleFired&)>;

struct TraceTextOptions {
    TraceTextStyle style = TraceTextStyle::detailed;
    // Exactly the lines ovn-trace prints: the flow line and the tree, no ovnsim additions
    // (and ovn-trace's titles for ct_lb / ct_dnat / ct_commit_nat branches).
    bool ovn_trace_only = false;
    SampleDescriber describe_sample;
};

class TraceTextPrinter final : public TraceObserver {
public:
    explicit TraceTextPrinter(std::ostream& out, TraceTextOptions options = {});
    ~TraceTextPrinter() override;

    void packet_start(const PacketStartEvent& e) override;
    void pipeline_start(const PipelineStartEvent& e) override;
    void pipeline_end(const PipelineEndEvent& e) override;
    void table_hit(const TableHitEvent& e) override;
    void table_miss(const TableMissEvent& e) override;
    void action(const ActionEvent& e) override;
    void ct_lookup(const CtLookupEvent& e) override;
    void ct_commit(const CtCommitEvent& e) override;
    void sample(const SampleEvent& e) override;
    void log(const LogEvent& e) override;
    void drop(const DropEvent& e) override;
    void output(const OutputEvent& e) override;
    void not_modelled(const NotModelledEvent& e) override;
    void note(const NoteEvent& e) override;
    void branch_start(const BranchEvent& e) override;
    void branch_end(const BranchEvent& e) override;
    void packet_end(const PacketEndEvent& e) override;

private:
    struct Frame {
        TraceNode* node;        // where the frame's first node went
        TraceNode* insert;      // where the next nodes go (the last table of a `next` chain)
        std::string datapath;   // pipelines: friendly datapath name
        std::optional<Pipeline> pipeline;
        std::string inport;
        bool multicast = false;  // a multicast group's copies
    };

    void push(TraceNode* node, std::string datapath, std::optional<Pipeline> pipeline, std::string inport = {});
    void pop();
    TraceNode* insert() { return frames_.back().insert; }
    // Whether the style prints nodes of `type`; add() builds only those (a node not shown
    // stands for its children, which go to its parent).
    bool shows(TraceNodeType type) const;
    TraceNode* add(TraceNode* parent, TraceNodeType type, std::string text);
    bool shows_facts(bool visible = false) const;
    void fact(std::string text, bool visible = false);
    bool in_egress() const;
    const std::string& current_datapath() const;
    const std::string& current_inport() const;
    void add_modifications(const Action& action);
    std::string header(const PacketResult& result) const;
    std::string footer(const PacketResult& result) const;

    std::ostream& out_;
    TraceTextOptions options_;
    std::unique_ptr<TraceNode> root_;
    std::vector<Frame> frames_;
    std::size_t packets_written_ = 0;
    // The packet that started: its flow line and its defaults.
    std::string flow_line_;
    // The hop whose flow ovn-trace omits (match 1, `next;`): its actions are not shown.
    std::optional<std::size_t> omitted_hop_;
    std::optional<std::size_t> hop_with_actions_;
    std::optional<Packet> hop_packet_;  // before the current hop's actions (for moves)
    // Actions inside a ct_commit { } block run as part of the commit, not on their own.
    const Action* commit_body_begin_ = nullptr;
    const Action* commit_body_end_ = nullptr;
    std::string pending_branch_title_;  // set by a ct lookup for the branch that follows
    std::string pending_branch_fact_;
};

}  // namespace ovnsim
