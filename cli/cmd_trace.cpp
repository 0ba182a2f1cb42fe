// `ovnsim trace`: run a packet, a TCP handshake or a batch of packets through a bundle's
// logical flows with a modelled conntrack (cli/trace_options.hpp lists the forms).
#include <iostream>

#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "cli/trace_batch.hpp"
#include "cli/trace_options.hpp"
#include "cli/trace_output.hpp"
#include "sim/bundle.hpp"
#include "sim/packet_builder.hpp"
#include "sim/report/port_packet_json.hpp"
#include "sim/report/trace_json.hpp"
#include "sim/trace_session.hpp"

namespace ovnsim::cli {
namespace {

int run_trace_command(const TraceCliOptions& options) {
    check_trace_options(options);
    std::ios::sync_with_stdio(false);
    if (!options.batch.empty()) return run_trace_batch(options, std::cout, std::cerr);

    const auto bundle = Bundle::load(options.bundle);
    const TraceOutput output = trace_output(options);
    TraceRequest request;
    std::optional<PortPacket> built;
    if (!options.from.empty()) {
        built = build_port_packet(*bundle, port_packet_request(options));
        request.packet.datapath = built->datapath;
        request.packet.microflow = built->microflow;
        request.packet.source = "--from/--to";
        if (output != TraceOutput::json) print_built_packet(*built, options, std::cout);
    } else {
        const bool with_datapath = options.arguments.size() == 2;
        request.packet.datapath = with_datapath ? options.arguments[0] : std::string();
        request.packet.microflow = options.arguments.back();
        request.packet.source = "MICROFLOW";
    }
    add_conversation(options, request);
    request.options = engine_options(options);

    const SampleDecorations samples(*bundle);
    const auto printer = make_trace_printer(output, samples, std::cout);
    const TraceResult result = ovnsim::run_trace(bundle, request, printer.get());
    if (output == TraceOutput::json) {
        nlohmann::json json = trace_result_json(result);
        samples.add_to(result, json);
        if (built) json["built_packet"] = port_packet_json(*built, port_packet_request(options));
        std::cout << json.dump(2) << '\n';
    }
    return kExitOk;
}

const CommandRegistration kTrace(20, [](CLI::App& app) {
    auto options = std::make_shared<TraceCliOptions>();
    auto* cmd = app.add_subcommand(
        "trace",
        "Trace a packet (ovn-trace's microflow, or --from PORT --to PORT|IP), a TCP handshake or a batch through "
        "the logical flows, with a conntrack that remembers what was committed");
    add_trace_options(*cmd, *options);
    cmd->callback([options] { set_exit_status(run_trace_command(*options)); });
});

}  // namespace
}  // namespace ovnsim::cli
