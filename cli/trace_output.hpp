#pragma once
// Where `ovnsim trace` writes: one observer per output style, the decoration of fired
// samples, and the report of a packet built from --from/--to.
#include <memory>
#include <ostream>

#include <nlohmann/json.hpp>

#include "cli/trace_options.hpp"
#include "sim/bundle.hpp"
#include "sim/packet_builder.hpp"
#include "sim/report/trace_text.hpp"
#include "sim/sampling_decoration.hpp"
#include "sim/trace_observer.hpp"

namespace ovnsim::cli {

// The sampling analysis' reading of the samples a trace fires (sim/sampling_decoration.hpp:
// the app, the Sample and ACL rows, the OVN-Kubernetes message), built on the first sample
// and shared by every printer and JSON document of a run. Nothing without NB tables.
class SampleDecorations {
public:
    explicit SampleDecorations(const Bundle& bundle);
    // For the text printers: "acl-new: Allowed by ...", or why the ids decode to nothing.
    SampleDescriber describer() const;
    // Each sample of `json` (trace_result_json of `result`) gets a "decoded" object.
    void add_to(const TraceResult& result, nlohmann::json& json) const;

private:
    struct Lazy;
    std::shared_ptr<Lazy> lazy_;
};

// The printer of a text style (detailed, summary, minimal, table); null for json, which
// is written from the result.
std::unique_ptr<TraceObserver> make_trace_printer(TraceOutput output, const SampleDecorations& samples,
                                                  std::ostream& out);

// "# --from vif1 --to vif2: ls1 'inport == ...'" and one "#   field = value (why)" line per
// value filled in (for the text styles).
void print_built_packet(const PortPacket& packet, const TraceCliOptions& options, std::ostream& out);

}  // namespace ovnsim::cli
