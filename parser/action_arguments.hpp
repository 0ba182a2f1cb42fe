#pragma once
// Internal to action_grammar.cpp: X3 parsers for what follows the keyword of the actions
// that take typed arguments (lib/actions.c parse_NEXT, parse_CT_NEXT, parse_ct_nat,
// parse_ct_lb_action, parse_sample, parse_LOG, ...). Each one is entered just after the
// keyword and stops before the `;`.
#include <string>

#include "parser/action_ast.hpp"
#include "parser/lexemes.hpp"

namespace ovnsim::lexemes {

inline auto const hyphen = x3::lexeme[x3::lit('-') >> !x3::lit('-')];

// True (and past it) at the `)` that ends an argument list; throws at the end of the text.
template <class Context, class RContext>
bool at_closing_parenthesis(const char*& first, const char* last, const Context& ctx, RContext& rctx) {
    if (next_token(first, last, ctx) == last) fail_syntax(first, "expecting `)'");
    return accept(')', first, last, ctx, rctx);
}

// `(dnat)` / `(snat)` after ct_next, ct_commit_nat, ct_commit_to_zone.
template <class Context, class RContext>
CtZone parse_zone_argument(const char* action, const char*& first, const char* last, const Context& ctx,
                           RContext& rctx) {
    const char* where = next_token(first, last, ctx);
    CtZone zone;
    if (accept(keyword("dnat"), first, last, ctx, rctx)) {
        zone = CtZone::Dnat;
    } else if (accept(keyword("snat"), first, last, ctx, rctx)) {
        zone = CtZone::Snat;
    } else {
        fail_plain(where, std::string("\"") + action + "\" action accepts only \"dnat\" or \"snat\" parameter.");
    }
    expect(')', "`)'", first, last, ctx, rctx);
    return zone;
}

// A decimal integer no larger than `max`, or "Syntax error at `...' expecting <what>.".
template <class Context, class RContext>
std::uint64_t expect_decimal(std::uint64_t max, const char* what, const char*& first, const char* last,
                             const Context& ctx, RContext& rctx) {
    const char* where = next_token(first, last, ctx);
    std::uint64_t v = 0;
    if (!decimal.parse(first, last, ctx, rctx, v) || v > max) fail_syntax(where, std::string("expecting ") + what);
    return v;
}

// A string literal, or "Syntax error at `...' expecting <what>.".
template <class Context, class RContext>
QuotedString expect_string(const char* what, const char*& first, const char* last, const Context& ctx,
                           RContext& rctx) {
    const char* where = next_token(first, last, ctx);
    Constant c;
    if (!constant.parse(first, last, ctx, rctx, c) || !c.is_string()) fail_syntax(where, std::string("expecting ") + what);
    return c.string();
}

// An unmasked IPv4/IPv6 address (or a `^template`), or fails consuming nothing.
template <class Context, class RContext>
bool parse_address(const char*& first, const char* last, const Context& ctx, RContext& rctx, Constant& out,
                   bool ipv6_only = false) {
    const char* save = first;
    if (!constant.parse(first, last, ctx, rctx, out)) return false;
    const bool address = out.is_integer() && !out.masked() &&
                         (out.format() == IntegerFormat::Ipv6 || (!ipv6_only && out.format() == IntegerFormat::Ipv4));
    if (address || out.kind() == Constant::Kind::Template) return true;
    first = save;
    return false;
}

// `next` [`(` N `)` | `(` pipeline=P, table=N `)`]
struct next_arguments_parser : token_parser<next_arguments_parser, NextAction> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, NextAction& out) const {
        if (!accept('(', first, last, ctx, rctx)) return true;
        const char* start = next_token(first, last, ctx);
        std::uint64_t table = 0;
        if (decimal.parse(first, last, ctx, rctx, table)) {
            if (table > INT_MAX) fail_syntax(start, "expecting small integer");
            out.table = static_cast<std::uint32_t>(table);
        } else {
            do {
                const char* where = next_token(first, last, ctx);
                if (accept(keyword("pipeline"), first, last, ctx, rctx)) {
                    expect(equals, "`='", first, last, ctx, rctx);
                    where = next_token(first, last, ctx);
                    if (accept(keyword("ingress"), first, last, ctx, rctx)) {
                        out.pipeline = NextAction::Pipeline::Ingress;
                    } else if (accept(keyword("egress"), first, last, ctx, rctx)) {
                        out.pipeline = NextAction::Pipeline::Egress;
                    } else {
                        fail_syntax(where, "expecting \"ingress\" or \"egress\"");
                    }
                } else if (accept(keyword("table"), first, last, ctx, rctx)) {
                    expect(equals, "`='", first, last, ctx, rctx);
                    out.table = expect_small_integer(first, last, ctx, rctx);
                } else {
                    fail_syntax(where, "expecting \"pipeline\" or \"table\"");
                }
            } while (accept(',', first, last, ctx, rctx));
        }
        expect(')', "`)'", first, last, ctx, rctx);
        return true;
    }
};

