#pragma once
// The OVN match language (ovn-sb(5) Logical_Flow.match; lib/expr.c) as a syntax tree.
//
// The tree is syntax only: field names are not checked against the symbol table here (the
// resolve pass does that). Names, string literals and raw arguments are string_views into
// the parsed text, which must outlive the tree (for a dump, the TextFile that holds it).
// Nodes are kept small (a whole dump's trees fit in memory next to the dump).
//
// Equality is structural: two trees are equal when they say the same thing in the same
// shape, wherever it was written (locations never take part in ==).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

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

// A T on the heap with value semantics (deep copy, == on the values), or nothing.
template <class T>
class Box {
public:
    Box() = default;
    explicit Box(T value) : ptr_(std::make_unique<T>(std::move(value))) {}
    Box(const Box& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
    Box(Box&&) noexcept = default;
    Box& operator=(Box other) noexcept {
        ptr_ = std::move(other.ptr_);
        return *this;
    }
    ~Box() = default;
    explicit operator bool() const { return ptr_ != nullptr; }
    const T& operator*() const { return *ptr_; }
    const T* operator->() const { return ptr_.get(); }
    friend bool operator==(const Box& a, const Box& b) {
        return a.ptr_ && b.ptr_ ? *a.ptr_ == *b.ptr_ : a.ptr_ == b.ptr_;
    }

private:
    std::unique_ptr<T> ptr_;
};

// A string literal as written between its quotes, JSON escapes included. Compares by value.
struct QuotedString {
    std::string_view raw;
    std::string value() const;  // the escapes decoded
    friend bool operator==(const QuotedString& a, const QuotedString& b);
};

// A field or subfield: `ip4.src`, `reg0[7]`, `ct_label[96..127]`, `ct_mark.obs_collector_id`.
struct FieldRef {
    std::string_view name;
    std::uint16_t low = 0;
    std::uint16_t high = 0;  // == low for `[low]`
    bool has_bits = false;   // a [low] or [low..high] selector was written
    NodeLoc loc;
    friend bool operator==(const FieldRef&, const FieldRef&) = default;
};

// How an integer constant was written; printing uses the same notation.
enum class IntegerFormat : std::uint8_t { Decimal, Hexadecimal, Ipv4, Ipv6, Ethernet };

// One constant: an integer (possibly value/mask), a string literal, or a name expanded
// later: `$address_set`, `@port_group`, `^template` (a chassis template variable).
class Constant {
public:
    enum class Kind : std::uint8_t { Integer, String, AddressSet, PortGroup, Template };

    Constant() : integer_{} {}
    static Constant integer(Bits128 value, IntegerFormat format, NodeLoc loc = {});
    // Value bits outside `mask` are cleared, as OVN does.
    static Constant masked_integer(Bits128 value, Bits128 mask, IntegerFormat format, NodeLoc loc = {});
    static Constant string(std::string_view raw, NodeLoc loc = {});
    static Constant named(Kind kind, std::string_view name, NodeLoc loc = {});  // $, @ or ^ name

    Kind kind() const { return kind_; }
    bool is_integer() const { return kind_ == Kind::Integer; }
    bool is_string() const { return kind_ == Kind::String; }
    // Integer only.
    IntegerFormat format() const { return format_; }
    bool masked() const { return masked_; }
    Bits128 value() const { return Bits128::from_parts(integer_.value_high, integer_.value_low); }
    Bits128 mask() const { return Bits128::from_parts(integer_.mask_high, integer_.mask_low); }  // 0 unless masked
    // String: the literal. AddressSet / PortGroup / Template: the name, without its sigil.
    QuotedString string() const { return {text()}; }
    std::string_view name() const { return text(); }
    std::string_view text() const;

    NodeLoc loc;

    // Equal when they denote the same constant in the same notation; strings by value.
    friend bool operator==(const Constant& a, const Constant& b);

private:
    union {
        struct {
            std::uint64_t value_high, value_low, mask_high, mask_low;
        } integer_;
        struct {
            const char* data;
            std::size_t size;
        } text_;
    };
    Kind kind_ = Kind::Integer;
    IntegerFormat format_ = IntegerFormat::Decimal;
    bool masked_ = false;
};

// `c` or `{c1, c2, ...}` (commas optional). Holds one constant inline, more on the heap.
class ConstantSet {
    union {
        Constant one_;    // size_ <= 1
        Constant* many_;  // size_ > 1
    };
    std::uint32_t size_ = 0;

public:
    ConstantSet() : one_() {}
    ConstantSet(std::span<const Constant> values, bool in_curlies, NodeLoc loc);
    ConstantSet(const ConstantSet& other) : ConstantSet(other.values(), other.in_curlies, other.loc) {}
    ConstantSet(ConstantSet&& other) noexcept;
    ConstantSet& operator=(ConstantSet other) noexcept;
    ~ConstantSet();

    std::span<const Constant> values() const { return {size_ > 1 ? many_ : &one_, size_}; }
    std::size_t size() const { return size_; }
    const Constant& front() const { return values().front(); }
    const Constant& operator[](std::size_t i) const { return values()[i]; }
    auto begin() const { return values().begin(); }
    auto end() const { return values().end(); }

    bool in_curlies = false;
    NodeLoc loc;

    friend bool operator==(const ConstantSet& a, const ConstantSet& b);
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
    bool constant_first = false;
    ConstantSet constants;
    NodeLoc loc;
    friend bool operator==(const MatchComparison&, const MatchComparison&) = default;
};

// `low low_op field high_op high`, e.g. `1024 <= tcp.src <= 49151` (both operators `<`/`<=`
// or both `>`/`>=`), operators as written.
struct MatchRange {
    Box<ConstantSet> low;  // never empty
    RelOp low_op = RelOp::Le;
    FieldRef field;
    RelOp high_op = RelOp::Le;
    Box<ConstantSet> high;  // never empty
    NodeLoc loc;
    friend bool operator==(const MatchRange&, const MatchRange&) = default;
};

// `is_chassis_resident("port")`.
struct MatchChassisResident {
    QuotedString port;
    NodeLoc loc;
    friend bool operator==(const MatchChassisResident&, const MatchChassisResident&) = default;
};

struct MatchNot {
    Box<MatchExpr> operand;  // never empty
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
