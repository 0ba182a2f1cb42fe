#include "sim/match_resolve.hpp"

#include <functional>
#include <stdexcept>
#include <string>

#include <boost/container/small_vector.hpp>

namespace ovnsim {
namespace {

std::string level_name(Level level) {
    switch (level) {
    case Level::nominal: return "nominal";
    case Level::boolean: return "Boolean";
    case Level::ordinal: return "ordinal";
    }
    return "?";
}

// The width OVN gives a constant (expr_constant_width): the mask's for a masked constant,
// the notation's for addresses, the significant bits of a plain number.
unsigned constant_width(const Constant& c) {
    if (c.masked()) return c.mask().bit_width();
    switch (c.format()) {
    case IntegerFormat::Decimal:
    case IntegerFormat::Hexadecimal: return c.value().bit_width();
    case IntegerFormat::Ipv4: return 32;
    case IntegerFormat::Ipv6: return 128;
    case IntegerFormat::Ethernet: return 48;
    }
    return 128;
}

bool is_string_constant(const Constant& c) {
    return c.kind() == Constant::Kind::String || c.kind() == Constant::Kind::PortGroup;
}

// One comparison as the resolver sees it, whatever syntax it came in.
struct Comparison {
    const FieldRef* field = nullptr;
    RelOp op = RelOp::Eq;                 // as written, field on the left
    std::span<const Constant> constants;  // at least one
    bool in_curlies = false;
    SourceLoc loc;
};

using ExpansionLookup = std::function<const ResolvedMatch&(const Symbol&, bool prerequisites)>;

class Resolution {
public:
    Resolution(const SymbolTable& symbols, std::string_view file, ExpansionLookup lookup, ResolvedMatch& out)
        : symbols_(symbols), file_(file), lookup_(std::move(lookup)), out_(out) {}

    std::uint32_t resolve(const MatchExpr& e, bool negated) {
        return std::visit([&](const auto& n) { return resolve_node(n, negated); }, e.node);
    }

private:
    [[noreturn]] void fail(SourceLoc loc, std::string message) const {
        throw InputError(std::string(file_), loc, std::move(message));
    }

    std::uint32_t resolve_node(const MatchBool& n, bool negated) {
        return out_.add_constant(n.value != negated, n.loc);
    }

    std::uint32_t resolve_node(const MatchChassisResident& n, bool negated) {
        MatchNode leaf;
        leaf.kind = MatchNode::Kind::chassis;
        leaf.truth = negated;
        leaf.text = out_.add_text(n.port.value());
        leaf.loc = n.loc;
        return out_.add_leaf(leaf);
    }

    std::uint32_t resolve_node(const MatchNot& n, bool negated) { return resolve(*n.operand, !negated); }

    std::uint32_t resolve_node(const MatchAnd& n, bool negated) { return junction(n.operands, negated, true); }
    std::uint32_t resolve_node(const MatchOr& n, bool negated) { return junction(n.operands, negated, false); }

    std::uint32_t junction(const std::vector<MatchExpr>& operands, bool negated, bool is_and) {
        boost::container::small_vector<std::uint32_t, 16> children;
        for (const auto& operand : operands) children.push_back(resolve(operand, negated));
        const std::span<const std::uint32_t> list(children.data(), children.size());
        return is_and != negated ? out_.add_all(list) : out_.add_any(list);
    }

    // A field written alone means `field != 0` (parse: expr_parse_primary).
    std::uint32_t resolve_node(const MatchFieldTest& n, bool negated) {
        const Symbol& s = lookup(n.field);
        if (!s.is_numeric())
            fail(n.loc, "Syntax error after `" + std::string(s.name) + "' expecting relational operator.");
        const unsigned n_bits = n.field.has_bits ? n.field.high - n.field.low + 1 : s.width;
        if (n_bits > 1 && !negated)
            fail(n.loc, "Explicit `!= 0' is required for inequality test of multibit field against 0.");
        const Constant zero = Constant::integer(0, IntegerFormat::Hexadecimal, n.loc);
        return comparison({&n.field, RelOp::Ne, std::span(&zero, 1), false, n.loc}, negated);
    }

    std::uint32_t resolve_node(const MatchComparison& n, bool negated) {
        return comparison({&n.field, n.op, n.constants.values(),
                           n.constants.in_curlies, n.loc},
                          negated);
    }

    std::uint32_t resolve_node(const MatchRange& n, bool negated) {
        const Comparison low{&n.field, relop_turned(n.low_op),
                             n.low->values(), n.low->in_curlies, n.loc};
        const Comparison high{&n.field, n.high_op, n.high->values(),
                              n.high->in_curlies, n.loc};
        const std::uint32_t low_test = comparison(low, negated);
        const std::uint32_t high_test = comparison(high, negated);
        return negated ? out_.add_any({low_test, high_test}) : out_.add_all({low_test, high_test});
    }

