#pragma once
// The interface through which the tracer reports (sim/trace_events.hpp). Every method has
// an empty default: an observer overrides what it needs. Observers must not throw
// InputError; anything they throw propagates out of the trace call.
#include <vector>

#include "sim/trace_events.hpp"

namespace ovnsim {

class TraceObserver {
public:
    virtual ~TraceObserver() = default;

    virtual void packet_start(const PacketStartEvent&) {}
    virtual void pipeline_start(const PipelineStartEvent&) {}
    virtual void pipeline_end(const PipelineEndEvent&) {}
    virtual void table_hit(const TableHitEvent&) {}
    virtual void table_miss(const TableMissEvent&) {}
    virtual void action(const ActionEvent&) {}
    virtual void ct_lookup(const CtLookupEvent&) {}
    virtual void ct_commit(const CtCommitEvent&) {}
    virtual void sample(const SampleEvent&) {}
    virtual void log(const LogEvent&) {}
    virtual void drop(const DropEvent&) {}
    virtual void output(const OutputEvent&) {}
    virtual void not_modelled(const NotModelledEvent&) {}
    virtual void note(const NoteEvent&) {}
    virtual void branch_start(const BranchEvent&) {}
    virtual void branch_end(const BranchEvent&) {}
    virtual void packet_end(const PacketEndEvent&) {}
};

// Forwards every event to each observer added, in order.
class ObserverFanout final : public TraceObserver {
public:
    void add(TraceObserver& observer) { observers_.push_back(&observer); }
    bool empty() const { return observers_.empty(); }

    void packet_start(const PacketStartEvent& e) override { for (auto* o : observers_) o->packet_start(e); }
    void pipeline_start(const PipelineStartEvent& e) override { for (auto* o : observers_) o->pipeline_start(e); }
    void pipeline_end(const PipelineEndEvent& e) override { for (auto* o : observers_) o->pipeline_end(e); }
    void table_hit(const TableHitEvent& e) override { for (auto* o : observers_) o->table_hit(e); }
    void table_miss(const TableMissEvent& e) override { for (auto* o : observers_) o->table_miss(e); }
    void action(const ActionEvent& e) override { for (auto* o : observers_) o->action(e); }
    void ct_lookup(const CtLookupEvent& e) override { for (auto* o : observers_) o->ct_lookup(e); }
    void ct_commit(const CtCommitEvent& e) override { for (auto* o : observers_) o->ct_commit(e); }
    void sample(const SampleEvent& e) override { for (auto* o : observers_) o->sample(e); }
    void log(const LogEvent& e) override { for (auto* o : observers_) o->log(e); }
    void drop(const DropEvent& e) override { for (auto* o : observers_) o->drop(e); }
    void output(const OutputEvent& e) override { for (auto* o : observers_) o->output(e); }
    void not_modelled(const NotModelledEvent& e) override { for (auto* o : observers_) o->not_modelled(e); }
    void note(const NoteEvent& e) override { for (auto* o : observers_) o->note(e); }
    void branch_start(const BranchEvent& e) override { for (auto* o : observers_) o->branch_start(e); }
    void branch_end(const BranchEvent& e) override { for (auto* o : observers_) o->branch_end(e); }
    void packet_end(const PacketEndEvent& e) override { for (auto* o : observers_) o->packet_end(e); }

private:
    std::vector<TraceObserver*> observers_;
};

}  // namespace ovnsim
