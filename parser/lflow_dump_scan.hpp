#pragma once
// Private to the lflow dump reader: splits a flow's raw `match=(...), action=(...)` text.
//
// OVN prints match and actions raw (`%s`), so the split is quote-aware: the match ends at
// the first `), action=(` outside a JSON string literal, the actions at the last `)` of the
// flow's last line. A flow continues on the next line while its match is still open, while
// a string literal is open, or while its line does not end with `)`, unless that next line
// starts a record of its own (`  table=`, `  uuid=`, `Datapath:`, a `--vflows` section).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parser/lflow_dump.hpp"

namespace ovnsim::dump_scan {

struct FlowBody {
    std::string_view match;
    std::string_view actions;
    const char* end = nullptr;           // the '\n' ending the flow's last line, or the end of text
    std::uint32_t match_newlines = 0;    // raw newlines inside the match
    std::uint32_t actions_newlines = 0;  // raw newlines inside the actions
};

struct BodyError {
    const char* where = nullptr;
    std::string message;
};

// `match_begin` points just after `match=(`; `text_end` is the end of the whole dump.
bool scan_flow_body(const char* match_begin, const char* text_end, FlowBody& out, BodyError& error);

// True when `line` (the rest of the text from a line start) starts a record of its own.
bool starts_record(std::string_view line);

// The `--vflows` section that `line` (without its terminator) is the header of, if any.
std::optional<TrailerSection> trailer_section(std::string_view line);

// `line` without its trailing '\r' (dumps that went through a CRLF conversion).
inline std::string_view chomp_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

}  // namespace ovnsim::dump_scan
