#pragma once
// The entry point of the tracer: a session runs packets through a bundle's logical flows,
// one conntrack carried from packet to packet (sim/trace_request.hpp says what a request
// and a result hold; sim/trace_observer.hpp how to follow a trace as it runs).
//
//   auto bundle = Bundle::load("corpora/ovn-26.03/talk");
//   TraceRequest request;
//   request.packet = {"ls1", "inport == \"vif1\" && ..."};
//   request.conversation = Conversation::handshake;
//   TraceResult result = run_trace(bundle, request);
//
// Sessions on one bundle can share one TraceEngine (the compiled flows, address sets, port
// groups and topology, built lazily and kept): `--batch` makes one engine and a fresh
// session (or clear_conntrack()) per line. A session is not thread-safe; an engine is
// (its caches are filled under a lock).
#include <memory>
#include <string_view>

#include "sim/trace_observer.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

class Bundle;
class TraceEngine;
class Conntrack;

// The per-bundle state all sessions share.
std::shared_ptr<TraceEngine> make_trace_engine(std::shared_ptr<const Bundle> bundle);

class TraceSession {
public:
    explicit TraceSession(std::shared_ptr<const Bundle> bundle, TraceOptions options = {});
    explicit TraceSession(std::shared_ptr<TraceEngine> engine, TraceOptions options = {});
    ~TraceSession();
    TraceSession(TraceSession&&) noexcept;
    TraceSession& operator=(TraceSession&&) noexcept;

    // Traces one packet with this session's conntrack (which it updates). Throws InputError
    // for an unknown datapath or port, a microflow that does not parse or solve, an inport
    // not on the datapath, or a flow of the dump that does not parse (FILE:LINE:COL of the
    // dump).
    PacketResult trace(const PacketSpec& packet, TraceObserver* observer = nullptr,
                       std::string_view role = "packet");

    // Runs a request (its options replace the session's): the packet, the conversation it
    // asks for, then its `then` packets, all through this session's conntrack.
    TraceResult run(const TraceRequest& request, TraceObserver* observer = nullptr);

    const TraceOptions& options() const;
    void set_options(TraceOptions options);

    ConntrackSnapshot conntrack_snapshot() const;
    const Conntrack& conntrack() const;
    void clear_conntrack();

    const std::shared_ptr<TraceEngine>& engine() const;
    const std::shared_ptr<const Bundle>& bundle() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// A fresh session running one request.
TraceResult run_trace(std::shared_ptr<const Bundle> bundle, const TraceRequest& request,
                      TraceObserver* observer = nullptr);

}  // namespace ovnsim
