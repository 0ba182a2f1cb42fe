#include "sim/eval/action_prerequisites.hpp"

#include <algorithm>

namespace ovnsim {
namespace {

class Collector {
public:
    Collector(const SymbolTable& symbols, std::vector<std::string_view>& out) : symbols_(symbols), out_(out) {}

    void add(std::string_view prerequisite) {
        if (!prerequisite.empty() && std::find(out_.begin(), out_.end(), prerequisite) == out_.end())
            out_.push_back(prerequisite);
    }
    void field(const FieldRef& f) {
        if (const Symbol* s = symbols_.find(f.name)) add(s->prerequisites);
    }

    void operator()(const LoadAction& a) { field(a.destination); }
    void operator()(const MoveAction& a) {
        field(a.destination);
        field(a.source);
    }
    void operator()(const ExchangeAction& a) {
        field(a.left);
        field(a.right);
    }
    void operator()(const DecrementTtlAction&) { add("ip"); }
    void operator()(const CtNextAction&) { add("ip"); }
    void operator()(const CtCommitAction&) { add("ip"); }
    void operator()(const CtCommitNatAction&) { add("ip"); }
    void operator()(const CtNatAction&) { add("ip"); }
    void operator()(const CtLbAction&) { add("ip"); }
    void operator()(const NestedAction& a) {
        switch (a.kind) {
            case NestedAction::Kind::TcpReset: add("tcp"); break;
            case NestedAction::Kind::SctpAbort: add("sctp"); break;
            case NestedAction::Kind::Icmp4:
            case NestedAction::Kind::Icmp4Error:
            case NestedAction::Kind::Arp: add("ip4"); break;
            case NestedAction::Kind::Icmp6:
            case NestedAction::Kind::Icmp6Error:
            case NestedAction::Kind::NdNs: add("ip6"); break;
            case NestedAction::Kind::NdNa:
            case NestedAction::Kind::NdNaRouter: add("nd_ns"); break;
            default: break;
        }
    }
    template <class Other>
    void operator()(const Other&) {}

private:
    const SymbolTable& symbols_;
    std::vector<std::string_view>& out_;
};

}  // namespace

std::vector<std::string_view> action_prerequisites(const ActionList& actions, const SymbolTable& symbols) {
    std::vector<std::string_view> out;
    Collector collector(symbols, out);
    for (const Action& a : actions) std::visit(collector, a.node);
    return out;
}

}  // namespace ovnsim
