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

// Replaces each node of a type `dissolve` accepts by its children, depth first.
template <typename Pred>
void dissolve(Nodes& nodes, Pred should_dissolve) {
    Nodes kept;
    for (auto& n : nodes) {
        dissolve(n->children, should_dissolve);
        if (should_dissolve(n->type)) {
            for (auto& child : n->children) kept.push_back(std::move(child));
        } else {
            kept.push_back(std::move(n));
        }
    }
    nodes.swap(kept);
}

void summary(std::string& out, const Nodes& nodes, unsigned level) {
    for (const auto& node : nodes) {
        const TraceNode& n = *node;
        if (n.type == TraceNodeType::action && n.text.rfind("next(", 0) == 0) continue;
        out += std::string(level * 4, ' ');
        if (is_fact(n.type)) {
            out += "/* " + n.text + " */\n";
            continue;
        }
        out += n.text;
        if (!n.children.empty()) {
            out += " {\n";
            summary(out, n.children, level + 1);
            out += std::string(level * 4, ' ') + '}';
        }
        if (n.type != TraceNodeType::action) out += ';';
        out += '\n';
    }
}

std::unique_ptr<TraceNode> clone(const TraceNode& n) {
    auto copy = std::make_unique<TraceNode>();
    copy->type = n.type;
    copy->text = n.text;
    copy->always_indent = n.always_indent;
    for (const auto& c : n.children) copy->children.push_back(clone(*c));
    return copy;
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

std::string render_summary(const TraceNode& root) {
    auto copy = clone(root);
    dissolve(copy->children, [](TraceNodeType t) { return t == TraceNodeType::modify || t == TraceNodeType::table; });
    std::string out;
    summary(out, copy->children, 0);
    return out;
}

std::string render_minimal(const TraceNode& root) {
    auto copy = clone(root);
    dissolve(copy->children, [](TraceNodeType t) {
        return t == TraceNodeType::action || t == TraceNodeType::pipeline || t == TraceNodeType::table ||
               t == TraceNodeType::output || t == TraceNodeType::fact;
    });
    std::string out;
    summary(out, copy->children, 0);
    return out;
}

}  // namespace ovnsim
