#include "parser/match_ast.hpp"

#include <algorithm>

#include "parser/lexemes_scan.hpp"

namespace ovnsim {

std::string QuotedString::value() const { return lexemes::decode_json_string(raw); }

bool operator==(const QuotedString& a, const QuotedString& b) {
    const bool escaped = a.raw.find('\\') != std::string_view::npos || b.raw.find('\\') != std::string_view::npos;
    return escaped ? a.value() == b.value() : a.raw == b.raw;
}

Constant Constant::integer(Bits128 value, IntegerFormat format, NodeLoc loc) {
    Constant c;
    c.integer_ = {value.high(), value.low(), 0, 0};
    c.format_ = format;
    c.loc = loc;
    return c;
}

Constant Constant::masked_integer(Bits128 value, Bits128 mask, IntegerFormat format, NodeLoc loc) {
    Constant c = integer(value & mask, format, loc);
    c.integer_.mask_high = mask.high();
    c.integer_.mask_low = mask.low();
    c.masked_ = true;
    return c;
}

Constant Constant::string(std::string_view raw, NodeLoc loc) { return named(Kind::String, raw, loc); }

Constant Constant::named(Kind kind, std::string_view name, NodeLoc loc) {
    Constant c;
    c.kind_ = kind;
    c.text_ = {name.data(), name.size()};
    c.loc = loc;
    return c;
}

std::string_view Constant::text() const {
    return is_integer() ? std::string_view() : std::string_view(text_.data, text_.size);
}

bool operator==(const Constant& a, const Constant& b) {
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
    case Constant::Kind::Integer:
        return a.format_ == b.format_ && a.masked_ == b.masked_ && a.value() == b.value() && a.mask() == b.mask();
    case Constant::Kind::String: return a.string() == b.string();
    case Constant::Kind::AddressSet:
    case Constant::Kind::PortGroup:
    case Constant::Kind::Template: return a.name() == b.name();
    }
    return false;
}

ConstantSet::ConstantSet(std::span<const Constant> values, bool curlies, NodeLoc where)
    : one_(), size_(static_cast<std::uint32_t>(values.size())), in_curlies(curlies), loc(where) {
    if (size_ == 1) {
        one_ = values.front();
    } else if (size_ > 1) {
        many_ = new Constant[size_];
        std::copy(values.begin(), values.end(), many_);
    }
}

// The union's active member is `many_` exactly when size_ > 1.
ConstantSet::ConstantSet(ConstantSet&& other) noexcept
    : one_(), size_(other.size_), in_curlies(other.in_curlies), loc(other.loc) {
    if (size_ > 1) {
        many_ = other.many_;
        other.size_ = 0;
    } else {
        one_ = other.one_;
    }
}

ConstantSet& ConstantSet::operator=(ConstantSet other) noexcept {
    if (size_ > 1) delete[] many_;
    in_curlies = other.in_curlies;
    loc = other.loc;
    size_ = other.size_;
    if (size_ > 1) {
        many_ = other.many_;
        other.size_ = 0;
    } else {
        one_ = other.one_;
    }
    return *this;
}

ConstantSet::~ConstantSet() {
    if (size_ > 1) delete[] many_;
}

bool operator==(const ConstantSet& a, const ConstantSet& b) {
    const auto va = a.values(), vb = b.values();
    return a.in_curlies == b.in_curlies && std::equal(va.begin(), va.end(), vb.begin(), vb.end());
}

std::string_view relop_text(RelOp op) {
    switch (op) {
    case RelOp::Eq: return "==";
    case RelOp::Ne: return "!=";
    case RelOp::Lt: return "<";
    case RelOp::Le: return "<=";
    case RelOp::Gt: return ">";
    case RelOp::Ge: return ">=";
    }
    return "?";
}

RelOp relop_turned(RelOp op) {
    switch (op) {
    case RelOp::Lt: return RelOp::Gt;
    case RelOp::Le: return RelOp::Ge;
    case RelOp::Gt: return RelOp::Lt;
    case RelOp::Ge: return RelOp::Le;
    default: return op;
    }
}

SourceLoc MatchExpr::loc() const {
    return std::visit([](const auto& n) -> SourceLoc { return n.loc; }, node);
}

}  // namespace ovnsim