// ct_dnat / ct_snat / ..._in_czone [`(` IP [`,` LOW [`-` HIGH]] `)`]
struct ct_nat_arguments_parser : token_parser<ct_nat_arguments_parser, CtNatAction> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, CtNatAction& out) const {
        if (!accept('(', first, last, ctx, rctx)) return true;
        const char* where = next_token(first, last, ctx);
        Constant address;
        if (!parse_address(first, last, ctx, rctx, address)) fail_syntax(where, "expecting IPv4 or IPv6 address");
        out.address = address;
        if (accept(',', first, last, ctx, rctx)) {
            where = next_token(first, last, ctx);
            const auto low = expect_decimal(UINT16_MAX, "Integer for port range", first, last, ctx, rctx);
            if (low == 0) fail_syntax(where, "range can't be 0");
            out.port_low = static_cast<std::uint16_t>(low);
            if (accept(hyphen, first, last, ctx, rctx)) {
                where = next_token(first, last, ctx);
                const auto high = expect_decimal(UINT16_MAX, "Integer for port range", first, last, ctx, rctx);
                if (high <= low) fail_syntax(where, "range high should be greater than range low");
                out.port_high = static_cast<std::uint16_t>(high);
            }
        }
        expect(')', "`)'", first, last, ctx, rctx);
        return true;
    }
};

// One ct_lb backend: ["lport":] IP[:PORT] | ["lport":] [IPv6][:PORT]
struct lb_backend_parser : token_parser<lb_backend_parser, LbBackend> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, LbBackend& out) const {
        const char* start = next_token(first, last, ctx);
        out.loc = location(ctx, start);
        Constant lport;
        if (constant.parse(first, last, ctx, rctx, lport)) {
            if (lport.is_string()) {
                out.logical_port = lport.string();
                expect(':', "`:'", first, last, ctx, rctx);
            } else {
                first = start;
            }
        }
        const char* where = next_token(first, last, ctx);
        out.bracketed = accept('[', first, last, ctx, rctx);
        if (out.bracketed) {
            where = next_token(first, last, ctx);
            if (!parse_address(first, last, ctx, rctx, out.address, true)) fail_syntax(where, "expecting IPv6 address");
            expect(']', "`]'", first, last, ctx, rctx);
        } else if (!parse_address(first, last, ctx, rctx, out.address)) {
            fail_syntax(where, "expecting IP address");
        }
        where = next_token(first, last, ctx);
        if (accept(':', first, last, ctx, rctx)) {
            if (!out.bracketed && out.address.is_integer() && out.address.format() == IntegerFormat::Ipv6)
                fail_syntax(where, "IPv6 address needs square brackets if port is included");
            where = next_token(first, last, ctx);
            Constant port;
            const bool ok = constant.parse(first, last, ctx, rctx, port) &&
                            (port.kind() == Constant::Kind::Template ||
                             (port.is_integer() && port.format() == IntegerFormat::Decimal && !port.masked() &&
                              port.value() <= Bits128(UINT16_MAX)));
            if (!ok) fail_syntax(where, "expecting port number");
            out.port = port;
        }
        return true;
    }
};

// ct_lb / ct_lb_mark / ct_lb_mark_local
// [`(` [backends=]B1,B2,... [`;` hash_fields="..."] [`;` skip_snat|force_snat] `)`]
struct ct_lb_arguments_parser : token_parser<ct_lb_arguments_parser, CtLbAction> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, CtLbAction& out) const {
        out.has_arguments = accept('(', first, last, ctx, rctx);
        if (!out.has_arguments || accept(')', first, last, ctx, rctx)) return true;
        if (accept(keyword("backends"), first, last, ctx, rctx)) expect(equals, "`='", first, last, ctx, rctx);
        for (;;) {
            if (accept(')', first, last, ctx, rctx)) return true;
            if (accept(';', first, last, ctx, rctx)) break;
            LbBackend backend;
            lb_backend_parser{}.parse(first, last, ctx, rctx, backend);
            out.backends.push_back(std::move(backend));
            accept(',', first, last, ctx, rctx);
        }
        if (accept(keyword("hash_fields"), first, last, ctx, rctx)) {
            expect(equals, "`='", first, last, ctx, rctx);
            out.hash_fields = expect_string("hash_fields string", first, last, ctx, rctx);
            accept(';', first, last, ctx, rctx);
        }
        if (accept(keyword("skip_snat"), first, last, ctx, rctx)) {
            out.flag = CtLbAction::Flag::SkipSnat;
        } else if (accept(keyword("force_snat"), first, last, ctx, rctx)) {
            out.flag = CtLbAction::Flag::ForceSnat;
        }
        expect(')', "`)'", first, last, ctx, rctx);
        return true;
    }
};

