#include "sim/conntrack_types.hpp"

#include <array>

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

struct FlagName {
    std::string_view name;
    std::uint8_t bit;
};

// ovn-trace's order (lib/packets.h ct_state_to_string over CS_* bits).
constexpr std::array<FlagName, 8> kFlags{{{"new", ct_state::new_},
                                          {"est", ct_state::est},
                                          {"rel", ct_state::rel},
                                          {"rpl", ct_state::rpl},
                                          {"inv", ct_state::inv},
                                          {"trk", ct_state::trk},
                                          {"snat", ct_state::snat},
                                          {"dnat", ct_state::dnat}}};

bool is_separator(char c) { return c == ',' || c == ' ' || c == '\t'; }

}  // namespace

std::string ct_state_text(std::uint8_t state) {
    std::string out;
    for (const auto& f : kFlags) {
        if ((state & f.bit) == 0) continue;
        if (!out.empty()) out += '|';
        out += f.name;
    }
    return out.empty() ? "0" : out;
}

std::uint8_t parse_ct_flags(std::string_view text, std::string_view origin) {
    std::uint8_t state = ct_state::trk;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_separator(text[i])) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && !is_separator(text[end])) ++end;
        const std::string_view word = text.substr(i, end - i);
        bool known = false;
        for (const auto& f : kFlags) {
            if (f.name == word) {
                state |= f.bit;
                known = true;
            }
        }
        if (!known) {
            throw InputError(std::string(origin), SourceLoc{1, static_cast<std::uint32_t>(i + 1)},
                             "unknown ct flag `" + std::string(word) +
                                 "' (expected new, est, rel, rpl, inv, trk, snat or dnat)");
        }
        i = end;
    }
    return state;
}

}  // namespace ovnsim
