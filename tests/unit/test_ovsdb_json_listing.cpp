// `ovn-nbctl --format=json list`: locations and every kind of bad input.
#include <doctest/doctest.h>

#include "parser/ovsdb_json_listing.hpp"

using namespace ovnsim;

namespace {

OvsdbTable parse_json(std::string text) {
    return parse_ovsdb_json_listing(*TextFile::from_string("nb/ACL.json", std::move(text)), "ACL");
}

std::string error_of(std::string text) {
    try {
        parse_json(std::move(text));
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

const std::string uuid_cell = R"(["uuid","e440336a-84d3-4a6d-95a9-edd1db1c3631"])";

}  // namespace

TEST_CASE("JSON listing rows and cells keep their positions") {
    const OvsdbTable table = parse_json("{\"data\":[\n  [" + uuid_cell + R"(, "drop", ["map",[["k","v"]]]]],)" +
                                        "\n\"headings\":[\"_uuid\",\"action\",\"options\"]}\n");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].loc == SourceLoc{2, 3});
    CHECK(table.cell_loc(table.rows[0], "action") == SourceLoc{2, 53});
    CHECK(table.cell_loc(table.rows[0], "options") == SourceLoc{2, 61});
    CHECK(*table.cell(table.rows[0], "options")->find_string("k") == "v");
    CHECK(parse_json("").rows.empty());
    CHECK(parse_json(R"({"data":[],"headings":["_uuid","action"]})").columns == std::vector<std::string>{"action"});
}

TEST_CASE("bad JSON listings give FILE:LINE:COL errors") {
    CHECK(error_of(R"({"data":[[)" + uuid_cell) ==
          "nb/ACL.json:1:58: invalid JSON: syntax error while parsing array - unexpected end of input; expected ']'");
    CHECK(error_of("{\"data\":[],\n \"headings\":[\"_uuid\" \"action\"]}") ==
          "nb/ACL.json:2:29: invalid JSON: syntax error while parsing array - unexpected string literal; expected ']'");
    CHECK(error_of("[1, 2]") ==
          "nb/ACL.json:1:1: expected a JSON object {\"data\": [...], \"headings\": [...]} (ovn-nbctl --format=json list)");
    CHECK(error_of(R"({"data":{},"headings":[]})") == "nb/ACL.json:1:9: \"data\" must be an array of rows");
    CHECK(error_of(R"({"data":[5],"headings":[]})") == "nb/ACL.json:1:10: each row of \"data\" must be an array of cells");
    CHECK(error_of(R"({"data":[]})") == "nb/ACL.json:1:1: no \"headings\" in the listing");
    CHECK(error_of(R"({"headings":["_uuid"]})") == "nb/ACL.json:1:1: no \"data\" in the listing");
    CHECK(error_of(R"({"headings":["_uuid",7],"data":[]})") == "nb/ACL.json:1:13: \"headings\" must be an array of column names");
    CHECK(error_of(R"({"headings":["action"],"data":[]})") == "nb/ACL.json:1:13: the listing has no _uuid column");
    CHECK(error_of(R"({"headings":["_uuid","action"],"data":[[)" + uuid_cell + "]]}") ==
          "nb/ACL.json:1:40: row has 1 cells for 2 headings");
    CHECK(error_of(R"({"headings":["_uuid","action"],"data":[[)" + uuid_cell + R"(,{"a":1}]]})") ==
          "nb/ACL.json:1:89: expected an OVSDB atom (string, number, boolean or [\"uuid\", ...]), got {\"a\":1}");
    CHECK(error_of(R"({"headings":["_uuid"],"data":[[["uuid","xyz"]]]})") ==
          "nb/ACL.json:1:32: \"xyz\" is not a valid UUID");
    CHECK(error_of(R"({"headings":["_uuid"],"data":[["x"]]})") == "nb/ACL.json:1:32: _uuid is not a UUID");
    CHECK(error_of(R"({"headings":["_uuid","s"],"data":[[)" + uuid_cell + R"(,["set",[1,1]]]]})") ==
          "nb/ACL.json:1:84: set contains a duplicate value");
    CHECK(error_of(R"({"headings":["_uuid","s"],"data":[[)" + uuid_cell + "," + std::string(100000, '[')) ==
          "nb/ACL.json:1:100: JSON value nested too deeply for an OVSDB datum");
    CHECK(error_of("\x01garbage") == "nb/ACL.json:1:1: invalid JSON: syntax error while parsing value - invalid "
                                     "literal; last read: '<U+0001>'");
}
