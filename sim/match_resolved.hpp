#pragma once
// A match after the resolve pass (sim/match_resolve.hpp): every name looked up, predicates
// expanded, prerequisites ANDed in, negations pushed down to the tests, exactly as OVN's
// expr_parse + expr_annotate leave it. What remains is a tree of AND/OR over tests the
// evaluator runs against a Packet without allocating:
//
//   field           (slot & mask) op value, mask and value in slot bit positions; for < <=
//                   > >= the mask is one contiguous run of bits, compared as an integer
//   port            inport/outport op "name"
//   address_set     a field's bits are (op ==) or are not (op !=) in $name
//   port_group      inport/outport is (==) or is not (!=) in @name
//   chassis         is_chassis_resident("port"), possibly negated
//
// Address sets, port groups and chassis residence are answered by a MatchEnvironment the
// model provides; the resolved match keeps only their names.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <span>
#include <vector>

#include "parser/bits128.hpp"
#include "parser/match_ast.hpp"
#include "parser/source_location.hpp"
#include "parser/symbol_table.hpp"

namespace ovnsim {

class Packet;

class MatchEnvironment {
public:
    virtual ~MatchEnvironment() = default;
    // Whether `value` (the `width` bits of the tested field) is in address set `name`.
    virtual bool in_address_set(std::string_view name, Bits128 value, unsigned width) const = 0;
    virtual bool in_port_group(std::string_view name, std::string_view port) const = 0;
    virtual bool is_chassis_resident(std::string_view port) const = 0;
};

// The operator that holds exactly when `op` does not: `!=` for `==`, `>=` for `<`.
RelOp relop_inverted(RelOp op);

// Why a test is in the tree: written as is, or produced by expanding what was written.
enum class TestOrigin : std::uint8_t { written, predicate, prerequisite };

struct MatchNode {
    enum class Kind : std::uint8_t { constant, all, any, field, port, address_set, port_group, chassis };
    // (Members ordered by alignment: a node is 80 bytes.)
    Bits128 mask;                  // field
    Bits128 value;                 // field
    // Where the test comes from: the symbol written at `loc` in the match text, and whether
    // the test is that symbol's own comparison or part of its expansion / prerequisites.
    const Symbol* written = nullptr;
    SourceLoc loc;
    std::uint32_t first = 0;       // all/any: children are children_[first, first + count)
    std::uint32_t count = 0;
    std::uint32_t text = 0;        // port, sets, chassis: index into texts()
    FieldBits bits;                // address_set: the tested bits
    Kind kind = Kind::constant;
    RelOp op = RelOp::Eq;          // field, port, address_set, port_group
    bool truth = false;            // constant: its value; chassis: true when negated (`!`)
    Storage storage = Storage::xxreg0;
    TestOrigin origin = TestOrigin::written;
};

class ResolvedMatch {
public:
    bool evaluate(const Packet& packet, const MatchEnvironment& env) const;

    std::uint32_t root() const noexcept { return root_; }
    const MatchNode& node(std::uint32_t i) const noexcept { return nodes_[i]; }
    std::size_t size() const noexcept { return nodes_.size(); }
    // Children of an all/any node.
    const std::uint32_t* children_begin(const MatchNode& n) const noexcept {
        return children_.data() + n.first;
    }
    const std::uint32_t* children_end(const MatchNode& n) const noexcept {
        return children_.data() + n.first + n.count;
    }
    std::string_view text(std::uint32_t i) const noexcept { return texts_[i]; }

    // Building (used by the resolve pass). add_* return the new node's index; all/any fold
    // constants, flatten nested nodes of their own kind and drop duplicate tests.
    std::uint32_t add_constant(bool value, SourceLoc loc = {});
    std::uint32_t add_leaf(MatchNode leaf);  // field, port, sets, chassis
    std::uint32_t add_text(std::string_view s);
    std::uint32_t add_all(std::span<const std::uint32_t> children) { return add_junction(MatchNode::Kind::all, children); }
    std::uint32_t add_any(std::span<const std::uint32_t> children) { return add_junction(MatchNode::Kind::any, children); }
    std::uint32_t add_all(std::initializer_list<std::uint32_t> children) {
        return add_junction(MatchNode::Kind::all, {children.begin(), children.size()});
    }
    std::uint32_t add_any(std::initializer_list<std::uint32_t> children) {
        return add_junction(MatchNode::Kind::any, {children.begin(), children.size()});
    }
    // Copies node `i` of `other` (with its subtree) into this match, stamping every copied
    // test with `loc`, `written` and `origin`; `negate` copies its logical negation instead.
    std::uint32_t append_copy(const ResolvedMatch& other, std::uint32_t i, SourceLoc loc,
                              const Symbol* written, TestOrigin origin, bool negate = false);
    void set_root(std::uint32_t i) noexcept { root_ = i; }
    void reserve(std::size_t nodes) {
        nodes_.reserve(nodes);
        children_.reserve(nodes);
    }
    void shrink_to_fit() {
        nodes_.shrink_to_fit();
        children_.shrink_to_fit();
    }

    // The tree in match-language syntax over storage slot names, e.g.
    // `ip.proto == 6 && (eth.type == 0x800 || eth.type == 0x86dd)` (tests, debugging).
    std::string to_string() const;

private:
    std::uint32_t add_junction(MatchNode::Kind kind, std::span<const std::uint32_t> children);
    bool eval(std::uint32_t i, const Packet& packet, const MatchEnvironment& env) const;
    bool same_test(const MatchNode& a, const MatchNode& b) const;
    bool same_tree(std::uint32_t a, std::uint32_t b) const;
    bool absorbed(std::uint32_t c, std::span<const std::uint32_t> siblings) const;
    void append_text(std::string& out, std::uint32_t i, bool nested) const;

    std::vector<MatchNode> nodes_;
    std::vector<std::uint32_t> children_;
    std::vector<std::string> texts_;
    std::uint32_t root_ = 0;
};

}  // namespace ovnsim
