// Canonical text of a match (the notation of lib/lex.c:lex_token_format and
// lib/expr.c:expr_format, with nesting kept as parsed).
#include <arpa/inet.h>

#include <cstdio>
#include <optional>

#include "parser/match_ast.hpp"

namespace ovnsim {
namespace {

// The number of leading one bits when `mask` is a prefix mask of a `width`-bit value.
std::optional<unsigned> prefix_length(Bits128 mask, unsigned width) {
    for (unsigned n = 0; n <= width; ++n) {
        if (mask == Bits128::mask(width - n, n)) return n;
    }
    return std::nullopt;
}

void append_integer(std::string& out, Bits128 v, IntegerFormat format) {
    switch (format) {
    case IntegerFormat::Decimal: out += v.to_decimal(); return;
    case IntegerFormat::Hexadecimal: out += v.to_hex(); return;
    case IntegerFormat::Ipv4: {
        const auto a = static_cast<std::uint32_t>(v.low());
        char buf[16];
        std::snprintf(buf, sizeof buf, "%u.%u.%u.%u", a >> 24, (a >> 16) & 0xFF, (a >> 8) & 0xFF, a & 0xFF);
        out += buf;
        return;
    }
    case IntegerFormat::Ipv6: {
        in6_addr addr{};
        for (int i = 0; i < 8; ++i) addr.s6_addr[i] = static_cast<std::uint8_t>(v.high() >> (56 - 8 * i));
        for (int i = 0; i < 8; ++i) addr.s6_addr[8 + i] = static_cast<std::uint8_t>(v.low() >> (56 - 8 * i));
        char buf[INET6_ADDRSTRLEN];
        out += inet_ntop(AF_INET6, &addr, buf, sizeof buf);
        return;
    }
    case IntegerFormat::Ethernet: {
        const std::uint64_t m = v.low();
        char buf[18];
        std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", static_cast<unsigned>(m >> 40 & 0xFF),
                      static_cast<unsigned>(m >> 32 & 0xFF), static_cast<unsigned>(m >> 24 & 0xFF),
                      static_cast<unsigned>(m >> 16 & 0xFF), static_cast<unsigned>(m >> 8 & 0xFF),
                      static_cast<unsigned>(m & 0xFF));
        out += buf;
        return;
    }
    }
}

bool is_atomic(const MatchExpr& e) {
    return std::holds_alternative<MatchBool>(e.node) || std::holds_alternative<MatchFieldTest>(e.node) ||
           std::holds_alternative<MatchChassisResident>(e.node);
}

bool is_junction(const MatchExpr& e) {
    return std::holds_alternative<MatchAnd>(e.node) || std::holds_alternative<MatchOr>(e.node);
}

void append_expr(std::string& out, const MatchExpr& e);

void append_parenthesized(std::string& out, const MatchExpr& e, bool parenthesize) {
    if (parenthesize) out += '(';
    append_expr(out, e);
    if (parenthesize) out += ')';
}

void append_junction(std::string& out, const std::vector<MatchExpr>& operands, std::string_view op) {
    for (std::size_t i = 0; i < operands.size(); ++i) {
        if (i > 0) out += op;
        append_parenthesized(out, operands[i], is_junction(operands[i]));
    }
}

void append_comparison(std::string& out, const MatchComparison& c) {
    if (c.constant_first) {
        append_constant_set(out, c.constants);
        out += ' ';
        out += relop_text(relop_turned(c.op));
        out += ' ';
        append_field(out, c.field);
    } else {
        append_field(out, c.field);
        out += ' ';
        out += relop_text(c.op);
        out += ' ';
        append_constant_set(out, c.constants);
    }
}

void append_expr(std::string& out, const MatchExpr& e) {
    std::visit(
        [&](const auto& n) {
            using T = std::decay_t<decltype(n)>;
            if constexpr (std::is_same_v<T, MatchBool>) {
                out += n.value ? '1' : '0';
            } else if constexpr (std::is_same_v<T, MatchFieldTest>) {
                append_field(out, n.field);
            } else if constexpr (std::is_same_v<T, MatchComparison>) {
                append_comparison(out, n);
            } else if constexpr (std::is_same_v<T, MatchRange>) {
                append_constant_set(out, *n.low);
                out += ' ';
                out += relop_text(n.low_op);
                out += ' ';
                append_field(out, n.field);
                out += ' ';
                out += relop_text(n.high_op);
                out += ' ';
                append_constant_set(out, *n.high);
            } else if constexpr (std::is_same_v<T, MatchChassisResident>) {
                out += "is_chassis_resident(\"";
                out += n.port.raw;
                out += "\")";
            } else if constexpr (std::is_same_v<T, MatchNot>) {
                out += '!';
                append_parenthesized(out, *n.operand, !is_atomic(*n.operand));
            } else if constexpr (std::is_same_v<T, MatchAnd>) {
                append_junction(out, n.operands, " && ");
            } else {
                static_assert(std::is_same_v<T, MatchOr>);
                append_junction(out, n.operands, " || ");
            }
        },
        e.node);
}

}  // namespace

void append_field(std::string& out, const FieldRef& field) {
    out += field.name;
    if (!field.has_bits) return;
    out += '[';
    out += std::to_string(field.low);
    if (field.high != field.low) {
        out += "..";
        out += std::to_string(field.high);
    }
    out += ']';
}

void append_constant(std::string& out, const Constant& c) {
    switch (c.kind()) {
    case Constant::Kind::Integer:
        append_integer(out, c.value(), c.format());
        if (c.masked()) {
            out += '/';
            const unsigned width = c.format() == IntegerFormat::Ipv4 ? 32 : c.format() == IntegerFormat::Ipv6 ? 128 : 0;
            const auto prefix = width != 0 ? prefix_length(c.mask(), width) : std::nullopt;
            if (prefix) {
                out += std::to_string(*prefix);
            } else {
                append_integer(out, c.mask(), c.format());
            }
        }
        return;
    case Constant::Kind::String:
        out += '"';
        out += c.string().raw;
        out += '"';
        return;
    case Constant::Kind::AddressSet: out += '$'; break;
    case Constant::Kind::PortGroup: out += '@'; break;
    case Constant::Kind::Template: out += '^'; break;
    }
    out += c.name();
}

void append_constant_set(std::string& out, const ConstantSet& set) {
    const bool curlies = set.in_curlies || set.size() != 1;
    if (curlies) out += '{';
    for (std::size_t i = 0; i < set.size(); ++i) {
        if (i > 0) out += ", ";
        append_constant(out, set[i]);
    }
    if (curlies) out += '}';
}

std::string print_match(const MatchExpr& expr) {
    std::string out;
    append_expr(out, expr);
    return out;
}

}  // namespace ovnsim
