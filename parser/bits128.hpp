#pragma once
// A field value of up to 128 bits (xxreg0, ct_label, ip6.src are the widest OVN fields),
// with the masked compare / extract / deposit operations the match language and the
// evaluator need.
#include <cstdint>
#include <string>

namespace ovnsim {

class Bits128 {
public:
    constexpr Bits128() = default;
    constexpr Bits128(std::uint64_t low) : v_(low) {}  // NOLINT: integers convert implicitly
    static constexpr Bits128 from_parts(std::uint64_t high, std::uint64_t low) {
        Bits128 b;
        b.v_ = (static_cast<unsigned __int128>(high) << 64) | low;
        return b;
    }
    // The low `width` bits set (width 0..128).
    static constexpr Bits128 ones(unsigned width) {
        Bits128 b;
        b.v_ = width >= 128 ? ~static_cast<unsigned __int128>(0)
                            : ((static_cast<unsigned __int128>(1) << width) - 1);
        return b;
    }
    // Bits [offset, offset+width) set.
    static constexpr Bits128 mask(unsigned offset, unsigned width) { return ones(width) << offset; }

    constexpr std::uint64_t high() const { return static_cast<std::uint64_t>(v_ >> 64); }
    constexpr std::uint64_t low() const { return static_cast<std::uint64_t>(v_); }
    constexpr bool is_zero() const { return v_ == 0; }
    constexpr bool bit(unsigned i) const { return i < 128 && ((v_ >> i) & 1) != 0; }
    constexpr void set_bit(unsigned i, bool on) {
        const auto m = static_cast<unsigned __int128>(1) << i;
        v_ = on ? (v_ | m) : (v_ & ~m);
    }
    // Bits [offset, offset+width) moved down to bit 0.
    constexpr Bits128 extract(unsigned offset, unsigned width) const {
        return (*this >> offset) & ones(width);
    }
    // Replaces bits [offset, offset+width) with the low `width` bits of `value`.
    constexpr void deposit(unsigned offset, unsigned width, Bits128 value) {
        const Bits128 m = mask(offset, width);
        *this = (*this & ~m) | ((value << offset) & m);
    }
    // Number of significant bits (0 for zero).
    constexpr unsigned bit_width() const {
        unsigned n = 0;
        for (auto v = v_; v != 0; v >>= 1) ++n;
        return n;
    }
    constexpr bool fits_in(unsigned width) const { return width >= 128 || (v_ >> width) == 0; }

    friend constexpr Bits128 operator&(Bits128 a, Bits128 b) { return raw(a.v_ & b.v_); }
    friend constexpr Bits128 operator|(Bits128 a, Bits128 b) { return raw(a.v_ | b.v_); }
    friend constexpr Bits128 operator^(Bits128 a, Bits128 b) { return raw(a.v_ ^ b.v_); }
    friend constexpr Bits128 operator~(Bits128 a) { return raw(~a.v_); }
    friend constexpr Bits128 operator<<(Bits128 a, unsigned n) { return raw(n >= 128 ? 0 : a.v_ << n); }
    friend constexpr Bits128 operator>>(Bits128 a, unsigned n) { return raw(n >= 128 ? 0 : a.v_ >> n); }
    friend constexpr bool operator==(Bits128 a, Bits128 b) { return a.v_ == b.v_; }
    friend constexpr bool operator<(Bits128 a, Bits128 b) { return a.v_ < b.v_; }
    friend constexpr bool operator<=(Bits128 a, Bits128 b) { return a.v_ <= b.v_; }
    friend constexpr bool operator>(Bits128 a, Bits128 b) { return a.v_ > b.v_; }
    friend constexpr bool operator>=(Bits128 a, Bits128 b) { return a.v_ >= b.v_; }
    Bits128& operator&=(Bits128 o) { v_ &= o.v_; return *this; }
    Bits128& operator|=(Bits128 o) { v_ |= o.v_; return *this; }

    // "0x" followed by lowercase hex digits without leading zeros ("0x0" for zero).
    std::string to_hex() const;
    // Decimal digits.
    std::string to_decimal() const;

private:
    static constexpr Bits128 raw(unsigned __int128 v) {
        Bits128 b;
        b.v_ = v;
        return b;
    }
    unsigned __int128 v_ = 0;
};

}  // namespace ovnsim
