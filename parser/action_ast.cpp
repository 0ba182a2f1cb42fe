#include "parser/action_ast.hpp"

#include "parser/action_keywords.hpp"

namespace ovnsim {
namespace {

template <class Visit>
void for_each_generic(const ActionList& actions, const Visit& visit) {
    for (const Action& action : actions) {
        if (const auto* generic = std::get_if<GenericAction>(&action.node)) {
            visit(*generic);
            if (generic->body) for_each_generic(*generic->body, visit);  // a Box
        } else if (const auto* nested = std::get_if<NestedAction>(&action.node)) {
            for_each_generic(nested->body, visit);
        } else if (const auto* commit = std::get_if<CtCommitAction>(&action.node)) {
            for_each_generic(commit->body, visit);
        }
    }
}

}  // namespace

SourceLoc Action::loc() const {
    return std::visit([](const auto& n) -> SourceLoc { return n.loc; }, node);
}

bool is_drop(const ActionList& actions) {
    return actions.empty() || (actions.size() == 1 && std::holds_alternative<DropAction>(actions.front().node));
}

std::size_t count_generic_actions(const ActionList& actions) {
    std::size_t n = 0;
    for_each_generic(actions, [&](const GenericAction&) { ++n; });
    return n;
}

std::vector<std::string_view> generic_action_names(const ActionList& actions) {
    std::vector<std::string_view> names;
    for_each_generic(actions, [&](const GenericAction& g) { names.push_back(g.name); });
    return names;
}

bool is_known_action(std::string_view name) { return action_keywords::find_keyword(name) != nullptr; }

bool is_known_function(std::string_view name) { return action_keywords::is_function(name); }

std::string_view nested_action_name(NestedAction::Kind kind) {
    switch (kind) {
    case NestedAction::Kind::Clone: return "clone";
    case NestedAction::Kind::Arp: return "arp";
    case NestedAction::Kind::NdNs: return "nd_ns";
    case NestedAction::Kind::NdNa: return "nd_na";
    case NestedAction::Kind::NdNaRouter: return "nd_na_router";
    case NestedAction::Kind::Icmp4: return "icmp4";
    case NestedAction::Kind::Icmp4Error: return "icmp4_error";
    case NestedAction::Kind::Icmp6: return "icmp6";
    case NestedAction::Kind::Icmp6Error: return "icmp6_error";
    case NestedAction::Kind::TcpReset: return "tcp_reset";
    case NestedAction::Kind::SctpAbort: return "sctp_abort";
    case NestedAction::Kind::Reject: return "reject";
    }
    return "?";
}

}  // namespace ovnsim
