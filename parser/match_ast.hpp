#pragma once
// The OVN match language (ovn-sb(5) Logical_Flow.match; lib/expr.c) as a syntax tree.
//
// The tree is syntax only: field names are not checked against the symbol table here (the
// resolve pass does that). Names and string literals are string_views into the parsed
// text, which must outlive the tree (for a dump, the TextFile that holds it).
//
// Equality is structural: two trees are equal when they say the same thing in the same
// shape, wherever it was written (locations never take part in ==).
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "parser/bits128.hpp"
#include "parser/source_location.hpp"

namespace ovnsim {

// Where a piece of match or action text starts in its file, so that every node and every
// error inside it can say FILE:LINE:COL of the file itself (e.g. of the dump line).
struct TextOrigin {
    std::string_view file;
    SourceLoc start{1, 1};
};

// A node's location. It compares equal to every other NodeLoc: where a node was written is
// not part of what it says.
struct NodeLoc : SourceLoc {
    friend constexpr bool operator==(const NodeLoc&, const NodeLoc&) { return true; }
};

// A heap-allocated T with value semantics (deep copy, == on the values).
template <class T>
class Box {
public:
    explicit Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}
    Box(const Box& other) : ptr_(std::make_unique<T>(*other)) {}
    Box(Box&&) noexcept = default;
    Box& operator=(const Box& other) { *ptr_ = *other; return *this; }
    Box& operator=(Box&&) noexcept = default;
    ~Box() = default;
    const T& operator*() const { return *ptr_; }
    const T* operator->() const { return ptr_.get(); }
    friend bool operator==(const Box& a, const Box& b) { return *a == *b; }

private:
    std::unique_ptr<T> ptr_;
};

// A field or subfield: `ip4.src`, `reg0[7]`, `ct_label[96..127]`, `ct_mark.obs_collector_id`.
struct FieldRef {
    std::string_view name;
    bool has_bits = false;  // a [low] or [low..high] selector was written
    std::uint32_t low = 0;
    std::uint32_t high = 0;  // == low for `[low]`
    NodeLoc loc;
    friend bool operator==(const FieldRef&, const FieldRef&) = default;
};

// How an integer constant was written; printing uses the same notation.
enum class IntegerFormat : std::uint8_t { Decimal, Hexadecimal, Ipv4, Ipv6, Ethernet };

// One constant: an integer (possibly value/mask), a string literal, or a name to be expanded
// later: `$address_set`, `@port_group`, `^template` (a chassis template variable).
struct Constant {
    enum class Kind : std::uint8_t { Integer, String, AddressSet, PortGroup, Template };
    Kind kind = Kind::Integer;
    IntegerFormat format = IntegerFormat::Decimal;  // Integer only
    bool masked = false;                            // Integer only: `value/mask` or `value/prefix`
    bool escaped = false;                           // String only: `text` holds backslash escapes
    Bits128 value;                                  // Integer only; bits outside `mask` are clear
    Bits128 mask;                                   // Integer only; zero unless `masked`
    // String: the text between the quotes as written (JSON escapes not decoded).
    // AddressSet / PortGroup / Template: the name without its sigil.
    std::string_view text;
    NodeLoc loc;

    bool is_integer() const { return kind == Kind::Integer; }
    // The string literal's value with its JSON escapes decoded.
    std::string string_value() const;
    // Equal when they denote the same constant written in the same notation; strings compare
    // by decoded value.
    friend bool operator==(const Constant& a, const Constant& b);
};

// `c` or `{c1, c2, ...}` (commas optional).
struct ConstantSet {
    boost::container::small_vector<Constant, 1> values;
    bool in_curlies = false;
    NodeLoc loc;
    friend bool operator==(const ConstantSet&, const ConstantSet&) = default;
};

enum class RelOp : std::uint8_t { Eq, Ne, Lt, Le, Gt, Ge };
std::string_view relop_text(RelOp op);
// The operator with its operands swapped: `<` for `>`, `==` for `==`.
RelOp relop_turned(RelOp op);

struct MatchExpr;

// `0` or `1`.
struct MatchBool {
    bool value = false;
    NodeLoc loc;
    friend bool operator==(const MatchBool&, const MatchBool&) = default;
};

// A field written alone: a 1-bit field or a predicate (`ct.new`, `ip4`, `reg0[7]`), meaning
// `field != 0` (also a multibit field directly under `!`, meaning `field == 0`).
struct MatchFieldTest {
    FieldRef field;
    NodeLoc loc;
    friend bool operator==(const MatchFieldTest&, const MatchFieldTest&) = default;
};

// `field op constants`, or `constants op field` when `constant_first`. `op` always reads
// with the field on the left: `80 == tcp.dst` and `1024 <= tcp.src` hold Eq and Ge.
struct MatchComparison {
    FieldRef field;
    RelOp op = RelOp::Eq;
    ConstantSet constants;
    bool constant_first = false;
    NodeLoc loc;
    friend bool operator==(const MatchComparison&, const MatchComparison&) = default;
};

// `low low_op field high_op high`, e.g. `1024 <= tcp.src <= 49151` (both operators `<`/`<=`
// or both `>`/`>=`), operators as written.
struct MatchRange {
    ConstantSet low;
    RelOp low_op = RelOp::Le;
    FieldRef field;
    RelOp high_op = RelOp::Le;
    ConstantSet high;
    NodeLoc loc;
    friend bool operator==(const MatchRange&, const MatchRange&) = default;
};

// `is_chassis_resident("port")`.
struct MatchChassisResident {
    Constant port;  // a string
    NodeLoc loc;
    friend bool operator==(const MatchChassisResident&, const MatchChassisResident&) = default;
};

struct MatchNot {
    Box<MatchExpr> operand;
    NodeLoc loc;
    friend bool operator==(const MatchNot&, const MatchNot&) = default;
};

// `a && b && ...`; nesting is kept as written: `(a && b) && c` is an And inside an And.
struct MatchAnd {
    std::vector<MatchExpr> operands;  // two or more
    NodeLoc loc;
    friend bool operator==(const MatchAnd&, const MatchAnd&) = default;
};

struct MatchOr {
    std::vector<MatchExpr> operands;  // two or more
    NodeLoc loc;
    friend bool operator==(const MatchOr&, const MatchOr&) = default;
};

struct MatchExpr {
    using Node = std::variant<MatchBool, MatchFieldTest, MatchComparison, MatchRange,
                              MatchChassisResident, MatchNot, MatchAnd, MatchOr>;
    Node node;
    SourceLoc loc() const;
    friend bool operator==(const MatchExpr&, const MatchExpr&) = default;
};

// Parses a match. Throws InputError (FILE:LINE:COL of the offending token, message in the
// words of OVN's own parser, e.g. "Syntax error at `&&' expecting constant.").
MatchExpr parse_match(std::string_view text, const TextOrigin& origin);

// Canonical text: single spaces around binary operators, parentheses only where needed,
// constants in the notation they were written in (as OVN formats them).
std::string print_match(const MatchExpr& expr);

// Building blocks of the printers, also used by the action printer.
void append_field(std::string& out, const FieldRef& field);
void append_constant(std::string& out, const Constant& constant);
void append_constant_set(std::string& out, const ConstantSet& set);

}  // namespace ovnsim
