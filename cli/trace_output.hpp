#pragma once
// Where `ovnsim trace` writes: one observer per output style, and the report of a packet
// built from --from/--to.
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/trace_options.hpp"
#include "sim/bundle.hpp"
#include "sim/packet_builder.hpp"
#include "sim/report/trace_text.hpp"
#include "sim/report/trace_samples.hpp"
#include "sim/trace_observer.hpp"

namespace ovnsim::cli {

// The printer of a text style (detailed, summary, minimal, table); null for json, which
// is written from the result.
std::unique_ptr<TraceObserver> make_trace_printer(TraceOutput output, const SampleDecorations& samples,
                                                  std::ostream& out);

// "# --from vif1 --to vif2: ls1 'inport == ...'" and one "#   field = value (why)" line per
// value filled in (for the text styles).
void print_built_packet(const PortPacket& packet, const TraceCliOptions& options, std::ostream& out);

}  // namespace ovnsim::cli
