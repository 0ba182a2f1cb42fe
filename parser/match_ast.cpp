#include "parser/match_ast.hpp"

#include "parser/lexemes_scan.hpp"

namespace ovnsim {

std::string Constant::string_value() const { return lexemes::decode_json_string(text); }

bool operator==(const Constant& a, const Constant& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case Constant::Kind::Integer:
        return a.format == b.format && a.masked == b.masked && a.value == b.value && a.mask == b.mask;
    case Constant::Kind::String:
        return (!a.escaped && !b.escaped) ? a.text == b.text : a.string_value() == b.string_value();
    case Constant::Kind::AddressSet:
    case Constant::Kind::PortGroup:
    case Constant::Kind::Template:
        return a.text == b.text;
    }
    return false;
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
