#pragma once
// An OVSDB row UUID held as 128 bits: cheap to compare, hash and store. Its order is the
// order of the canonical lowercase text, which is also OVSDB's own order.
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ovnsim {

struct Uuid {
    std::uint64_t hi = 0;  // the first 16 hex digits
    std::uint64_t lo = 0;  // the last 16 hex digits

    // Accepts exactly the 8-4-4-4-12 hex form (either case), like OVS's uuid_from_string.
    static std::optional<Uuid> parse(std::string_view text);
    static bool looks_like_uuid(std::string_view text) { return parse(text).has_value(); }

    std::string to_string() const;  // lowercase 8-4-4-4-12
    // The first 32 bits: what northd writes as a flow's stage-hint and ovn-controller uses
    // as the OpenFlow cookie.
    std::uint32_t prefix32() const noexcept { return static_cast<std::uint32_t>(hi >> 32); }
    bool is_zero() const noexcept { return hi == 0 && lo == 0; }

    friend auto operator<=>(const Uuid&, const Uuid&) = default;
};

struct UuidHash {
    std::size_t operator()(const Uuid& u) const noexcept {
        return std::hash<std::uint64_t>{}(u.hi ^ (u.lo * 0x9E3779B97F4A7C15ULL));
    }
};

}  // namespace ovnsim
