#pragma once
// Private to the dump-flows and count-flows grammars (include only from their .cpp files):
// the X3 rules both formats share — a datapath's printed names, its uuid, a pipeline.
#include <boost/spirit/home/x3.hpp>

#include <string_view>

#include "parser/lflow_dump.hpp"

namespace boost::spirit::x3 {
// An expectation failure on `rule[action]` names the rule, not the mangled action type.
template <typename Subject, typename Action>
struct get_info<action<Subject, Action>> {
    using result_type = std::string;
    std::string operator()(const action<Subject, Action>& p) const { return what(p.subject); }
};
}  // namespace boost::spirit::x3

namespace ovnsim::dump_x3 {
namespace x3 = boost::spirit::x3;

using Range = boost::iterator_range<const char*>;

inline std::string_view view(const Range& r) { return {r.begin(), static_cast<std::size_t>(r.size())}; }

// OVN prints names raw between quotes (`"%s"`): a name ends at the quote that is followed
// by ` (` (the uuid) or ` aka "` (the second name).
inline const auto name_end = x3::lit('"') >> (x3::lit(" (") | x3::lit(" aka \""));
inline const auto quoted_name = x3::rule<class quoted_name_r, Range>{"quoted datapath name"} =
    x3::lit('"') >> x3::raw[*(x3::char_ - name_end)] >> x3::lit('"');

inline const auto uuid = x3::rule<class uuid_r, Range>{"UUID (8-4-4-4-12 hex digits)"} =
    x3::raw[x3::repeat(8)[x3::xdigit] >> '-' >> x3::repeat(4)[x3::xdigit] >> '-' >>
            x3::repeat(4)[x3::xdigit] >> '-' >> x3::repeat(4)[x3::xdigit] >> '-' >>
            x3::repeat(12)[x3::xdigit]];

struct PipelineSymbols : x3::symbols<Pipeline> {
    PipelineSymbols() { add("ingress", Pipeline::Ingress)("egress", Pipeline::Egress); }
};
inline const PipelineSymbols pipeline_symbols;
inline const auto pipeline = x3::rule<class pipeline_r, Pipeline>{"`ingress` or `egress`"} = pipeline_symbols;

// Human wording for what an expectation failure says was expected.
inline std::string expected_text(const std::string& which) {
    if (which == "eoi") return "end of line";
    return which;
}

}  // namespace ovnsim::dump_x3