    const Symbol& lookup(const FieldRef& f) const {
        const Symbol* s = symbols_.find(f.name);
        if (!s) fail(f.loc, "Syntax error at `" + std::string(f.name) + "' expecting field name.");
        if (s->action_only) fail(f.loc, "Field " + std::string(s->name) + " cannot be used in a match.");
        if (f.has_bits) {
            if (auto problem = s->check_range({f.low, f.high})) fail(f.loc, *problem);
        }
        return *s;
    }

    void check_constants(const Comparison& c, const Symbol& s) const {
        const bool string_field = !s.is_numeric();
        for (const Constant& k : c.constants) {
            if (k.kind() == Constant::Kind::Template) fail(k.loc, "Unexpanded template.");
            if (is_string_constant(k) != is_string_constant(c.constants.front()))
                fail(k.loc, std::string("Syntax error at constant expecting ") +
                                (is_string_constant(c.constants.front()) ? "string." : "integer."));
            if (is_string_constant(k) != string_field)
                fail(k.loc, std::string(string_field ? "String" : "Integer") + " field " + std::string(s.name) +
                                " is not compatible with " + (string_field ? "integer" : "string") + " constant.");
            if (k.kind() == Constant::Kind::AddressSet && s.kind == SymbolKind::predicate)
                fail(k.loc, "Address set $" + std::string(k.text()) + " cannot be compared with predicate " +
                                std::string(s.name) + ".");
            if (k.kind() == Constant::Kind::Integer && constant_width(k) > s.width)
                fail(k.loc, std::to_string(constant_width(k)) + "-bit constant is not compatible with " +
                                std::to_string(s.width) + "-bit field " + std::string(s.name) + ".");
        }
    }

    void check_operator(const Comparison& c, const Symbol& s, bool negated) const {
        if (c.op != RelOp::Eq && c.op != RelOp::Ne) {
            if (c.in_curlies) fail(c.loc, "Only == and != operators may be used with value sets.");
            if (s.level != Level::ordinal)
                fail(c.loc, "Only == and != operators may be used with " + level_name(s.level) + " field " +
                                std::string(s.name) + ".");
            for (const Constant& k : c.constants) {
                if (k.kind() == Constant::Kind::AddressSet)
                    fail(k.loc, "Only == and != operators may be used with address sets.");
                if (k.masked())
                    fail(k.loc,
                         "Only == and != operators may be used with masked constants.  Consider using "
                         "subfields instead (e.g. eth.src[0..15] > 0x1111 in place of "
                         "eth.src > 00:00:00:00:11:11/00:00:00:00:ff:ff).");
            }
        }
        if (s.level != Level::nominal) return;
        if (s.kind == SymbolKind::predicate) {
            for (const Constant& k : c.constants) {
                const bool positive = k.value().bit(0) != (c.op == RelOp::Ne) != negated;
                if (!positive) {
                    const std::string name(s.name);
                    fail(c.loc, "Nominal predicate " + name + " may only be tested positively, e.g. `" + name +
                                    "' or `" + name + " == 1' but not `!" + name + "' or `" + name + " == 0'.");
                }
            }
        } else if (c.op != (negated ? RelOp::Ne : RelOp::Eq)) {
            fail(c.loc, "Nominal field " + std::string(s.name) +
                            " may only be tested for equality (taking enclosing `!' operators into account).");
        }
    }

    std::uint32_t comparison(const Comparison& c, bool negated) {
        const Symbol& s = lookup(*c.field);
        // No constants (the grammar allows none, an AST built by hand might): lib/expr.c
        // make_cmp's answer, `f == {}` false and `f != {}` true.
        if (c.constants.empty()) return out_.add_constant((c.op == RelOp::Ne) != negated, c.loc);
        check_constants(c, s);
        check_operator(c, s, negated);

        // `f == {a, b}` is `f == a || f == b`, `f != {a, b}` is `f != a && f != b`; an
        // enclosing `!` inverts each test and swaps the junction (lib/expr.c expr_not).
        const RelOp op = negated ? relop_inverted(c.op) : c.op;
        const bool any = (c.op == RelOp::Eq) != negated;
        std::optional<BitRange> range;
        if (c.field->has_bits) range = BitRange{c.field->low, c.field->high};

        boost::container::small_vector<std::uint32_t, 8> tests;
        for (const Constant& k : c.constants) tests.push_back(test(s, range, op, k, c.field->loc));
        const std::span<const std::uint32_t> list(tests.data(), tests.size());
        const std::uint32_t junction = any ? out_.add_any(list) : out_.add_all(list);
        if (s.prerequisites.empty()) return junction;
        const std::uint32_t prereqs = out_.append_copy(lookup_(s, true), lookup_(s, true).root(), c.field->loc,
                                                       &s, TestOrigin::prerequisite);
        return out_.add_all({junction, prereqs});
    }

