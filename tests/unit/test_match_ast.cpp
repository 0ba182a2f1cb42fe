// The match tree's value types: constants, constant sets, boxes, deep copies.
#include <optional>

#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

TEST_CASE("match tree: constants") {
    const Constant c = Constant::masked_integer(Bits128(0x0a0a0a0a), Bits128(0xffff0000), IntegerFormat::Ipv4);
    CHECK(c.is_integer());
    CHECK(c.masked());
    CHECK(c.value() == Bits128(0x0a0a0000));
    CHECK(c.mask() == Bits128(0xffff0000));
    CHECK(c.text().empty());
    CHECK(Constant::integer(Bits128::from_parts(1, 2), IntegerFormat::Hexadecimal).value() == Bits128::from_parts(1, 2));
    CHECK_FALSE(Constant::integer(5, IntegerFormat::Decimal).masked());
    CHECK(Constant::integer(5, IntegerFormat::Decimal).mask().is_zero());

    const Constant s = Constant::string("a\\u0062");
    CHECK(s.is_string());
    CHECK(s.string().value() == "ab");
    CHECK(s == Constant::string("ab"));
    CHECK_FALSE(s == Constant::string("abc"));
    CHECK_FALSE(s == Constant::named(Constant::Kind::PortGroup, "ab"));
    CHECK(Constant::named(Constant::Kind::AddressSet, "as1").name() == "as1");
    CHECK_FALSE(Constant::integer(1, IntegerFormat::Decimal) == Constant::integer(1, IntegerFormat::Hexadecimal));
    CHECK(QuotedString{"x\\\"y"}.value() == "x\"y");
}

TEST_CASE("match tree: a constant set holds one value inline and more on the heap") {
    const Constant values[] = {Constant::integer(1, IntegerFormat::Decimal), Constant::integer(2, IntegerFormat::Decimal),
                               Constant::integer(3, IntegerFormat::Decimal)};
    const ConstantSet three(values, true, {});
    REQUIRE(three.size() == 3);
    CHECK(three[2].value() == Bits128(3));

    ConstantSet copy = three;
    CHECK(copy == three);
    ConstantSet moved = std::move(copy);
    CHECK(moved == three);
    CHECK(copy.size() == 0);  // NOLINT: a moved-from set is empty
    const ConstantSet one({values, 1}, false, {});
    moved = one;
    CHECK(moved == one);
    CHECK(moved.front().value() == Bits128(1));
    moved = three;
    CHECK(moved == three);
    CHECK_FALSE(moved == ConstantSet(values, false, {}));  // braces are part of what was written
    std::optional<ConstantSet> temporary(std::in_place, values, true, NodeLoc{});
    const ConstantSet survivor = *temporary;
    temporary.reset();
    CHECK(survivor == three);
}

TEST_CASE("match tree: boxes and whole trees copy deeply") {
    Box<int> empty;
    CHECK_FALSE(empty);
    const Box<int> seven(7);
    CHECK(*seven == 7);
    CHECK_FALSE(empty == seven);
    empty = seven;
    CHECK(empty == seven);

    const std::string text = "(!(a == {1, 2}) && 1 < b <= 5) || c";  // outlives the trees, which view it
    std::optional<MatchExpr> original(std::in_place, parse_match(text, kOrigin));
    const MatchExpr copy = *original;
    const std::string printed = print_match(*original);
    original.reset();
    CHECK(print_match(copy) == printed);
    CHECK(printed == "(!(a == {1, 2}) && 1 < b <= 5) || c");
}

}  // namespace
}  // namespace ovnsim::test
