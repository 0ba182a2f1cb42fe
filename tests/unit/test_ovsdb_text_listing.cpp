// `ovn-nbctl list` text: value syntax, locations, and every kind of bad input.
#include <doctest/doctest.h>

#include "parser/ovsdb_json_listing.hpp"
#include "parser/ovsdb_text_listing.hpp"

using namespace ovnsim;

namespace {

OvsdbTable parse_text(std::string text) {
    return parse_ovsdb_text_listing(*TextFile::from_string("nb/ACL.txt", std::move(text)), "ACL");
}

std::string error_of(std::string text) {
    try {
        parse_text(std::move(text));
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

const std::string uuid_line = "_uuid               : e440336a-84d3-4a6d-95a9-edd1db1c3631\n";

}  // namespace

TEST_CASE("text listing values are typed by OVS's quoting rules") {
    const OvsdbTable table = parse_text(uuid_line +
                                        "action              : allow-related\n"
                                        "external_ids        : {\"k8s.ovn.org/name\"=demo, ip-family=v4, n=\"3\"}\n"
                                        "label               : -5\n"
                                        "log                 : false\n"
                                        "match               : \"inport == \\\"sw01\\\" && udp \\u00e9\"\n"
                                        "meter               : []\n"
                                        "network_function_group: []\n"
                                        "options             : {apply-after-lb=\"true\"}\n"
                                        "ratio               : 0.25\n"
                                        "sample_new          : 5cdad2ab-4390-4772-ac40-74aa2980c06e\n"
                                        "ports               : [b, a, \"10\"]\n"
                                        "name                : \"e440336a-84d3-4a6d-95a9-edd1db1c3631\"\n"
                                        "single              : k=v\n");
    REQUIRE(table.rows.size() == 1);
    const OvsdbRow& row = table.rows.front();
    CHECK(row.uuid.to_string() == "e440336a-84d3-4a6d-95a9-edd1db1c3631");
    CHECK(row.loc == SourceLoc{1, 1});
    CHECK(table.columns == std::vector<std::string>{"action", "external_ids", "label", "log", "match", "meter", "name",
                                                    "network_function_group", "options", "ports", "ratio",
                                                    "sample_new", "single"});
    CHECK(*table.cell(row, "action")->as_string() == "allow-related");
    CHECK(*table.cell(row, "external_ids")->find_string("n") == "3");
    CHECK(*table.cell(row, "external_ids")->find_string("k8s.ovn.org/name") == "demo");
    CHECK(table.cell(row, "label")->as_integer() == -5);
    CHECK(table.cell(row, "log")->as_boolean() == false);
    CHECK(*table.cell(row, "match")->as_string() == "inport == \"sw01\" && udp \xc3\xa9");
    CHECK(table.cell_loc(row, "match") == SourceLoc{6, 23});
    CHECK(table.cell(row, "meter")->empty());
    CHECK_FALSE(table.cell(row, "meter")->is_map());
    CHECK(table.cell(row, "network_function_group")->empty());
    CHECK(*table.cell(row, "options")->find_string("apply-after-lb") == "true");
    CHECK(table.cell(row, "ratio")->as_real() == 0.25);
    CHECK(table.cell(row, "sample_new")->as_uuid()->to_string() == "5cdad2ab-4390-4772-ac40-74aa2980c06e");
    // Sets come out in OVSDB order whatever the text order: "10" is a string, not 10.
    CHECK(table.cell(row, "ports")->to_text() == "[\"10\", a, b]");
    // A quoted UUID is a string.
    CHECK(table.cell(row, "name")->as_uuid() == std::nullopt);
    CHECK(*table.cell(row, "name")->as_string() == "e440336a-84d3-4a6d-95a9-edd1db1c3631");
    CHECK(table.cell(row, "single")->is_map());
    CHECK(table.cell(row, "single")->to_text() == "{k=v}");
}

TEST_CASE("text and JSON listings of the same rows are equal") {
    const OvsdbTable text = parse_text(uuid_line +
                                       "a                   : [1, 2]\n"
                                       "b                   : {x=\"1\"}\n"
                                       "c                   : \"tab\\there\"\n"
                                       "d                   : [5cdad2ab-4390-4772-ac40-74aa2980c06e]\n"
                                       "e                   : []\n"
                                       "f                   : true\n\n" +
                                       "_uuid               : f440336a-84d3-4a6d-95a9-edd1db1c3631\n"
                                       "a                   : []\n"
                                       "b                   : {}\n"
                                       "c                   : \"\"\n"
                                       "d                   : []\n"
                                       "e                   : [x]\n"
                                       "f                   : false\n");
    const auto json_file = TextFile::from_string(
        "nb/ACL.json",
        R"({"data":[[["uuid","f440336a-84d3-4a6d-95a9-edd1db1c3631"],["set",[]],["map",[]],"",["set",[]],"x",false],)"
        R"([["uuid","e440336a-84d3-4a6d-95a9-edd1db1c3631"],["set",[2,1]],["map",[["x","1"]]],"tab\there",)"
        R"(["uuid","5cdad2ab-4390-4772-ac40-74aa2980c06e"],["set",[]],true]],"headings":["_uuid","a","b","c","d","e","f"]})");
    const OvsdbTable json = parse_ovsdb_json_listing(*json_file, "ACL");
    const auto difference = first_difference(text, json);
    CHECK_MESSAGE(!difference, difference.value_or(""));
    CHECK(text == json);
    CHECK(parse_text("").rows.empty());
}

TEST_CASE("bad text listings give FILE:LINE:COL errors") {
    CHECK(error_of(uuid_line + "action              allow\n") == "nb/ACL.txt:2:21: expected \": \" after the column name");
    CHECK(error_of(uuid_line + "   action           : allow\n") ==
          "nb/ACL.txt:2:1: expected a 'column : value' line or a blank line");
    CHECK(error_of(uuid_line + "match               : \"inport == \\\"vif1\\\"\n") ==
          "nb/ACL.txt:2:42: expected a closing '\"' before the end of the line");
    CHECK(error_of(uuid_line + "ports               : [a, b\n") == "nb/ACL.txt:2:28: expected ',' or ']' closing the set");
    CHECK(error_of(uuid_line + "options             : {a=b, c}\n") ==
          "nb/ACL.txt:2:30: expected '=' between a key and its value");
    CHECK(error_of(uuid_line + "ports               : [" + std::string(100000, '[') + "\n") ==
          "nb/ACL.txt:2:24: expected ',' or ']' closing the set");
    CHECK(error_of(uuid_line + "action              : allow extra\n") ==
          "nb/ACL.txt:2:28: expected the end of the line after the value");
    CHECK(error_of(uuid_line + "priority            : 1.2.3\n") ==
          "nb/ACL.txt:2:23: 1.2.3 is not an OVSDB value (strings that are not simple names are quoted)");
    CHECK(error_of(uuid_line + "priority            : 99999999999999999999\n") ==
          "nb/ACL.txt:2:23: integer 99999999999999999999 is out of range");
    CHECK(error_of(uuid_line + "ports               : [a, a]\n") == "nb/ACL.txt:2:23: set contains a duplicate value");
    CHECK(error_of(uuid_line + "match               : \"bad \\q\"\n") ==
          "nb/ACL.txt:2:29: expected an escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    CHECK(error_of(uuid_line + "match               : \"\\ud800\"\n") ==
          "nb/ACL.txt:2:23: \\u escape is a lone high surrogate");
    CHECK(error_of("_uuid               : not-a-uuid\n") == "nb/ACL.txt:1:23: _uuid is not a UUID");
    CHECK(error_of("action              : allow\n") == "nb/ACL.txt:1:1: the listing has no _uuid column");
    // A row cut short, a row with other columns, a last line cut in half.
    CHECK(error_of(uuid_line + "action              : allow\npriority            : 1\n\n" + uuid_line +
                   "action              : drop\n") ==
          "nb/ACL.txt:5:1: row ends before column priority (the first row has it): truncated row?");
    CHECK(error_of(uuid_line + "action              : allow\n\n" + uuid_line + "priority            : 1\n") ==
          "nb/ACL.txt:5:1: column priority where the first row has action: every row of a listing has the same columns");
    CHECK(error_of(uuid_line + "action              : all") ==
          "nb/ACL.txt:2:26: the file ends in the middle of a line (expected the end of the line after the value): "
          "truncated file?");
}

TEST_CASE("garbage bytes and invalid UTF-8 are rejected before parsing") {
    const auto error_of_bytes = [](std::string bytes) -> std::string {
        try {
            parse_ovsdb_text_listing(*TextFile::from_string("nb/ACL.txt", std::move(bytes)), "ACL");
        } catch (const InputError& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(error_of_bytes(uuid_line + "name                : \"caf\xe9\"\n") == "nb/ACL.txt:2:27: invalid UTF-8 byte sequence");
    CHECK(error_of_bytes(std::string("\x7f" "ELF\x02\x01\x01\0\0", 9)) ==
          "nb/ACL.txt:1:8: binary data (NUL byte): not a text dump");
    CHECK(error_of_bytes("\x01\x02garbage\n") == "nb/ACL.txt:1:1: expected a 'column : value' line or a blank line");
}
