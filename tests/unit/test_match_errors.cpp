// The match language: every error, its message (in the words of OVN's lib/lex.c and
// lib/expr.c) and its location in the file (texts start at flows.txt line 7, column 20).
#include <string>

#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

TEST_CASE("match errors: syntax") {
    const std::string_view missing_constant = "ip4 && tcp.dst == &&";
    CHECK(match_error(missing_constant) == "7:38: Syntax error at `&&' expecting constant.");
    CHECK(match_error("") == "7:20: Syntax error at end of input expecting constant.");
    CHECK(match_error("tcp.dst == ") == "7:31: Syntax error at end of input expecting constant.");
    CHECK(match_error("reg0 = 1") == error_at("reg0 = 1", "=", "Syntax error at `=' expecting relational operator."));
    CHECK(match_error("5 tcp.dst") == error_at("5 tcp.dst", "tcp", "Syntax error at `tcp.dst' expecting relational operator."));
    CHECK(match_error("5 == 6") == error_at("5 == 6", "6", "Syntax error at `6' expecting field name."));
    CHECK(match_error("ip4 ip6") == error_at("ip4 ip6", "ip6", "Syntax error at `ip6' expecting end of input."));
    CHECK(match_error("reg0[x] == 1") == error_at("reg0[x] == 1", "x", "Syntax error at `x' expecting small integer."));
    CHECK(match_error("reg0[1 == 1") == error_at("reg0[1 == 1", "==", "Syntax error at `==' expecting `]'."));
    CHECK(match_error("is_chassis_resident(p)") ==
          error_at("is_chassis_resident(p)", "p)", "Syntax error at `p' expecting string."));
    const std::string_view mixed_set = R"(inport == {"a", 1})";
    CHECK(match_error(mixed_set) == error_at(mixed_set, "1", "Syntax error at `1' expecting string."));
    CHECK(match_error("x == {}") == error_at("x == {}", "}", "Syntax error at `}' expecting constant."));
    CHECK(match_error("x == {1, , 2}") == error_at("x == {1, , 2}", ", 2", "Syntax error at `,' expecting constant."));
}

TEST_CASE("match errors: parentheses") {
    CHECK(match_error("(ip4 && tcp") == "7:31: Syntax error at end of input expecting `)'.");
    CHECK(match_error("ip4)") == error_at("ip4)", ")", "Syntax error at `)' expecting end of input."));
    CHECK(match_error("()") == error_at("()", ")", "Syntax error at `)' expecting constant."));
    // OVN allows 100 nested parentheses and no more; deeper input is refused before recursing.
    const std::string hundred = std::string(100, '(') + "ip4" + std::string(100, ')');
    CHECK(match_error(hundred) == "no error");
    const std::string deep = std::string(101, '(') + "ip4" + std::string(101, ')');
    CHECK(match_error(deep) == "7:120: Parentheses nested too deeply.");
    const std::string huge(100000, '(');
    CHECK(match_error(huge) == "7:120: Parentheses nested too deeply.");
}

TEST_CASE("match errors: operators") {
    const std::string_view mixed = "a && b || c";
    CHECK(match_error(mixed) == error_at(mixed, "||", "&& and || must be parenthesized when used together."));
    CHECK(match_error("a || b && c") == error_at("a || b && c", "&&", "&& and || must be parenthesized when used together."));
    CHECK(match_error("!tcp.dst == 80") == "7:20: Missing parentheses around operand of !.");
    CHECK(match_error("!!ct.new") == error_at("!!ct.new", "!ct", "Syntax error at `!' expecting constant."));
    const std::string_view range = "1 < tcp.dst > 5";
    CHECK(match_error(range) ==
          error_at(range, ">", "Range expressions must have the form `x < field < y' or `x > field > y', with each "
                         "`<' optionally replaced by `<=' or `>' by `>=')."));
    CHECK(match_error("1 == tcp.dst == 5") != "no error");
    CHECK(match_error("tcp.dst < {1, 2}") ==
          error_at("tcp.dst < {1, 2}", "{", "Only == and != operators may be used with value sets."));
    CHECK(match_error("eth.src > 00:00:00:00:11:11/00:00:00:00:ff:ff").find(
              "Only == and != operators may be used with masked constants.") != std::string::npos);
    CHECK(match_error("foo(1)") == "7:20: Unknown function `foo': the only function a match may call is "
                                   "is_chassis_resident.");
    CHECK(match_error("reg0[7..3] == 1") == "7:20: Invalid bit range 7 to 3.");
}

TEST_CASE("match errors: malformed constants") {
    const auto constant_error = [](std::string_view constant, std::string_view message) {
        const std::string text = "reg0 == " + std::string(constant);
        CAPTURE(text);
        CHECK(match_error(text) == "7:28: " + std::string(message));
    };
    constant_error("012", "Decimal constants must not have leading zeros.");
    constant_error("18446744073709551616", "Decimal constants must be less than 2**64.");
    constant_error("0x", "Hex digits expected following 0x.");
    constant_error("0xfg", "Invalid syntax in hexadecimal constant.");
    constant_error("0x1" + std::string(32, '0'), "Hexadecimal constant requires more than 128 bits.");
    constant_error("1.2.3", "Invalid numeric constant.");
    constant_error("1.2.3.256", "Invalid numeric constant.");
    constant_error("fe80:::1", "Invalid numeric constant.");
    constant_error("10.0.0.0/33", "Value and mask have incompatible formats.");
    constant_error("10.0.0.0/0x8", "Value and mask have incompatible formats.");
    constant_error("10.0.0.0/", "Integer constant expected.");
    constant_error(R"("abc)", "Input ends inside quoted string.");
    constant_error(R"("a\q")", "Invalid escape sequence in quoted string.");
    constant_error("$", "`$' must be followed by a valid identifier.");
    constant_error("@1", "`@' must be followed by a valid identifier.");
}

TEST_CASE("match errors: garbage, comments and bytes that are no token") {
    CHECK(match_error("a & b") == error_at("a & b", "&", "`&' is only valid as part of `&&'."));
    CHECK(match_error("a | b") == error_at("a | b", "|", "`|' is only valid as part of `||'."));
    CHECK(match_error("a == 1 / 2") == error_at("a == 1 / 2", "/ 2", "`/' is only valid as part of `//' or `/*'."));
    CHECK(match_error(".a") == "7:20: `.' is only valid as part of `..' or a number.");
    CHECK(match_error("a == 1 /* comment") == error_at("a == 1 /* comment", "/*", "`/*' without matching `*/'."));
    CHECK(match_error("a /* two\nlines */ == 1") == "7:22: `/*' without matching `*/'.");
    CHECK(match_error("a == #") == error_at("a == #", "#", "Invalid character `#' in input."));
    CHECK(match_error(std::string_view("a == \0", 6)) == "7:25: Invalid byte 0x00 in input.");
    CHECK(match_error("a == \xff\xfe") == "7:25: Invalid byte 0xff in input.");
    CHECK(match_error("caf\xc3\xa9 == 1") == "7:23: Invalid byte 0xc3 in input.");
}

TEST_CASE("match errors: the line and column of a later line") {
    CHECK(match_error("ip4 &&\n   tcp.dst == 0x") == "8:15: Hex digits expected following 0x.");
}

}  // namespace
}  // namespace ovnsim::test
