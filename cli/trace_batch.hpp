#pragma once
// `ovnsim trace BUNDLE [DATAPATH] --batch FILE`: one packet per line of FILE, the bundle
// loaded and its flows compiled once, a fresh conntrack per line. A line is
// `DATAPATH<blanks>MICROFLOW`, or the MICROFLOW alone when DATAPATH is on the command line;
// blank lines and lines starting with `#` are skipped. A line that fails (unknown datapath,
// a microflow that does not parse) is reported as FILE:LINE:COL on stderr and the run goes
// on; the exit status is then 2.
#include <iosfwd>

#include "cli/trace_options.hpp"

namespace ovnsim::cli {

// Returns the exit status (0, or 2 when a line failed). Throws InputError when the bundle
// or FILE cannot be read.
int run_trace_batch(const TraceCliOptions& options, std::ostream& out, std::ostream& err);

}  // namespace ovnsim::cli
