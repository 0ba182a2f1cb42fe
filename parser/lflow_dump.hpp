#pragma once
// Reader of `ovn-sbctl dump-flows` / `lflow-list` text (ovn-reference.md §1.1), every OVN
// release from 20.03 to 26.03: datapath headers, flow lines with or without `--uuid`, the
// `--ovs` OpenFlow lines (skipped, counted) and the `--vflows` trailer sections.
//
// The IR keeps string_views into the TextFile it was read from (held by the dump), so a
// million-flow dump costs one mmap plus one small struct per flow. Matches and actions stay
// raw text: the match and action grammars parse them on demand.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source_location.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

enum class Pipeline : std::uint8_t { Ingress, Egress };

// "ingress" / "egress", as OVN prints them.
std::string_view to_string(Pipeline pipeline);

// One `Datapath:` header's datapath. name and name2 are external_ids:name / name2; a
// header showing a single name reports it as `name` (OVN prints name2 alone only when
// name is missing, which the text cannot tell apart).
struct DumpDatapath {
    std::string name;
    std::string name2;  // the `aka "..."` name, empty when absent
    std::string uuid;   // SB Datapath_Binding uuid, 36 characters
    SourceLoc loc;      // its first header
};

struct DumpFlow {
    std::uint32_t datapath = 0;  // index into LflowDump::datapaths
    std::uint32_t stage = 0;     // index into LflowDump::stage_names
    std::uint32_t uuid = 0;      // first 32 bits of the SB Logical_Flow uuid (--uuid dumps)
    std::uint16_t table = 0;
    std::uint16_t priority = 0;
    Pipeline pipeline = Pipeline::Ingress;
    bool has_uuid = false;
    std::string_view match;    // raw text between `match=(` and `), action=(`
    std::string_view actions;  // raw text between `action=(` and the flow's last `)`
    std::uint32_t line = 0;    // line of `  table=` / `  uuid=`
    std::uint32_t match_column = 0;
    std::uint32_t actions_line = 0;  // differs from `line` only when the match spans lines
    std::uint32_t actions_column = 0;
};

// The `--vflows` sections printed after the flows.
enum class TrailerSection : std::uint8_t { PortBindings, MacBindings, McGroups, Chassis, LoadBalancers };
std::string_view to_string(TrailerSection section);  // "Port Bindings", ...

// One record of a trailer section, kept as text: `logical_port=lsp1, tunnel_key=1` (one
// line, indentation and padding removed), or for a load balancer its `name=...` line
// through its last `vips:` entry.
struct DumpTrailerRecord {
    TrailerSection section = TrailerSection::PortBindings;
    std::string_view text;
    std::uint32_t line = 0;
};

struct LflowDump {
    std::shared_ptr<const TextFile> file;
    std::vector<DumpDatapath> datapaths;  // in order of first appearance, unique by uuid
    std::vector<std::string> stage_names; // interned; "" when the flow had no stage-name
    std::vector<DumpFlow> flows;          // in file order
    std::vector<DumpTrailerRecord> trailer;
    std::size_t openflow_lines = 0;       // `--ovs` lines skipped

    const std::string& path() const { return file->path(); }
    std::string_view stage_name(const DumpFlow& flow) const { return stage_names[flow.stage]; }
    SourceLoc loc(const DumpFlow& flow) const { return {flow.line, 1}; }
    SourceLoc match_loc(const DumpFlow& flow) const { return {flow.line, flow.match_column}; }
    SourceLoc actions_loc(const DumpFlow& flow) const { return {flow.actions_line, flow.actions_column}; }
    // Line and column of `at`, a pointer into flow.match or flow.actions (for errors that
    // the match and action parsers find at an offset of the raw text).
    SourceLoc loc_in(const DumpFlow& flow, const char* at) const;
};

// Reads the whole dump; throws InputError at the first problem.
LflowDump parse_lflow_dump(std::shared_ptr<const TextFile> file);

// Reads the whole dump, appending every problem to `problems` (capped at
// kMaxLflowDumpDiagnostics) instead of throwing; a line with a problem is left out.
LflowDump parse_lflow_dump(std::shared_ptr<const TextFile> file, Diagnostics& problems);
inline constexpr std::size_t kMaxLflowDumpDiagnostics = 1000;

// TextFile::read + parse_lflow_dump.
LflowDump read_lflow_dump(const std::string& path);

}  // namespace ovnsim