// ct_commit(ct_mark=V[/M], ct_label=V[/M]), entered after the `(`.
struct ct_commit_arguments_parser : token_parser<ct_commit_arguments_parser, CtCommitAction> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, CtCommitAction& out) const {
        while (!at_closing_parenthesis(first, last, ctx, rctx)) {
            const char* where = next_token(first, last, ctx);
            Box<Constant>* target = nullptr;
            if (accept(keyword("ct_mark"), first, last, ctx, rctx)) {
                target = &out.ct_mark;
            } else if (accept(keyword("ct_label"), first, last, ctx, rctx)) {
                target = &out.ct_label;
            } else {
                fail_syntax(where, "expecting ct_mark or ct_label");
            }
            expect(equals, "`='", first, last, ctx, rctx);
            where = next_token(first, last, ctx);
            Constant value;
            if (!constant.parse(first, last, ctx, rctx, value) || !value.is_integer())
                fail_syntax(where, "expecting integer");
            *target = Box<Constant>(value);
            accept(',', first, last, ctx, rctx);
        }
        return true;
    }
};

// sample[(probability=P, collector_set=C, obs_domain=D, obs_point=X)]
struct sample_arguments_parser : token_parser<sample_arguments_parser, SampleAction> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, SampleAction& out) const {
        if (!accept('(', first, last, ctx, rctx)) return true;
        while (!at_closing_parenthesis(first, last, ctx, rctx)) {
            const char* where = next_token(first, last, ctx);
            if (accept(keyword("probability"), first, last, ctx, rctx)) {
                expect(equals, "`='", first, last, ctx, rctx);
                out.probability = static_cast<std::uint16_t>(
                    expect_decimal(UINT16_MAX, "probability", first, last, ctx, rctx));
            } else if (accept(keyword("collector_set"), first, last, ctx, rctx)) {
                expect(equals, "`='", first, last, ctx, rctx);
                out.collector_set = static_cast<std::uint32_t>(
                    expect_decimal(UINT32_MAX, "collector_set", first, last, ctx, rctx));
            } else if (accept(keyword("obs_domain"), first, last, ctx, rctx)) {
                expect(equals, "`='", first, last, ctx, rctx);
                where = next_token(first, last, ctx);
                const auto domain = expect_decimal(UINT64_MAX, "obs_domain", first, last, ctx, rctx);
                if (domain > UINT8_MAX) fail_syntax(where, "obs_domain must be 8-bit long");
                out.obs_domain = static_cast<std::uint8_t>(domain);
            } else if (accept(keyword("obs_point"), first, last, ctx, rctx)) {
                expect(equals, "`='", first, last, ctx, rctx);
                out.obs_point = parse_obs_point(first, last, ctx, rctx);
            } else {
                fail_syntax(where, "unknown argument");
            }
            accept(',', first, last, ctx, rctx);
        }
        return true;
    }

private:
    template <class Context, class RContext>
    static SampleAction::ObsPoint parse_obs_point(const char*& first, const char* last, const Context& ctx,
                                                  RContext& rctx) {
        SampleAction::ObsPoint point;
        const char* where = next_token(first, last, ctx);
        Constant c;
        if (constant.parse(first, last, ctx, rctx, c)) {
            if (c.kind() == Constant::Kind::AddressSet && c.name() == "cookie") {
                point.kind = SampleAction::ObsPoint::Kind::Cookie;
            } else if (c.is_integer() && c.format() == IntegerFormat::Decimal && !c.masked() &&
                       c.value() <= Bits128(UINT32_MAX)) {
                point.number = static_cast<std::uint32_t>(c.value().low());
            } else {
                fail_syntax(where, "expecting obs_point");
            }
        } else {
            point.kind = SampleAction::ObsPoint::Kind::Field;
            expect(field, "field name", first, last, ctx, rctx, point.field);
        }
        return point;
    }
};

// log[(name="N", severity=S, verdict=V, meter="M")]; the verdict is required.
struct log_arguments_parser : token_parser<log_arguments_parser, LogAction> {
    template <class Context, class RContext>
    bool parse(const char*& first, const char* last, const Context& ctx, RContext& rctx, LogAction& out) const {
        if (accept('(', first, last, ctx, rctx)) {
            while (!at_closing_parenthesis(first, last, ctx, rctx)) {
                const char* where = next_token(first, last, ctx);
                if (accept(keyword("verdict"), first, last, ctx, rctx)) {
                    expect(equals, "`='", first, last, ctx, rctx);
                    expect(identifier, "verdict", first, last, ctx, rctx, out.verdict);
                } else if (accept(keyword("severity"), first, last, ctx, rctx)) {
                    expect(equals, "`='", first, last, ctx, rctx);
                    std::string_view severity;
                    expect(identifier, "severity", first, last, ctx, rctx, severity);
                    out.severity = severity;
                } else if (accept(keyword("name"), first, last, ctx, rctx)) {
                    expect(equals, "`='", first, last, ctx, rctx);
                    where = next_token(first, last, ctx);
                    out.name = expect_string("string", first, last, ctx, rctx);
                    if (out.name->value().size() >= 64) fail_syntax(where, "name must be shorter than 64 characters");
                } else if (accept(keyword("meter"), first, last, ctx, rctx)) {
                    expect(equals, "`='", first, last, ctx, rctx);
                    out.meter = expect_string("string", first, last, ctx, rctx);
                } else {
                    fail_syntax(where, "expecting log argument");
                }
                accept(',', first, last, ctx, rctx);
            }
        }
        if (out.verdict.empty()) fail_syntax(first, "expecting verdict");
        return true;
    }
};

}  // namespace ovnsim::lexemes
