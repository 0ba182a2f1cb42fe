#include "cli/trace_output.hpp"

#include "sim/report/trace_table.hpp"

namespace ovnsim::cli {

std::unique_ptr<TraceObserver> make_trace_printer(TraceOutput output, const SampleDecorations& samples,
                                                  std::ostream& out) {
    TraceTextOptions text;
    text.describe_sample = samples.describer();
    switch (output) {
    case TraceOutput::detailed: text.style = TraceTextStyle::detailed; break;
    case TraceOutput::summary: text.style = TraceTextStyle::summary; break;
    case TraceOutput::minimal: text.style = TraceTextStyle::minimal; break;
    case TraceOutput::table: return std::make_unique<TraceTablePrinter>(out);
    case TraceOutput::json: return nullptr;
    }
    return std::make_unique<TraceTextPrinter>(out, std::move(text));
}

void print_built_packet(const PortPacket& packet, const TraceCliOptions& options, std::ostream& out) {
    out << "# --from " << options.from << " --to " << options.to << ": " << packet.datapath << " '" << packet.microflow
        << "'\n";
    for (const ChosenValue& c : packet.chosen) out << "#   " << c.field << " = " << c.value << " (" << c.reason << ")\n";
}

}  // namespace ovnsim::cli
