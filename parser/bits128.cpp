#include "parser/bits128.hpp"

#include <algorithm>

namespace ovnsim {

std::string Bits128::to_hex() const {
    if (is_zero()) return "0x0";
    std::string digits;
    for (auto v = v_; v != 0; v >>= 4) digits.push_back("0123456789abcdef"[static_cast<unsigned>(v & 0xF)]);
    std::reverse(digits.begin(), digits.end());
    return "0x" + digits;
}

std::string Bits128::to_decimal() const {
    if (is_zero()) return "0";
    std::string digits;
    for (auto v = v_; v != 0; v /= 10) digits.push_back(static_cast<char>('0' + static_cast<unsigned>(v % 10)));
    std::reverse(digits.begin(), digits.end());
    return digits;
}

}  // namespace ovnsim
