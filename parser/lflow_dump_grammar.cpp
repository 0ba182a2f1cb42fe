// The X3 grammar of a dump-flows line: datapath headers and the fixed part of flow lines.
#include "parser/lflow_dump_grammar.hpp"

#include <functional>

#include "parser/lflow_dump_x3_rules.hpp"

namespace ovnsim::dump_grammar {
namespace {

using namespace ovnsim::dump_x3;

struct header_tag;
struct flow_tag;

template <class Ctx>
DatapathHeader& header(Ctx& ctx) {
    return x3::get<header_tag>(ctx).get();
}
template <class Ctx>
FlowPrefix& flow(Ctx& ctx) {
    return x3::get<flow_tag>(ctx).get();
}

// --- Datapath: "name" aka "name2" (uuid)  Pipeline: ingress
const auto set_name = [](auto& ctx) { header(ctx).name = view(x3::_attr(ctx)); };
const auto set_name2 = [](auto& ctx) { header(ctx).name2 = view(x3::_attr(ctx)); };
const auto set_uuid = [](auto& ctx) { header(ctx).uuid = view(x3::_attr(ctx)); };
const auto set_pipeline = [](auto& ctx) { header(ctx).pipeline = x3::_attr(ctx); };

const auto datapath_names = quoted_name[set_name] > -(x3::lit(" aka ") > quoted_name[set_name2]);
const auto datapath_header = x3::lit("Datapath: ") > -datapath_names > x3::lit(" (") > uuid[set_uuid] >
                             x3::lit(")  Pipeline: ") > pipeline[set_pipeline] > x3::eoi;

// --- [uuid=0x1a2b3c4d, ]table=9 (ls_in_acl_eval     ), priority=1001 , match=(
const auto flow_uuid = x3::rule<class flow_uuid_r, std::uint32_t>{"8 hex digits"} =
    x3::uint_parser<std::uint32_t, 16, 8, 8>{};
const auto table_number = x3::rule<class table_number_r, std::uint16_t>{"table number (0-65535)"} =
    x3::uint_parser<std::uint16_t>{};
const auto priority = x3::rule<class priority_r, std::uint16_t>{"priority (0-65535)"} =
    x3::uint_parser<std::uint16_t>{};

const auto set_flow_uuid = [](auto& ctx) {
    flow(ctx).has_uuid = true;
    flow(ctx).uuid = x3::_attr(ctx);
};
const auto set_table = [](auto& ctx) { flow(ctx).table = x3::_attr(ctx); };
const auto set_stage = [](auto& ctx) {
    auto stage = view(x3::_attr(ctx));
    while (!stage.empty() && stage.back() == ' ') stage.remove_suffix(1);
    flow(ctx).stage = stage;
};
const auto set_priority = [](auto& ctx) { flow(ctx).priority = x3::_attr(ctx); };

const auto uuid_field = x3::lit("uuid=0x") > flow_uuid[set_flow_uuid] > x3::lit(", ");
const auto stage_field = x3::lit('(') > x3::raw[*(x3::char_ - ')')][set_stage] > x3::lit(')');
const auto flow_prefix = (x3::lit("  ") >> -uuid_field) > x3::lit("table=") > table_number[set_table] >
                         *x3::lit(' ') > stage_field > x3::lit(", priority=") > priority[set_priority] >
                         *x3::lit(' ') > x3::lit(", match=(");

// Parses a prefix of `line`; returns where the grammar stopped, or nullptr with `error` set.
// `first` names what the line must start with, for a line that fails at its first token.
template <class Grammar>
const char* run(std::string_view line, const Grammar& grammar, const char* first, SyntaxError& error) {
    const char* it = line.data();
    const char* const end = line.data() + line.size();
    try {
        if (x3::parse(it, end, grammar)) return it;
        error = {it, first};
    } catch (const x3::expectation_failure<const char*>& e) {
        error = {e.where(), expected_text(e.which())};
    }
    return nullptr;
}

}  // namespace

bool parse_datapath_header(std::string_view line, DatapathHeader& out, SyntaxError& error) {
    out = {};
    return run(line, x3::with<header_tag>(std::ref(out))[datapath_header], "\"Datapath: \"", error) != nullptr;
}

bool parse_flow_prefix(std::string_view line, FlowPrefix& out, SyntaxError& error) {
    out = {};
    out.match_begin = run(line, x3::with<flow_tag>(std::ref(out))[flow_prefix], "\"  table=\" or \"  uuid=0x\"", error);
    return out.match_begin != nullptr;
}

}  // namespace ovnsim::dump_grammar