    // One test of `s` (bits `range`) against one constant, `op` already final.
    std::uint32_t test(const Symbol& s, std::optional<BitRange> range, RelOp op, const Constant& k, SourceLoc loc) {
        if (s.kind == SymbolKind::predicate) {
            const bool positive = k.value().bit(0) != (op == RelOp::Ne);
            const ResolvedMatch& expansion = lookup_(s, false);
            return out_.append_copy(expansion, expansion.root(), loc, &s, TestOrigin::predicate, !positive);
        }
        MatchNode leaf;
        leaf.op = op;
        leaf.loc = loc;
        leaf.written = &s;
        leaf.storage = s.bits.storage;
        if (!s.is_numeric()) {
            leaf.kind = k.kind() == Constant::Kind::PortGroup ? MatchNode::Kind::port_group : MatchNode::Kind::port;
            leaf.text = out_.add_text(k.kind() == Constant::Kind::PortGroup ? std::string(k.text()) : k.string().value());
            return out_.add_leaf(leaf);
        }
        const FieldBits bits = s.field(range);
        if (k.kind() == Constant::Kind::AddressSet) {
            leaf.kind = MatchNode::Kind::address_set;
            leaf.bits = bits;
            leaf.text = out_.add_text(k.text());
            return out_.add_leaf(leaf);
        }
        const Bits128 width_mask = Bits128::ones(bits.width);
        leaf.kind = MatchNode::Kind::field;
        leaf.mask = ((k.masked() ? k.mask() : width_mask) & width_mask) << bits.offset;
        leaf.value = ((k.value() & width_mask) << bits.offset) & leaf.mask;
        return out_.add_leaf(leaf);
    }

    const SymbolTable& symbols_;
    std::string_view file_;
    ExpansionLookup lookup_;
    ResolvedMatch& out_;
};

constexpr std::string_view kSymbolTableFile = "<symbol table>";

ResolvedMatch resolve_with(const SymbolTable& symbols, const MatchExpr& expr, std::string_view file,
                           const ExpansionLookup& lookup) {
    // A match with its prerequisites has a few dozen nodes: room for them up front, then
    // trimmed, as compiled flows are kept.
    ResolvedMatch out;
    out.reserve(64);
    Resolution r(symbols, file, lookup, out);
    out.set_root(r.resolve(expr, false));
    out.shrink_to_fit();
    return out;
}

}  // namespace

MatchResolver::MatchResolver(const SymbolTable& symbols) : symbols_(symbols) {
    std::vector<const Symbol*> in_progress;
    for (const Symbol& s : symbols_.symbols()) expand(s, in_progress);
}

const MatchResolver::Expansions& MatchResolver::expand(const Symbol& s, std::vector<const Symbol*>& in_progress) {
    if (auto it = expansions_.find(&s); it != expansions_.end()) return it->second;
    for (const Symbol* p : in_progress)
        if (p == &s) throw std::logic_error("Recursive expansion of symbol `" + std::string(s.name) + "'.");
    in_progress.push_back(&s);
    const ExpansionLookup lookup = [&](const Symbol& inner, bool prerequisites) -> const ResolvedMatch& {
        const Expansions& e = expand(inner, in_progress);
        return prerequisites ? e.prerequisites : e.expansion;
    };
    auto resolve_text = [&](std::string_view text) {
        if (text.empty()) {
            ResolvedMatch m;
            m.set_root(m.add_constant(true));
            return m;
        }
        return resolve_with(symbols_, parse_match(text, TextOrigin{kSymbolTableFile}), kSymbolTableFile, lookup);
    };
    Expansions e{resolve_text(s.prerequisites), resolve_text(s.expansion)};
    in_progress.pop_back();
    return expansions_.emplace(&s, std::move(e)).first->second;
}

const ResolvedMatch& MatchResolver::prerequisites(const Symbol& s) const { return expansions_.at(&s).prerequisites; }
const ResolvedMatch& MatchResolver::expansion(const Symbol& s) const { return expansions_.at(&s).expansion; }

ResolvedMatch MatchResolver::resolve(const MatchExpr& expr, std::string_view file) const {
    return resolve(expr, file, {});
}

ResolvedMatch MatchResolver::resolve(const MatchExpr& expr, std::string_view file,
                                     std::span<const std::string_view> action_prerequisites) const {
    const ExpansionLookup lookup = [this](const Symbol& s, bool prereqs) -> const ResolvedMatch& {
        return prereqs ? prerequisites(s) : expansion(s);
    };
    ResolvedMatch out = resolve_with(symbols_, expr, file, lookup);
    if (action_prerequisites.empty()) return out;
    std::vector<std::uint32_t> all{out.root()};
    for (std::string_view text : action_prerequisites) {
        constexpr std::string_view kActions = "<action prerequisites>";
        const ResolvedMatch extra = resolve_with(symbols_, parse_match(text, TextOrigin{kActions}), kActions, lookup);
        all.push_back(out.append_copy(extra, extra.root(), expr.loc(), nullptr, TestOrigin::prerequisite));
    }
    out.set_root(out.add_all(all));
    return out;
}

const MatchResolver& default_match_resolver() {
    static const MatchResolver resolver;
    return resolver;
}

ResolvedMatch MatchResolver::resolve_text(std::string_view text, const TextOrigin& origin) const {
    return resolve(parse_match(text, origin), origin.file);
}

}  // namespace ovnsim
