#pragma once
// Runs one packet through the logical pipelines, the way OpenFlow runs OVN's flows and
// ovn-trace follows them: in each table the highest-priority matching flow runs its
// actions in order; `next` resubmits to a table and returns (the actions after it still
// run), ct actions fork a recirculated copy into the next table, `output` hands a copy to
// the egress pipeline (or, from egress, to the patch peer's ingress or out of the logical
// network). Results go into a PacketResult; events go to the observer as they happen.
//
// Internal to the tracer (sim/trace_session.cpp builds it); split over packet_run*.cpp:
// tables and pipelines, actions, conntrack actions, outputs.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "parser/action_ast.hpp"
#include "sim/conntrack.hpp"
#include "sim/trace_engine.hpp"
#include "sim/trace_observer.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

class PacketRun {
public:
    PacketRun(const TraceEngine& engine, Conntrack& conntrack, const TraceOptions& options, TraceObserver& observer,
              PacketResult& result);

    // Runs `packet` from table 0 of `datapath`'s ingress pipeline; fills the result's
    // hops, samples, deliveries, drops, verdict and ACLs.
    void run(const LogicalDatapath& datapath, Packet packet);

private:
    // Where a pipeline runs and what its ct actions use.
    struct Frame {
        const LogicalDatapath* datapath = nullptr;
        Pipeline pipeline = Pipeline::Ingress;
        bool router = false;
        const ConntrackZone* zone = nullptr;       // switches: the port's zone
        const ConntrackZone* dnat_zone = nullptr;  // routers
        const ConntrackZone* snat_zone = nullptr;
        std::string chassis;                       // where it runs ("" unknown)
        bool generated = false;                    // inside a generated packet's branch
        // The last lookup per zone, which a later ct_commit commits.
        struct Pending {
            const ConntrackZone* zone = nullptr;
            CtTuple tuple;
        };
        std::array<Pending, 2> pending{};
        std::optional<std::size_t> acl;  // index into result.acls decided in this pipeline
    };

    // What running an action list did to the path of the packet.
    struct Outcome {
        bool continued = false;  // next, output, a ct recirculation, clone
        bool generated = false;  // reject, tcp_reset, icmp4, ...: a new packet replaced it
    };

    // packet_run.cpp: pipelines and tables.
    void run_pipeline(const LogicalDatapath& datapath, Pipeline pipeline, PipelineEntry entry, Packet& packet,
                      std::string chassis, const LogicalStage* first, unsigned depth, bool generated);
    void run_stage(const LogicalStage* stage, Packet& packet, Frame& frame, unsigned depth);
    void visit_table(const LogicalStage& stage, Packet& packet, Frame& frame, unsigned depth);
    void attribute_hop(const LogicalStage& stage, const DumpFlow& flow, const Packet& packet, Frame& frame,
                       std::size_t hop);
    void record_drop(DropReason reason, const Frame& frame, std::string_view stage, std::optional<std::size_t> hop,
                     std::string port, unsigned depth);
    void note(std::string_view code, std::string_view subject, unsigned depth);
    void finish();

    // packet_run_actions.cpp
    Outcome run_actions(const ActionList& actions, Packet& packet, Frame& frame, const LogicalStage& stage,
                        std::size_t hop, unsigned depth);
    void next_action(const NextAction& next, Packet& packet, Frame& frame, const LogicalStage& stage,
                     unsigned depth);
    void function_call(const FunctionCallAction& call, Packet& packet, unsigned depth);
    void sample_action(const SampleAction& sample, const Packet& packet, const Frame& frame,
                       const LogicalStage& stage, std::size_t hop, unsigned depth);
    void log_action(const LogAction& log, const Packet& packet, const Frame& frame, unsigned depth);
    void nested_action(const NestedAction& nested, const Packet& packet, Frame& frame, const LogicalStage& stage,
                       std::size_t hop, unsigned depth, Outcome& outcome);
    void not_modelled(std::string_view action, std::string_view assumption, unsigned depth);

    // packet_run_ct.cpp
    void ct_lookup_action(std::string_view name, const ConntrackZone& zone, bool nat, Packet& packet, Frame& frame,
                          const LogicalStage& stage, unsigned depth, const CtLbAction* lb = nullptr,
                          const CtNatAction* nat_action = nullptr, bool commit = false);
    void ct_commit_action(const CtCommitAction& commit, const Packet& packet, Frame& frame,
                          const LogicalStage& stage, std::size_t hop, unsigned depth);
    const ConntrackZone& zone_for(const Frame& frame, CtZone which, bool committing = false) const;
    std::uint8_t next_forced_state(unsigned depth, bool& defaulted);
    CtCommitter committer(const Frame& frame, const LogicalStage& stage, std::size_t hop) const;

    // packet_run_output.cpp
    void output_action(Packet& packet, Frame& frame, unsigned depth);
    void output_from_ingress(const Packet& packet, Frame& frame, unsigned depth);
    void output_from_egress(const Packet& packet, Frame& frame, unsigned depth);
    void enter_egress(const Packet& packet, const Frame& frame, std::string_view outport, PipelineEntry how,
                      unsigned depth);

    const TraceEngine& engine_;
    const Bundle& bundle_;
    const Topology& topology_;
    const FlowCache& flows_;
    Conntrack& conntrack_;
    const TraceOptions& options_;
    TraceObserver& observer_;
    PacketResult& result_;
    unsigned visits_ = 0;
    bool loop_reported_ = false;
    std::size_t forced_used_ = 0;
    std::vector<std::uint32_t> candidates_;  // scratch
    std::vector<std::optional<std::size_t>> drop_acls_;  // per drop: the ACL of its pipeline
};

}  // namespace ovnsim
