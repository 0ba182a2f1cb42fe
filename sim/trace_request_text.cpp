#include "sim/trace_request_text.hpp"

#include "parser/source_location.hpp"
#include "sim/conntrack_types.hpp"

namespace ovnsim {

TraceOptions make_trace_options(const TraceOptionText& text, std::string_view ct_origin) {
    TraceOptions options;
    if (!text.ct.empty()) {
        std::vector<std::uint8_t> states;
        for (const std::string& flags : text.ct) states.push_back(parse_ct_flags(flags, ct_origin));
        options.forced_ct = std::move(states);
    }
    if (!text.lb_dst.empty()) options.lb_dst = text.lb_dst;
    options.trace_generated = text.trace_generated;
    options.handoff = text.ovn_trace_handoff ? PipelineHandoff::ovn_trace : PipelineHandoff::datapath;
    return options;
}

void apply_conversation(const ConversationText& text, TraceRequest& request, std::string_view then_origin) {
    if (text.handshake && text.reply) {
        throw InputError(request.packet.source, {}, "a handshake and a reply exclude each other");
    }
    request.conversation = text.handshake ? Conversation::handshake
                           : text.reply   ? Conversation::reply
                                          : Conversation::single;
    for (std::size_t i = 0; i < text.then.size(); ++i) {
        PacketSpec spec;
        spec.datapath = request.packet.datapath;
        spec.microflow = text.then[i];
        spec.source = std::string(then_origin) + "[" + std::to_string(i + 1) + "]";
        request.then.push_back(std::move(spec));
    }
}

PortProtocol parse_port_protocol(std::string_view text, std::string_view origin) {
    if (text == "tcp") return PortProtocol::tcp;
    if (text == "udp") return PortProtocol::udp;
    if (text == "icmp") return PortProtocol::icmp;
    throw InputError(std::string(origin), {}, "'" + std::string(text) + "' is not tcp, udp or icmp");
}

}  // namespace ovnsim
