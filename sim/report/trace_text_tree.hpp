#pragma once
// The node tree ovn-trace prints a trace from (utilities/ovn-trace.c: ovntrace_node and its
// three printers), so that ovnsim's --detailed, --summary and --minimal read like
// ovn-trace's: tables nest in the table that sent them on (`next`), pipelines in the table
// whose `output` started them, ct recirculations and generated packets in the table whose
// action forked. `fact` nodes are what ovnsim adds (conntrack zones and entries, samples,
// ACLs): ovn-trace has no such node.
#include <memory>
#include <string>
#include <vector>

namespace ovnsim {

enum class TraceNodeType {
    output,          // `/* output to "vif2", type "" */`
    modify,          // a visible header change or delivery: `output("vif2")`, `eth.dst = ...`
    action,          // an action as written
    error,           // `*** ...`
    pipeline,        // `ingress(dp="ls1", inport="vif1")`: a title
    table,           // ` 9. ls_in_acl_eval: ..., priority 3000, uuid 7717d43d`
    transformation,  // `ct_next(ct_state=new|trk)`, `tcp_reset`, `LOG: ...`: a title
    fact,            // ovnsim's addition (conntrack, ACL, notes): detailed and summary
    visible_fact,    // ovnsim's addition seen outside the network (a sample fired): every style
};

struct TraceNode {
    TraceNodeType type = TraceNodeType::action;
    std::string text;
    bool always_indent = false;  // multicast copies
    std::vector<std::unique_ptr<TraceNode>> children;

    TraceNode* add(TraceNodeType t, std::string s);
};

// ovn-trace --detailed: titles underlined, a node indented one level more than its parent
// unless it is a title or table that is its parent's last child (so `next` chains stay flat).
std::string render_detailed(const TraceNode& root);
// ovn-trace --summary: tables and modifications dissolved into their children, nested
// braces for pipelines and transformations, `next(...)` actions left out.
std::string render_summary(const TraceNode& root);
// ovn-trace --minimal: only transformations, modifications, errors and visible facts.
std::string render_minimal(const TraceNode& root);

// The node types each style prints (a printer need not build the others: a node of a type
// not shown stands for its children, in place).
bool shown_in_summary(TraceNodeType t);
bool shown_in_minimal(TraceNodeType t);

}  // namespace ovnsim
