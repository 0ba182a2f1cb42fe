// The microflow solver works on the resolved match in disjunctive normal form: each
// alternative is a set of per-slot constraints (value under mask, or a port name). And-ing
// intersects alternatives and drops contradictory ones, or-ing collects them. One
// alternative left is the packet; none is a contradiction; several are an open choice.
// This accepts and rejects what lib/expr.c:expr_parse_microflow accepts and rejects on
// every example of its documentation (`ip4 && 80 <= tcp.src <= 81` is ambiguous,
// `ip4 && tcp.src > 79 && tcp.src < 82` is port 80 with bit 0 free).
#include "sim/microflow.hpp"

#include <algorithm>
#include <deque>

#include "parser/text_file.hpp"
#include "sim/field_format.hpp"

namespace ovnsim {
namespace {

// More alternatives than this while solving means the microflow leaves too much open.
constexpr std::size_t kMaxAlternatives = 4096;

struct Constraint {
    Storage storage = Storage::xxreg0;
    Bits128 mask;
    Bits128 value;
    Bits128 written_mask;          // bits constrained by a comparison written as such
    std::string_view port;         // inport/outport
    const MatchNode* source = nullptr;   // a test that constrains this slot (for messages)
    const MatchNode* implied = nullptr;  // the first expansion or prerequisite that did
};

using Alternative = std::vector<Constraint>;  // sorted by storage, one per slot
using Alternatives = std::vector<Alternative>;

struct Conflict {
    const MatchNode* earlier = nullptr;
    const MatchNode* later = nullptr;
    int rank = 3;  // how many of the two come from expansions (fewer is clearer)
};

// "eth.type == 0x800", "vlan.tci[12] == 1", "inport == \"vif1\"".
std::string describe_test(Storage s, Bits128 mask, Bits128 value, std::string_view port) {
    const std::string name(storage_info(s).name);
    if (is_string_storage(s)) return name + " == \"" + std::string(port) + "\"";
    const auto [lo, n] = contiguous_run(mask);
    if (n == 0) return name + " == " + value.to_hex() + "/" + mask.to_hex();
    return format_field_bits(s, lo, n) + " == " + format_field_value(s, value >> lo, n);
}

std::string describe_source(const MatchNode& n) {
    std::string out = "`" + std::string(n.written ? n.written->name : "?") + "'";
    out += " (column " + std::to_string(n.loc.column);
    if (n.origin == TestOrigin::prerequisite) out += ", through its prerequisites";
    return out + ")";
}

class Solver {
public:
    Solver(const ResolvedMatch& match, std::string_view file, const MicroflowOptions& options)
        : match_(match), file_(file), options_(options) {}

    Microflow solve() {
        Alternatives alternatives = dnf(match_.root());
        if (alternatives.empty()) contradiction();
        if (alternatives.size() > 1) ambiguity(alternatives[0], alternatives[1]);
        return build(alternatives.front());
    }

private:
    [[noreturn]] void fail(SourceLoc loc, std::string message) const {
        throw InputError(std::string(file_), loc, std::move(message));
    }

    [[noreturn]] void port_left_open(const MatchNode& n) const {
        fail(n.loc, "Constraints are ambiguous: " + describe_source(n) + " leaves the port open.");
    }

    Alternatives dnf(std::uint32_t i) {
        const MatchNode& n = match_.node(i);
        switch (n.kind) {
        case MatchNode::Kind::constant:
            return n.truth ? Alternatives{Alternative{}} : Alternatives{};
        case MatchNode::Kind::chassis:  // taken as resident, as ovn-trace does
            return !n.truth ? Alternatives{Alternative{}} : Alternatives{};
        case MatchNode::Kind::all: return conjunction(n);
        case MatchNode::Kind::any: return disjunction(n);
        case MatchNode::Kind::field: return field_test(n, n.storage, n.mask, n.value, n.op);
        case MatchNode::Kind::port:
            if (n.op != RelOp::Eq) port_left_open(n);
            return {port_alternative(n, match_.text(n.text))};
        case MatchNode::Kind::address_set: return address_set(n);
        case MatchNode::Kind::port_group: return port_group(n);
        }
        return {};
    }

