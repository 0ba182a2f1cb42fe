#pragma once
// Internal to the action parser: the action keywords and functions OVN defines
// (lib/actions.c:parse_action and parse_set_action, v20.03 to v26.03).
#include <cstdint>
#include <string_view>

namespace ovnsim::action_keywords {

enum class Keyword : std::uint8_t {
    Next, Output, Drop, Push, Pop, DecrementTtl, CtNext, CtCommit, CtCommitNat, CtCommitToZone, CtNat, CtLb,
    CtClear, Sample, Log, Nested, Controller
};

struct KeywordInfo {
    std::string_view name;
    Keyword keyword;
    std::uint8_t kind;  // the NestedAction / CtNatAction / CtLbAction kind, where one applies
};

// The keyword `name` is, or nullptr.
const KeywordInfo* find_keyword(std::string_view name);

bool is_function(std::string_view name);

}  // namespace ovnsim::action_keywords
