// Canonical text of an action list (the notation of lib/actions.c format_* functions).
#include <string>

#include "parser/action_ast.hpp"

namespace ovnsim {
namespace {

void append_list(std::string& out, const ActionList& actions);

// `name { body }`; the caller adds the `;`.
void append_block(std::string& out, std::string_view name, const ActionList& body) {
    out += name;
    if (body.empty()) {
        out += " { }";
        return;
    }
    out += " { ";
    append_list(out, body);
    out += " }";
}

void append_arguments(std::string& out, const std::optional<RawArguments>& args) {
    if (!args) return;
    out += '(';
    out += args->text;
    out += ')';
}

std::string_view zone_argument(CtZone zone) {
    switch (zone) {
    case CtZone::Dnat: return "(dnat)";
    case CtZone::Snat: return "(snat)";
    case CtZone::Default: break;
    }
    return "";
}

std::string_view ct_nat_name(CtNatAction::Kind kind) {
    switch (kind) {
    case CtNatAction::Kind::Dnat: return "ct_dnat";
    case CtNatAction::Kind::Snat: return "ct_snat";
    case CtNatAction::Kind::DnatInCzone: return "ct_dnat_in_czone";
    case CtNatAction::Kind::SnatInCzone: return "ct_snat_in_czone";
    }
    return "?";
}

std::string_view ct_lb_name(CtLbAction::Kind kind) {
    switch (kind) {
    case CtLbAction::Kind::CtLb: return "ct_lb";
    case CtLbAction::Kind::CtLbMark: return "ct_lb_mark";
    case CtLbAction::Kind::CtLbMarkLocal: return "ct_lb_mark_local";
    }
    return "?";
}

void append_next(std::string& out, const NextAction& next) {
    out += "next";
    if (next.pipeline) {
        out += next.pipeline == NextAction::Pipeline::Ingress ? "(pipeline=ingress" : "(pipeline=egress";
        if (next.table) out += ", table=" + std::to_string(*next.table);
        out += ')';
    } else if (next.table) {
        out += '(' + std::to_string(*next.table) + ')';
    }
}

void append_ct_commit(std::string& out, const CtCommitAction& commit) {
    switch (commit.form) {
    case CtCommitAction::Form::Bare: out += "ct_commit"; return;
    case CtCommitAction::Form::Block: append_block(out, "ct_commit", commit.body); return;
    case CtCommitAction::Form::Arguments:
        out += "ct_commit(";
        if (commit.ct_mark) {
            out += "ct_mark=";
            append_constant(out, *commit.ct_mark);
        }
        if (commit.ct_label) {
            if (commit.ct_mark) out += ", ";
            out += "ct_label=";
            append_constant(out, *commit.ct_label);
        }
        out += ')';
        return;
    }
}

void append_ct_nat(std::string& out, const CtNatAction& nat) {
    out += ct_nat_name(nat.kind);
    if (!nat.address) return;
    out += '(';
    append_constant(out, *nat.address);
    if (nat.port_low) out += ',' + std::to_string(*nat.port_low);
    if (nat.port_high) out += '-' + std::to_string(*nat.port_high);
    out += ')';
}

void append_backend(std::string& out, const LbBackend& backend) {
    if (backend.logical_port) {
        out += '"';
        out += backend.logical_port->raw;
        out += "\":";
    }
    if (backend.bracketed) out += '[';
    append_constant(out, backend.address);
    if (backend.bracketed) out += ']';
    if (backend.port) {
        out += ':';
        append_constant(out, *backend.port);
    }
}

void append_ct_lb(std::string& out, const CtLbAction& lb) {
    out += ct_lb_name(lb.kind);
    if (!lb.has_arguments) return;
    out += '(';
    if (!lb.backends.empty() || lb.hash_fields || lb.flag != CtLbAction::Flag::None) out += "backends=";
    for (std::size_t i = 0; i < lb.backends.size(); ++i) {
        if (i > 0) out += ',';
        append_backend(out, lb.backends[i]);
    }
    if (lb.hash_fields) {
        out += "; hash_fields=\"";
        out += lb.hash_fields->raw;
        out += '"';
    }
    if (lb.flag == CtLbAction::Flag::SkipSnat) out += "; skip_snat";
    if (lb.flag == CtLbAction::Flag::ForceSnat) out += "; force_snat";
    out += ')';
}

void append_sample(std::string& out, const SampleAction& sample) {
    out += "sample(";
    const auto separate = [&] {
        if (out.back() != '(') out += ',';
    };
    if (sample.probability) out += "probability=" + std::to_string(*sample.probability);
    if (sample.collector_set) {
        separate();
        out += "collector_set=" + std::to_string(*sample.collector_set);
    }
    if (sample.obs_domain) {
        separate();
        out += "obs_domain=" + std::to_string(*sample.obs_domain);
    }
    if (sample.obs_point) {
        separate();
        out += "obs_point=";
        switch (sample.obs_point->kind) {
        case SampleAction::ObsPoint::Kind::Number: out += std::to_string(sample.obs_point->number); break;
        case SampleAction::ObsPoint::Kind::Cookie: out += "$cookie"; break;
        case SampleAction::ObsPoint::Kind::Field: append_field(out, sample.obs_point->field); break;
        }
    }
    out += ')';
}

void append_log(std::string& out, const LogAction& log) {
    out += "log(";
    if (log.name) {
        out += "name=\"";
        out += log.name->raw;
        out += "\", ";
    }
    out += "verdict=";
    out += log.verdict;
    if (log.severity) {
        out += ", severity=";
        out += *log.severity;
    }
    if (log.meter) {
        out += ", meter=\"";
        out += log.meter->raw;
        out += '"';
    }
    out += ')';
}

void append_generic(std::string& out, const GenericAction& generic) {
    if (generic.result) {
        append_field(out, *generic.result);
        out += " = ";
    }
    out += generic.name;
    append_arguments(out, generic.arguments);
    if (generic.body) append_block(out, "", *generic.body);
}

void append_action(std::string& out, const Action& action) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, NextAction>) {
                append_next(out, n);
            } else if constexpr (std::is_same_v<T, OutputAction>) {
                out += "output";
            } else if constexpr (std::is_same_v<T, DropAction>) {
                out += "drop";
            } else if constexpr (std::is_same_v<T, LoadAction>) {
                append_field(out, n.destination);
                out += " = ";
                append_constant(out, n.value);
            } else if constexpr (std::is_same_v<T, MoveAction>) {
                append_field(out, n.destination);
                out += " = ";
                append_field(out, n.source);
            } else if constexpr (std::is_same_v<T, ExchangeAction>) {
                append_field(out, n.left);
                out += " <-> ";
                append_field(out, n.right);
            } else if constexpr (std::is_same_v<T, FunctionCallAction>) {
                append_field(out, n.result);
                out += " = ";
                out += n.function;
                append_arguments(out, n.arguments);
            } else if constexpr (std::is_same_v<T, DecrementTtlAction>) {
                out += "ip.ttl--";
            } else if constexpr (std::is_same_v<T, StackAction>) {
                out += n.push ? "push(" : "pop(";
                append_field(out, n.field);
                out += ')';
            } else if constexpr (std::is_same_v<T, CtNextAction>) {
                out += "ct_next";
                out += zone_argument(n.zone);
            } else if constexpr (std::is_same_v<T, CtCommitAction>) {
                append_ct_commit(out, n);
            } else if constexpr (std::is_same_v<T, CtCommitNatAction>) {
                out += n.to_zone ? "ct_commit_to_zone" : "ct_commit_nat";
                out += zone_argument(n.zone);
            } else if constexpr (std::is_same_v<T, CtNatAction>) {
                append_ct_nat(out, n);
            } else if constexpr (std::is_same_v<T, CtLbAction>) {
                append_ct_lb(out, n);
            } else if constexpr (std::is_same_v<T, CtClearAction>) {
                out += "ct_clear";
            } else if constexpr (std::is_same_v<T, SampleAction>) {
                append_sample(out, n);
            } else if constexpr (std::is_same_v<T, LogAction>) {
                append_log(out, n);
            } else if constexpr (std::is_same_v<T, NestedAction>) {
                append_block(out, nested_action_name(n.kind), n.body);
            } else if constexpr (std::is_same_v<T, ControllerAction>) {
                out += n.name;
                append_arguments(out, n.arguments);
            } else {
                static_assert(std::is_same_v<T, GenericAction>);
                append_generic(out, n);
            }
        },
        action.node);
    out += ';';
}

void append_list(std::string& out, const ActionList& actions) {
    for (std::size_t i = 0; i < actions.size(); ++i) {
        if (i > 0) out += ' ';
        append_action(out, actions[i]);
    }
}

}  // namespace

std::string print_actions(const ActionList& actions) {
    std::string out;
    append_list(out, actions);
    return out;
}

}  // namespace ovnsim
