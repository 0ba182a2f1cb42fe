#include "sim/match_resolved.hpp"

#include <boost/container/small_vector.hpp>

#include "sim/field_format.hpp"
#include "sim/packet.hpp"

namespace ovnsim {
namespace {

// Duplicate tests are dropped only from junctions this small: beyond it the quadratic
// scan would cost more than the duplicates (large literal sets have none anyway).
constexpr std::size_t kDedupLimit = 64;

}  // namespace

RelOp relop_inverted(RelOp op) {
    switch (op) {
    case RelOp::Eq: return RelOp::Ne;
    case RelOp::Ne: return RelOp::Eq;
    case RelOp::Lt: return RelOp::Ge;
    case RelOp::Le: return RelOp::Gt;
    case RelOp::Gt: return RelOp::Le;
    case RelOp::Ge: return RelOp::Lt;
    }
    return op;
}

namespace {

bool compare(Bits128 a, RelOp op, Bits128 b) {
    switch (op) {
    case RelOp::Eq: return a == b;
    case RelOp::Ne: return !(a == b);
    case RelOp::Lt: return a < b;
    case RelOp::Le: return a <= b;
    case RelOp::Gt: return a > b;
    case RelOp::Ge: return a >= b;
    }
    return false;
}

}  // namespace

std::uint32_t ResolvedMatch::add_constant(bool value, SourceLoc loc) {
    MatchNode n;
    n.kind = MatchNode::Kind::constant;
    n.truth = value;
    n.loc = loc;
    nodes_.push_back(n);
    return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t ResolvedMatch::add_leaf(MatchNode leaf) {
    nodes_.push_back(leaf);
    return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t ResolvedMatch::add_text(std::string_view s) {
    texts_.emplace_back(s);
    return static_cast<std::uint32_t>(texts_.size() - 1);
}

bool ResolvedMatch::same_test(const MatchNode& a, const MatchNode& b) const {
    if (a.kind != b.kind || a.op != b.op) return false;
    switch (a.kind) {
    case MatchNode::Kind::field:
        return a.storage == b.storage && a.mask == b.mask && a.value == b.value;
    case MatchNode::Kind::address_set:
        return a.bits == b.bits && texts_[a.text] == texts_[b.text];
    case MatchNode::Kind::port:
    case MatchNode::Kind::port_group:
        return a.storage == b.storage && texts_[a.text] == texts_[b.text];
    case MatchNode::Kind::chassis:
        return a.truth == b.truth && texts_[a.text] == texts_[b.text];
    default:
        return false;  // junctions and constants are never merged here
    }
}

bool ResolvedMatch::same_tree(std::uint32_t a, std::uint32_t b) const {
    const MatchNode& x = nodes_[a];
    const MatchNode& y = nodes_[b];
    if (x.kind == MatchNode::Kind::constant || y.kind == MatchNode::Kind::constant)
        return x.kind == y.kind && x.truth == y.truth;
    if (x.kind != MatchNode::Kind::all && x.kind != MatchNode::Kind::any) return same_test(x, y);
    if (x.kind != y.kind || x.count != y.count) return false;
    for (std::uint32_t i = 0; i < x.count; ++i)
        if (!same_tree(children_[x.first + i], children_[y.first + i])) return false;
    return true;
}

// Whether junction `c` (a child of a junction of the other kind with children `siblings`)
// contains one of its siblings as an operand, and so adds nothing.
bool ResolvedMatch::absorbed(std::uint32_t c, std::span<const std::uint32_t> siblings) const {
    const MatchNode& n = nodes_[c];
    if (n.kind != MatchNode::Kind::all && n.kind != MatchNode::Kind::any) return false;
    for (std::uint32_t i = 0; i < n.count; ++i)
        for (std::uint32_t s : siblings)
            if (s != c && same_tree(children_[n.first + i], s)) return true;
    return false;
}

std::uint32_t ResolvedMatch::add_junction(MatchNode::Kind kind, std::span<const std::uint32_t> children) {
    const bool absorbing = kind == MatchNode::Kind::any;  // the constant that decides it
    // Small, short-lived lists on every resolution: kept off the heap.
    boost::container::small_vector<std::uint32_t, 32> flat;
    for (std::uint32_t c : children) {
        const MatchNode& n = nodes_[c];
        if (n.kind == MatchNode::Kind::constant) {
            if (n.truth == absorbing) return add_constant(absorbing, n.loc);
            continue;
        }
        if (n.kind == kind) {
            flat.insert(flat.end(), children_.begin() + n.first, children_.begin() + n.first + n.count);
        } else {
            flat.push_back(c);
        }
    }
    if (flat.size() <= kDedupLimit) {
        boost::container::small_vector<std::uint32_t, 32> unique;
        for (std::uint32_t c : flat) {
            bool seen = false;
            for (std::uint32_t u : unique) seen = seen || same_tree(u, c);
            if (!seen) unique.push_back(c);
        }
        // Absorption: `a && (a || b)` is `a`, `a || (a && b)` is `a` (prerequisites make
        // `eth.type == 0x800 && (eth.type == 0x800 || eth.type == 0x86dd)` all the time).
        flat.clear();
        for (std::uint32_t c : unique) {
            if (!absorbed(c, {unique.data(), unique.size()})) flat.push_back(c);
        }
    }
    if (flat.empty()) return add_constant(!absorbing);
    if (flat.size() == 1) return flat.front();
    MatchNode n;
    n.kind = kind;
    n.first = static_cast<std::uint32_t>(children_.size());
    n.count = static_cast<std::uint32_t>(flat.size());
    n.loc = nodes_[flat.front()].loc;
    children_.insert(children_.end(), flat.begin(), flat.end());
    nodes_.push_back(n);
    return static_cast<std::uint32_t>(nodes_.size() - 1);
}

std::uint32_t ResolvedMatch::append_copy(const ResolvedMatch& other, std::uint32_t i, SourceLoc loc,
                                         const Symbol* written, TestOrigin origin, bool negate) {
    const MatchNode& src = other.nodes_[i];
    if (src.kind == MatchNode::Kind::all || src.kind == MatchNode::Kind::any) {
        boost::container::small_vector<std::uint32_t, 16> copied;
        for (auto it = other.children_begin(src); it != other.children_end(src); ++it)
            copied.push_back(append_copy(other, *it, loc, written, origin, negate));
        const bool all = (src.kind == MatchNode::Kind::all) != negate;
        return add_junction(all ? MatchNode::Kind::all : MatchNode::Kind::any, {copied.data(), copied.size()});
    }
    MatchNode n = src;
    n.loc = loc;
    n.written = written;
    n.origin = origin;
    if (n.kind != MatchNode::Kind::constant && n.kind != MatchNode::Kind::field)
        n.text = add_text(other.texts_[src.text]);
    if (negate) {
        if (n.kind == MatchNode::Kind::constant || n.kind == MatchNode::Kind::chassis)
            n.truth = !n.truth;
        else
            n.op = relop_inverted(n.op);
    }
    return add_leaf(n);
}

bool ResolvedMatch::evaluate(const Packet& packet, const MatchEnvironment& env) const {
    return eval(root_, packet, env);
}

bool ResolvedMatch::eval(std::uint32_t i, const Packet& packet, const MatchEnvironment& env) const {
    const MatchNode& n = nodes_[i];
    switch (n.kind) {
    case MatchNode::Kind::constant:
        return n.truth;
    case MatchNode::Kind::all:
        for (auto it = children_begin(n); it != children_end(n); ++it)
            if (!eval(*it, packet, env)) return false;
        return true;
    case MatchNode::Kind::any:
        for (auto it = children_begin(n); it != children_end(n); ++it)
            if (eval(*it, packet, env)) return true;
        return false;
    case MatchNode::Kind::field:
        return compare(packet.get(n.storage) & n.mask, n.op, n.value);
    case MatchNode::Kind::port: {
        // OVN's port lookup (ovn-controller's lookup_port_cb, ovn-trace) reads the name
        // "none" as port key 0: no port.
        std::string_view port = texts_[n.text];
        if (port == "none") port = {};
        return (packet.port(n.storage) == port) == (n.op == RelOp::Eq);
    }
    case MatchNode::Kind::address_set:
        return env.in_address_set(texts_[n.text], packet.read(n.bits), n.bits.width) == (n.op == RelOp::Eq);
    case MatchNode::Kind::port_group:
        return env.in_port_group(texts_[n.text], packet.port(n.storage)) == (n.op == RelOp::Eq);
    case MatchNode::Kind::chassis:
        return env.is_chassis_resident(texts_[n.text]) != n.truth;
    }
    return false;
}

void ResolvedMatch::append_text(std::string& out, std::uint32_t i, bool nested) const {
    const MatchNode& n = nodes_[i];
    switch (n.kind) {
    case MatchNode::Kind::constant:
        out += n.truth ? '1' : '0';
        return;
    case MatchNode::Kind::all:
    case MatchNode::Kind::any: {
        if (nested) out += '(';
        const char* sep = n.kind == MatchNode::Kind::all ? " && " : " || ";
        for (auto it = children_begin(n); it != children_end(n); ++it) {
            if (it != children_begin(n)) out += sep;
            append_text(out, *it, true);
        }
        if (nested) out += ')';
        return;
    }
    case MatchNode::Kind::field: {
        const auto [lo, len] = contiguous_run(n.mask);
        if (len > 0) {
            out += format_field_bits(n.storage, lo, len);
            out += ' ';
            out += relop_text(n.op);
            out += ' ' + (n.value >> lo).to_hex();
        } else {
            out += storage_info(n.storage).name;
            out += ' ';
            out += relop_text(n.op);
            out += ' ' + n.value.to_hex() + '/' + n.mask.to_hex();
        }
        return;
    }
    case MatchNode::Kind::port:
    case MatchNode::Kind::port_group:
    case MatchNode::Kind::address_set:
        if (n.kind == MatchNode::Kind::address_set)
            out += format_field_bits(n.bits.storage, n.bits.offset, n.bits.width);
        else
            out += storage_info(n.storage).name;
        out += ' ';
        out += relop_text(n.op);
        out += n.kind == MatchNode::Kind::port          ? " \""
               : n.kind == MatchNode::Kind::port_group ? " @"
                                                        : " $";
        out += texts_[n.text];
        if (n.kind == MatchNode::Kind::port) out += '"';
        return;
    case MatchNode::Kind::chassis:
        out += n.truth ? "!is_chassis_resident(\"" : "is_chassis_resident(\"";
        out += texts_[n.text];
        out += "\")";
        return;
    }
}

std::string ResolvedMatch::to_string() const {
    std::string out;
    if (!nodes_.empty()) append_text(out, root_, false);
    return out;
}

}  // namespace ovnsim
