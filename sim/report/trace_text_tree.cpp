#include "sim/report/trace_text_tree.hpp"

namespace ovnsim {
namespace {

using Nodes = std::vector<std::unique_ptr<TraceNode>>;

bool is_title(TraceNodeType t) { return t == TraceNodeType::pipeline || t == TraceNodeType::transformation; }

// ovn-trace's ovntrace_node_type_is_terminal(), which despite its name lists the types
// that indent: everything but titles and tables.
bool indents(TraceNodeType t) { return !is_title(t) && t != TraceNodeType::table; }

bool is_fact(TraceNodeType t) { return t == TraceNodeType::fact || t == TraceNodeType::visible_fact; }

void detailed(std::string& out, const Nodes& nodes, unsigned level) {
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const TraceNode& n = *nodes[i];
        if (n.type == TraceNodeType::modify) continue;
        const unsigned more = (i + 1 < nodes.size() || n.always_indent || indents(n.type)) ? 1 : 0;
        const std::string indent((level + more) * 4, ' ');
        if (is_title(n.type)) out += '\n';
        out += indent;
        out += is_fact(n.type) ? "/* " + n.text + " */" : n.text;
        out += '\n';
        if (is_title(n.type)) out += indent + std::string(n.text.size(), '-') + '\n';
        detailed(out, n.children, level + 2 * more);
    }
}

// Whether a node has children once transparent nodes are replaced by theirs.
template <typename Transparent>
bool has_visible_children(const TraceNode& n, Transparent transparent) {
    for (const auto& c : n.children)
        if (!transparent(c->type) || has_visible_children(*c, transparent)) return true;
    return false;
}

// ovn-trace's summary printer over the tree with the nodes of the types `transparent`
// accepts replaced by their children (ovn-trace prunes a copy of the tree; skipping them
// while printing gives the same text without the copy).
template <typename Transparent>
void summary(std::string& out, const Nodes& nodes, unsigned level, Transparent transparent) {
    for (const auto& node : nodes) {
        const TraceNode& n = *node;
        if (transparent(n.type)) {
            summary(out, n.children, level, transparent);
            continue;
        }
        if (n.type == TraceNodeType::action && n.text.rfind("next(", 0) == 0) continue;
        out.append(level * 4, ' ');
        if (is_fact(n.type)) {
            out += "/* " + n.text + " */\n";
            continue;
        }
        out += n.text;
        if (has_visible_children(n, transparent)) {
            out += " {\n";
            summary(out, n.children, level + 1, transparent);
            out.append(level * 4, ' ');
            out += '}';
        }
        if (n.type != TraceNodeType::action) out += ';';
        out += '\n';
    }
}

}  // namespace

TraceNode* TraceNode::add(TraceNodeType t, std::string s) {
    auto node = std::make_unique<TraceNode>();
    node->type = t;
    node->text = std::move(s);
    children.push_back(std::move(node));
    return children.back().get();
}

std::string render_detailed(const TraceNode& root) {
    std::string out;
    detailed(out, root.children, 0);
    return out;
}

bool shown_in_summary(TraceNodeType t) { return t != TraceNodeType::modify && t != TraceNodeType::table; }

bool shown_in_minimal(TraceNodeType t) {
    return t == TraceNodeType::modify || t == TraceNodeType::error || t == TraceNodeType::transformation ||
           t == TraceNodeType::visible_fact;
}

std::string render_summary(const TraceNode& root) {
    std::string out;
    summary(out, root.children, 0, [](TraceNodeType t) { return !shown_in_summary(t); });
    return out;
}

std::string render_minimal(const TraceNode& root) {
    std::string out;
    summary(out, root.children, 0, [](TraceNodeType t) { return !shown_in_minimal(t); });
    return out;
}

}  // namespace ovnsim