    Alternatives conjunction(const MatchNode& n) {
        std::vector<Alternatives> parts;
        for (auto it = match_.children_begin(n); it != match_.children_end(n); ++it) {
            parts.push_back(dnf(*it));
            if (parts.back().empty()) return {};
        }
        // Narrow with the most decided parts first so that open choices die early.
        std::stable_sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
        Alternatives result{Alternative{}};
        for (const Alternatives& part : parts) {
            Alternatives next;
            for (const Alternative& a : result)
                for (const Alternative& b : part)
                    if (auto merged = intersect(a, b)) add(next, std::move(*merged), n);
            if (next.empty()) return {};
            result.swap(next);
        }
        return result;
    }

    Alternatives disjunction(const MatchNode& n) {
        Alternatives result;
        for (auto it = match_.children_begin(n); it != match_.children_end(n); ++it)
            for (Alternative& a : dnf(*it)) add(result, std::move(a), n);
        return result;
    }

    void add(Alternatives& to, Alternative a, const MatchNode& where) const {
        for (const Alternative& b : to)
            if (same(a, b)) return;
        if (to.size() == kMaxAlternatives)
            fail(where.loc, "Constraints are ambiguous: more than " + std::to_string(kMaxAlternatives) +
                                " alternatives.");
        to.push_back(std::move(a));
    }

    static bool same(const Alternative& a, const Alternative& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Constraint& x, const Constraint& y) {
            return x.storage == y.storage && x.mask == y.mask && x.value == y.value && x.port == y.port;
        });
    }

    Constraint constraint(const MatchNode& n, Storage s, Bits128 mask, Bits128 value) const {
        Constraint c;
        c.storage = s;
        c.mask = mask;
        c.value = value & mask;
        c.source = &n;
        if (n.origin == TestOrigin::written) c.written_mask = mask;
        else c.implied = &n;
        return c;
    }

    Alternative port_alternative(const MatchNode& n, std::string_view port) const {
        Constraint c = constraint(n, n.storage, 0, 0);
        c.port = port;
        return {c};
    }

    // (slot & mask) op value as alternatives of masked equalities (lib/expr.c
    // expr_simplify_ne and expr_simplify_relational).
    Alternatives field_test(const MatchNode& n, Storage s, Bits128 mask, Bits128 value, RelOp op) const {
        Alternatives out;
        auto alternative = [&](Bits128 m, Bits128 v) { out.push_back({constraint(n, s, m, v)}); };
        if (op == RelOp::Eq) {
            alternative(mask, value);
            return out;
        }
        if (op == RelOp::Ne) {
            for (unsigned b = 0; b < 128; ++b)
                if (mask.bit(b)) alternative(Bits128(1) << b, value.bit(b) ? Bits128(0) : Bits128(1) << b);
            return out;
        }
        const auto [start, n_bits] = contiguous_run(mask);
        const unsigned end = start + n_bits;
        const bool less = op == RelOp::Lt || op == RelOp::Le;
        const bool or_equal = op == RelOp::Le || op == RelOp::Ge;
        bool bound = true;  // `value` is the extreme (all ones for <, zero for >)
        for (unsigned b = start; b < end; ++b) bound = bound && value.bit(b) == less;
        if (bound) {
            if (or_equal) return {Alternative{}};
            return field_test(n, s, mask, value, RelOp::Ne);
        }
        if (or_equal) alternative(mask, value);
        // x < v: same bits as v above a 1-bit of v, 0 there, anything below (and dually).
        for (unsigned z = start; z < end; ++z) {
            if (value.bit(z) != less) continue;
            const Bits128 below = Bits128::mask(start, z - start);
            Bits128 v = value & ~below;
            v.set_bit(z, !less);
            alternative(mask & ~below, v);
        }
        return out;
    }

    Alternatives address_set(const MatchNode& n) {
        const auto name = match_.text(n.text);
        std::optional<std::vector<MaskedValue>> entries;
        if (options_.address_set) entries = options_.address_set(name);
        if (!entries) fail(n.loc, "Unknown address set $" + std::string(name) + ".");
        const Bits128 width_mask = Bits128::ones(n.bits.width);
        Alternatives result{Alternative{}};
        if (n.op == RelOp::Eq) result.clear();
        for (const MaskedValue& e : *entries) {
            const Bits128 mask = (e.mask & width_mask) << n.bits.offset;
            const Bits128 value = (e.value & width_mask) << n.bits.offset;
            const Storage s = n.bits.storage;
            if (n.op == RelOp::Eq) {
                for (Alternative& a : field_test(n, s, mask, value, RelOp::Eq)) add(result, std::move(a), n);
            } else {
                Alternatives next;
                for (const Alternative& a : result)
                    for (const Alternative& b : field_test(n, s, mask, value, RelOp::Ne))
                        if (auto merged = intersect(a, b)) add(next, std::move(*merged), n);
                result.swap(next);
            }
        }
        return result;
    }

