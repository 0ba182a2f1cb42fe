#include "sim/eval/field_access.hpp"

#include <string>

namespace ovnsim {

FieldTarget resolve_field(const FieldRef& ref, const SymbolTable& symbols, std::string_view file) {
    FieldTarget target;
    target.symbol = symbols.find(ref.name);
    if (target.symbol == nullptr)
        throw InputError(std::string(file), ref.loc, "Syntax error at `" + std::string(ref.name) + "' expecting field name.");
    if (target.symbol->kind == SymbolKind::predicate)
        throw InputError(std::string(file), ref.loc,
                         "Predicate symbol " + std::string(ref.name) + " used where lvalue required.");
    std::optional<BitRange> range;
    if (ref.has_bits) {
        range = BitRange{ref.low, ref.high};
        if (const auto problem = target.symbol->check_range(*range))
            throw InputError(std::string(file), ref.loc, *problem);
    }
    target.bits = target.symbol->field(range);
    target.port = target.symbol->kind == SymbolKind::string_field;
    return target;
}

}  // namespace ovnsim
