#include "cli/trace_output.hpp"

#include "sim/report/trace_table.hpp"
#include "sim/report/trace_text.hpp"

namespace ovnsim::cli {
namespace {

// The decoration of fired samples (Sampling_App, NB rows, ACL, the OVN-Kubernetes message)
// comes from the sampling analysis; until it is there, samples show their resolved ids only.
SampleDescriber sample_describer(const Bundle&) { return {}; }

}  // namespace

std::unique_ptr<TraceObserver> make_trace_printer(TraceOutput output, const Bundle& bundle, std::ostream& out) {
    TraceTextOptions text;
    text.describe_sample = sample_describer(bundle);
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