    Alternatives port_group(const MatchNode& n) {
        const auto name = match_.text(n.text);
        std::optional<std::vector<std::string>> members;
        if (options_.port_group) members = options_.port_group(name);
        if (!members) fail(n.loc, "Unknown port group @" + std::string(name) + ".");
        if (n.op != RelOp::Eq) port_left_open(n);
        Alternatives result;
        for (std::string& m : *members) add(result, port_alternative(n, owned_.emplace_back(std::move(m))), n);
        return result;
    }

    std::optional<Alternative> intersect(const Alternative& a, const Alternative& b) {
        Alternative out;
        out.reserve(a.size() + b.size());
        auto i = a.begin();
        auto j = b.begin();
        while (i != a.end() || j != b.end()) {
            if (j == b.end() || (i != a.end() && i->storage < j->storage)) {
                out.push_back(*i++);
            } else if (i == a.end() || j->storage < i->storage) {
                out.push_back(*j++);
            } else {
                auto merged = merge(*i++, *j++);
                if (!merged) return std::nullopt;
                out.push_back(*merged);
            }
        }
        return out;
    }

    std::optional<Constraint> merge(const Constraint& a, const Constraint& b) {
        const bool clash = is_string_storage(a.storage) ? a.port != b.port
                                                        : !((a.value ^ b.value) & a.mask & b.mask).is_zero();
        if (clash) {
            const int rank = (a.source->origin != TestOrigin::written) + (b.source->origin != TestOrigin::written);
            if (rank <= conflict_.rank) conflict_ = {a.source, b.source, rank};
            return std::nullopt;
        }
        Constraint c = a;
        c.mask = a.mask | b.mask;
        c.value = a.value | b.value;
        c.written_mask = a.written_mask | b.written_mask;
        // A predicate the user wrote explains a value better than a prerequisite does.
        if (b.implied && (!c.implied || (c.implied->origin == TestOrigin::prerequisite &&
                                         b.implied->origin == TestOrigin::predicate)))
            c.implied = b.implied;
        if (c.source->origin != TestOrigin::written && b.source->origin == TestOrigin::written) c.source = b.source;
        return c;
    }

    [[noreturn]] void contradiction() const {
        if (!conflict_.earlier) fail(match_.node(match_.root()).loc, "Constraints are contradictory.");
        const MatchNode& a = *conflict_.earlier;
        const MatchNode& b = *conflict_.later;
        // The clause written later is the one to blame; name both.
        const bool b_later = b.loc.line > a.loc.line || (b.loc.line == a.loc.line && b.loc.column >= a.loc.column);
        const MatchNode& later = b_later ? b : a;
        const MatchNode& earlier = &later == &b ? a : b;
        fail(later.loc, "Constraints are contradictory: " + describe_source(later) + " needs " + describe_node(later) +
                            " but " + describe_source(earlier) + " needs " + describe_node(earlier) + ".");
    }

    // What the term that produced `n` requires of `n`'s slot: every equality on that slot the
    // same written term produced (`tcp' allows eth.type 0x800 or 0x86dd).
    std::string describe_node(const MatchNode& n) const {
        if (n.kind == MatchNode::Kind::port) return describe_test(n.storage, 0, 0, match_.text(n.text));
        std::vector<std::string> tests;
        for (std::uint32_t i = 0; i < match_.size(); ++i) {
            const MatchNode& m = match_.node(i);
            if (m.kind != MatchNode::Kind::field || m.op != RelOp::Eq || m.storage != n.storage ||
                m.written != n.written || !(m.loc == n.loc))
                continue;
            auto t = describe_test(m.storage, m.mask, m.value, {});
            if (std::find(tests.begin(), tests.end(), t) == tests.end()) tests.push_back(std::move(t));
        }
        if (tests.empty())
            return std::string(storage_info(n.storage).name) + " " + std::string(relop_text(n.op)) + " " +
                   n.value.to_hex();
        std::string out = tests.front();
        for (std::size_t i = 1; i < tests.size(); ++i) out += " or " + tests[i];
        return out;
    }

