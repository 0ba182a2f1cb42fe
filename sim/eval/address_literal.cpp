#include "sim/eval/address_literal.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <cstring>

namespace ovnsim {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::optional<AddressLiteral> parse_bare(std::string_view s) {
    AddressLiteral a;
    if (s.empty() || s.size() >= INET6_ADDRSTRLEN) return std::nullopt;
    char copy[INET6_ADDRSTRLEN];
    std::memcpy(copy, s.data(), s.size());
    copy[s.size()] = '\0';
    in_addr v4{};
    in6_addr v6{};
    if (s.size() == 17 && s[2] == ':' && s[5] == ':') {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < 17; ++i) {
            if (i % 3 == 2) {
                if (s[i] != ':') return std::nullopt;
                continue;
            }
            const char c = s[i];
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return std::nullopt;
            v = (v << 4) | static_cast<unsigned>(d);
        }
        a.kind = AddressLiteral::Kind::mac;
        a.value = v;
    } else if (inet_pton(AF_INET, copy, &v4) == 1) {
        a.kind = AddressLiteral::Kind::ipv4;
        a.value = ntohl(v4.s_addr);
    } else if (inet_pton(AF_INET6, copy, &v6) == 1) {
        std::uint64_t high = 0, low = 0;
        for (int i = 0; i < 8; ++i) high = (high << 8) | v6.s6_addr[i];
        for (int i = 8; i < 16; ++i) low = (low << 8) | v6.s6_addr[i];
        a.kind = AddressLiteral::Kind::ipv6;
        a.value = Bits128::from_parts(high, low);
    } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        Bits128 v;
        for (char c : s.substr(2)) {
            const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0 || !v.fits_in(124)) return std::nullopt;
            v = (v << 4) | Bits128(static_cast<std::uint64_t>(d));
        }
        a.value = v;
    } else {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
        a.value = v;
    }
    a.mask = Bits128::ones(a.width());
    return a;
}

}  // namespace

std::optional<AddressLiteral> parse_address_literal(std::string_view text) {
    text = trim(text);
    if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
    const std::size_t slash = text.find('/');
    auto a = parse_bare(text.substr(0, slash));
    if (!a || slash == std::string_view::npos) return a;
    const std::string_view m = text.substr(slash + 1);
    unsigned prefix = 0;
    const auto [end, ec] = std::from_chars(m.data(), m.data() + m.size(), prefix);
    if (ec == std::errc() && end == m.data() + m.size() &&
        (a->kind == AddressLiteral::Kind::ipv4 || a->kind == AddressLiteral::Kind::ipv6)) {
        if (prefix > a->width()) return std::nullopt;
        a->mask = Bits128::mask(a->width() - prefix, prefix);
    } else {
        auto mask = parse_bare(m);
        if (!mask) return std::nullopt;
        a->mask = mask->value;
    }
    a->masked = true;
    a->value = a->value & a->mask;
    return a;
}

PortAddresses parse_port_addresses(std::string_view text) {
    PortAddresses out;
    bool first = true;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t end = text.find(' ', i);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view word = text.substr(i, end - i);
        i = end;
        if (word.empty()) continue;
        const auto a = parse_address_literal(word.substr(0, word.find('/')));
        if (first && a && a->kind == AddressLiteral::Kind::mac) out.mac = a->value;
        first = false;
        if (!a) continue;
        if (a->kind == AddressLiteral::Kind::ipv4) out.ipv4.push_back(a->value);
        if (a->kind == AddressLiteral::Kind::ipv6) out.ipv6.push_back(a->value);
    }
    return out;
}

std::optional<AddressPort> parse_address_port(std::string_view text) {
    text = trim(text);
    AddressPort out;
    std::string_view address = text;
    std::string_view port;
    if (!text.empty() && text.front() == '[') {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        address = text.substr(1, close - 1);
        const std::string_view rest = text.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return std::nullopt;
            port = rest.substr(1);
        }
    } else if (std::count(text.begin(), text.end(), ':') == 1) {
        const std::size_t colon = text.find(':');
        address = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    auto a = parse_address_literal(address);
    if (!a || a->masked || (a->kind != AddressLiteral::Kind::ipv4 && a->kind != AddressLiteral::Kind::ipv6))
        return std::nullopt;
    out.address = *a;
    if (!port.empty()) {
        std::uint16_t p = 0;
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
        if (ec != std::errc() || end != port.data() + port.size()) return std::nullopt;
        out.port = p;
    }
    return out;
}

}  // namespace ovnsim
