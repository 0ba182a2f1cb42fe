#pragma once
// Private to the lflow dump reader: the X3 grammar of one dump-flows line, behind a plain
// interface so that only lflow_dump_grammar.cpp compiles Spirit.
#include <cstdint>
#include <string>
#include <string_view>

#include "parser/lflow_dump.hpp"

namespace ovnsim::dump_grammar {

// Where a line stopped following the grammar and what was expected there.
struct SyntaxError {
    const char* where = nullptr;
    std::string expected;
};

// `Datapath: "name" aka "name2" (uuid)  Pipeline: ingress` (names optional).
struct DatapathHeader {
    std::string_view name;
    std::string_view name2;
    std::string_view uuid;
    Pipeline pipeline = Pipeline::Ingress;
};

// `  [uuid=0x1a2b3c4d, ]table=9 (ls_in_acl_eval     ), priority=1001 , match=(` — the part
// of a flow line before its raw match text.
struct FlowPrefix {
    bool has_uuid = false;
    std::uint32_t uuid = 0;
    std::uint16_t table = 0;
    std::uint16_t priority = 0;
    std::string_view stage;  // padding removed
    const char* match_begin = nullptr;
};

// `line` excludes the line terminator. Return false and fill `error` when the line does
// not follow the grammar.
bool parse_datapath_header(std::string_view line, DatapathHeader& out, SyntaxError& error);
bool parse_flow_prefix(std::string_view line, FlowPrefix& out, SyntaxError& error);

}  // namespace ovnsim::dump_grammar