    [[noreturn]] void ambiguity(const Alternative& a, const Alternative& b) const {
        // The first slot the two alternatives disagree on.
        auto i = a.begin();
        auto j = b.begin();
        while (i != a.end() && j != b.end() && i->storage == j->storage && i->mask == j->mask &&
               i->value == j->value && i->port == j->port) {
            ++i;
            ++j;
        }
        const Constraint* c = i != a.end() ? &*i : j != b.end() ? &*j : nullptr;
        if (!c) fail(match_.node(match_.root()).loc, "Constraints are ambiguous.");
        std::string message = "Constraints are ambiguous: " + describe_source(*c->source) + " allows ";
        const Constraint* other = (i != a.end() && j != b.end() && i->storage == j->storage) ? &*j : nullptr;
        message += describe_test(c->storage, c->mask, c->value, c->port);
        message += other ? " or " + describe_test(other->storage, other->mask, other->value, other->port)
                         : " or leaves " + std::string(storage_info(c->storage).name) + " open";
        if (c->storage == Storage::eth_type) message += "; say ip4 or ip6";
        fail(c->source->loc, message + ".");
    }

    Microflow build(const Alternative& solution) const {
        Microflow flow;
        Packet& p = flow.packet;
        for (const Constraint& c : solution) {
            if (is_string_storage(c.storage)) {
                p.set_port(c.storage, c.port);
                if (options_.port_key) {
                    const auto key = options_.port_key(c.port);
                    if (!key) fail(c.source->loc, "Unknown logical port \"" + std::string(c.port) + "\".");
                    p.set(c.storage == Storage::inport ? Storage::inport_key : Storage::outport_key, *key);
                }
                continue;
            }
            p.set(c.storage, c.value);
            const Bits128 implied = c.mask & ~c.written_mask;
            if (!implied.is_zero() && c.implied) report(flow, c.storage, implied, c.value, reason(*c.implied));
        }
        if (options_.fill_defaults) fill_defaults(flow, solution);
        return flow;
    }

    static std::string reason(const MatchNode& n) {
        const std::string name(n.written ? n.written->name : "?");
        return n.origin == TestOrigin::prerequisite ? "prerequisite of " + name : name;
    }

    static void report(Microflow& flow, Storage s, Bits128 bits, Bits128 value, std::string why) {
        auto [lo, n] = contiguous_run(bits);
        if (n == 0) {  // scattered bits: report the whole slot
            lo = 0;
            n = storage_info(s).width;
        }
        flow.filled.push_back({format_field_bits(s, lo, n), value.extract(lo, n), std::move(why)});
    }

    static bool constrained(const Alternative& solution, Storage s) {
        return std::any_of(solution.begin(), solution.end(),
                           [s](const Constraint& c) { return c.storage == s && !c.mask.is_zero(); });
    }

    static void fill_defaults(Microflow& flow, const Alternative& solution) {
        Packet& p = flow.packet;
        const Bits128 eth_type = p.get(Storage::eth_type);
        const bool ip4 = constrained(solution, Storage::eth_type) && eth_type == Bits128(0x0800);
        const bool ip6 = constrained(solution, Storage::eth_type) && eth_type == Bits128(0x86dd);
        if ((ip4 || ip6) && !constrained(solution, Storage::ip_ttl)) {
            p.set(Storage::ip_ttl, 64);
            report(flow, Storage::ip_ttl, Bits128::ones(8), 64, "default TTL");
        }
        const bool proto = constrained(solution, Storage::ip_proto);
        const auto echo_request = [&](Storage type, Storage code, unsigned value) {
            if (constrained(solution, type) || constrained(solution, code)) return;
            p.set(type, value);
            report(flow, type, Bits128::ones(8), value, "default: echo request");
        };
        if (ip4 && proto && p.get(Storage::ip_proto) == Bits128(1))
            echo_request(Storage::icmp4_type, Storage::icmp4_code, 8);
        if (ip6 && proto && p.get(Storage::ip_proto) == Bits128(58))
            echo_request(Storage::icmp6_type, Storage::icmp6_code, 128);
    }

    const ResolvedMatch& match_;
    std::string_view file_;
    const MicroflowOptions& options_;
    Conflict conflict_;
    std::deque<std::string> owned_;  // port group members the alternatives point into
};

}  // namespace

Microflow solve_microflow(const ResolvedMatch& match, std::string_view file, const MicroflowOptions& options) {
    return Solver(match, file, options).solve();
}

Microflow solve_microflow(std::string_view text, const TextOrigin& origin, const MicroflowOptions& options,
                          const MatchResolver& resolver) {
    // A microflow comes from a command line or a batch file, not through TextFile.
    check_text_encoding(text, std::string(origin.file));
    return solve_microflow(resolver.resolve_text(text, origin), origin.file, options);
}

}  // namespace ovnsim
