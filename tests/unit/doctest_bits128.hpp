#pragma once
// Lets doctest print Bits128 values in failed checks.
#include <doctest/doctest.h>

#include "parser/bits128.hpp"

namespace doctest {
template <>
struct StringMaker<ovnsim::Bits128> {
    static String convert(const ovnsim::Bits128& v) { return v.to_hex().c_str(); }
};
}  // namespace doctest
