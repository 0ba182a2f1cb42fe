#include "sim/trace_session.hpp"

#include "sim/bundle.hpp"
#include "sim/conntrack.hpp"
#include "sim/eval/packet_run.hpp"
#include "sim/trace_engine.hpp"
#include "sim/trace_packet.hpp"

namespace ovnsim {
namespace {

constexpr std::uint16_t kSynAck = 0x012, kAck = 0x010;

TraceObserver& null_observer() {
    static TraceObserver observer;
    return observer;
}

}  // namespace

struct TraceSession::State {
    std::shared_ptr<TraceEngine> engine;
    TraceOptions options;
    Conntrack conntrack;
    std::size_t next_index = 0;  // of the next packet in the conversation

    PacketResult run(const PreparedPacket& packet, std::string_view role, std::string_view microflow,
                     TraceObserver& observer) {
        PacketResult result;
        result.role = std::string(role);
        result.datapath = packet.datapath->label();
        if (!packet.datapath->name.empty()) result.datapath = std::string(packet.datapath->name);
        result.microflow = std::string(microflow);
        result.packet = packet.flow.packet;
        result.defaults = packet.flow.filled;

        PacketStartEvent start;
        start.index = next_index++;
        start.role = result.role;
        start.datapath = packet.datapath;
        start.packet = &result.packet;
        start.defaults = result.defaults;
        start.microflow = result.microflow;
        observer.packet_start(start);

        PacketRun run(*engine, conntrack, options, observer, result);
        run.run(*packet.datapath, packet.flow.packet);

        observer.packet_end(PacketEndEvent{&result});
        return result;
    }
};

TraceSession::TraceSession(std::shared_ptr<const Bundle> bundle, TraceOptions options)
    : TraceSession(make_trace_engine(std::move(bundle)), std::move(options)) {}

TraceSession::TraceSession(std::shared_ptr<TraceEngine> engine, TraceOptions options)
    : state_(std::make_unique<State>()) {
    state_->engine = std::move(engine);
    state_->options = std::move(options);
}

TraceSession::~TraceSession() = default;
TraceSession::TraceSession(TraceSession&&) noexcept = default;
TraceSession& TraceSession::operator=(TraceSession&&) noexcept = default;

PacketResult TraceSession::trace(const PacketSpec& packet, TraceObserver* observer, std::string_view role) {
    const PreparedPacket prepared = prepare_packet(*state_->engine, packet, state_->options.fill_defaults);
    return state_->run(prepared, role, packet.prepared ? std::string_view() : packet.microflow,
                       observer ? *observer : null_observer());
}

TraceResult TraceSession::run(const TraceRequest& request, TraceObserver* observer) {
    state_->options = request.options;
    state_->next_index = 0;
    TraceObserver& out = observer ? *observer : null_observer();
    TraceResult result;
    result.bundle = state_->engine->shared_bundle();

    const PreparedPacket first = prepare_packet(*state_->engine, request.packet, state_->options.fill_defaults);
    const std::string_view text = request.packet.prepared ? std::string_view() : request.packet.microflow;
    switch (request.conversation) {
        case Conversation::single:
            result.packets.push_back(state_->run(first, "packet", text, out));
            break;
        case Conversation::handshake:
        case Conversation::reply: {
            const bool handshake = request.conversation == Conversation::handshake;
            PacketResult syn = state_->run(first, "syn", text, handshake ? out : null_observer());
            const std::uint8_t ttl = static_cast<std::uint8_t>(first.flow.packet.get(Storage::ip_ttl).low());
            const PreparedPacket synack = syn.deliveries.empty()
                                              ? PreparedPacket{}
                                              : reply_packet(*state_->engine, syn.deliveries.front(), kSynAck, ttl);
            if (synack.datapath == nullptr) {
                syn.notes.push_back({"no_reply", "the SYN was not delivered"});
                result.packets.push_back(std::move(syn));
                break;
            }
            if (handshake) result.packets.push_back(std::move(syn));
            result.packets.push_back(state_->run(synack, handshake ? "syn+ack" : "reply", {}, out));
            if (handshake) result.packets.push_back(state_->run(with_tcp_flags(first, kAck), "ack", {}, out));
            break;
        }
    }
    for (const PacketSpec& then : request.then) {
        const PreparedPacket p = prepare_packet(*state_->engine, then, state_->options.fill_defaults);
        result.packets.push_back(state_->run(p, "then", then.prepared ? std::string_view() : then.microflow, out));
    }
    return result;
}

const TraceOptions& TraceSession::options() const { return state_->options; }
void TraceSession::set_options(TraceOptions options) { state_->options = std::move(options); }
ConntrackSnapshot TraceSession::conntrack_snapshot() const {
    return state_->conntrack.snapshot(state_->engine->symbols());
}
const Conntrack& TraceSession::conntrack() const { return state_->conntrack; }
void TraceSession::clear_conntrack() { state_->conntrack.clear(); }
const std::shared_ptr<TraceEngine>& TraceSession::engine() const { return state_->engine; }
const std::shared_ptr<const Bundle>& TraceSession::bundle() const { return state_->engine->shared_bundle(); }

TraceResult run_trace(std::shared_ptr<const Bundle> bundle, const TraceRequest& request, TraceObserver* observer) {
    TraceSession session(std::move(bundle), request.options);
    return session.run(request, observer);
}

}  // namespace ovnsim
