#pragma once
// Helpers shared by the match and action language tests.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <variant>

#include "parser/action_ast.hpp"
#include "parser/match_ast.hpp"

namespace ovnsim::test {

// Texts under test start at line 7, column 20 of "flows.txt", as a match would in a dump.
inline const TextOrigin kOrigin{"flows.txt", {7, 20}};

// The InputError that parsing `text` throws, as "LINE:COL: message" ("no error" if none).
template <class Parse>
std::string error_of(Parse parse, std::string_view text) {
    try {
        parse(text, kOrigin);
    } catch (const InputError& e) {
        CHECK(e.file() == "flows.txt");
        return std::to_string(e.loc().line) + ":" + std::to_string(e.loc().column) + ": " + e.message();
    }
    return "no error";
}
inline std::string match_error(std::string_view text) { return error_of(parse_match, text); }
inline std::string action_error(std::string_view text) { return error_of(parse_actions, text); }

// The node of type T at the root of `text`'s match; fails the test if it is another type.
template <class T>
T match_node(std::string_view text) {
    const MatchExpr e = parse_match(text, kOrigin);
    const T* node = std::get_if<T>(&e.node);
    REQUIRE_MESSAGE(node != nullptr, "unexpected node type for: ", text);
    return *node;
}

// The single action of `text`, of type T.
template <class T>
T single_action(std::string_view text) {
    const ActionList list = parse_actions(text, kOrigin);
    REQUIRE(list.size() == 1);
    const T* node = std::get_if<T>(&list.front().node);
    REQUIRE_MESSAGE(node != nullptr, "unexpected action type for: ", text);
    return *node;
}

// The column of `needle`'s first occurrence in `text`, in the kOrigin file.
inline std::uint32_t column_of(std::string_view text, std::string_view needle) {
    return kOrigin.start.column + static_cast<std::uint32_t>(text.find(needle));
}

// "7:COL: message" with COL the column of `token`'s first occurrence in `text` (line 7 of
// kOrigin), as error_of() writes an error.
inline std::string error_at(std::string_view text, std::string_view token, std::string_view message) {
    return std::to_string(kOrigin.start.line) + ":" + std::to_string(column_of(text, token)) + ": " +
           std::string(message);
}

}  // namespace ovnsim::test
