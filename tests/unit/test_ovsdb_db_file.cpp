// OVSDB database files: replaying a real transaction log (inserts, diffs, deletions), and
// every kind of bad input with its message and location.
#include <doctest/doctest.h>

#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_listing.hpp"
#include "parser/ovsdb_log.hpp"
#include "test_support.hpp"

using namespace ovnsim;

namespace {

const std::filesystem::path fixture = test::source_dir() / "tests" / "unit" / "data" / "ovsdb-transactions";

const OvsdbRow& row_named(const OvsdbTable& table, std::string_view name) {
    const auto column = table.column_index("name").value();
    for (const auto& row : table.rows) {
        if (const auto* s = row.values[column].as_string(); s && *s == name) return row;
    }
    FAIL("no row named " << name);
    throw;
}

constexpr const char* schema =
    R"({"name":"Test","version":"1.2.3","tables":{"T":{"columns":{)"
    R"("n":{"type":"integer"},)"
    R"("name":{"type":"string"},)"
    R"("tags":{"type":{"key":"string","min":0,"max":"unlimited"}},)"
    R"("opts":{"type":{"key":"string","value":"string","min":0,"max":"unlimited"}},)"
    R"("ref":{"type":{"key":{"type":"uuid","refTable":"T"},"min":0,"max":1}}}}}})";

const char* const row_a = "aaaaaaaa-0000-0000-0000-000000000001";

std::string log_of(std::initializer_list<std::string_view> transactions) {
    std::string text = format_ovsdb_log_record(schema);
    for (const auto txn : transactions) text += format_ovsdb_log_record(txn);
    return text;
}

OvsdbDatabaseFile read_text(std::string text) {
    return read_ovsdb_database_file(*TextFile::from_string("test.db", std::move(text)));
}

std::string error_of(std::string text) {
    try {
        read_text(std::move(text));
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("a real ovsdb-server transaction log replays to what ovn-nbctl listed") {
    const auto file = TextFile::read((fixture / "nb.db").string());
    const OvsdbDatabaseFile db = read_ovsdb_database_file(*file);
    CHECK(db.schema.name == "OVN_Northbound");
    CHECK(db.database.name == "OVN_Northbound");
    CHECK(!db.database.version.empty());
    std::size_t compared = 0;
    for (const auto* name : {"ACL", "Address_Set", "Logical_Switch", "Logical_Switch_Port", "NB_Global", "Port_Group"}) {
        for (const auto* extension : {".txt", ".json"}) {
            CAPTURE(name);
            CAPTURE(extension);
            const OvsdbTable listed = read_ovsdb_listing((fixture / (std::string(name) + extension)).string());
            const OvsdbTable* replayed = db.database.table(name);
            REQUIRE(replayed != nullptr);
            const auto difference = first_difference(listed, *replayed);
            CHECK_MESSAGE(!difference, difference.value_or(""));
            ++compared;
        }
    }
    CHECK(compared == 12);

    const OvsdbTable& switches = *db.database.table("Logical_Switch");
    const OvsdbRow& ls1 = row_named(switches, "ls1");
    // other_config: subnet added then removed, foo=bar then foo=baz (map diffs).
    CHECK(switches.cell(ls1, "other_config")->to_text() == "{foo=baz}");
    // One ACL of two left (the other deleted), two ports of three (vif2 deleted).
    CHECK(switches.cell(ls1, "acls")->size() == 1);
    CHECK(switches.cell(ls1, "ports")->size() == 2);
    CHECK(db.database.table("Logical_Switch_Port")->rows.size() == 2);
    CHECK(db.database.table("ACL")->rows.size() == 2);
    // Set diffs: pg-set-ports dropped vif2; add/remove on the address set.
    const OvsdbTable& sets = *db.database.table("Address_Set");
    CHECK(sets.cell(row_named(sets, "as1"), "addresses")->to_text() == "[\"10.0.0.2\", \"10.0.0.3\"]");
    // Escapes and UTF-8 survive.
    const OvsdbTable& global = *db.database.table("NB_Global");
    CHECK(*global.cell(global.rows.front(), "options")->find_string("name") == "quoted \"value\" é");
    // The row points at the last record that wrote it (acl-del), at its UUID.
    const std::string uuid = '"' + ls1.uuid.to_string() + '"';
    std::uint32_t last_line = 0, line = 1;
    std::size_t column = 0;
    for (std::size_t begin = 0; begin < file->text().size(); ++line) {
        const std::size_t end = file->text().find('\n', begin);
        const std::string_view text = file->text().substr(begin, end - begin);
        if (const auto at = text.find(uuid); at != std::string_view::npos && text.find("acl-del") != std::string_view::npos) {
            last_line = line;
            column = at + 1;
        }
        begin = end + 1;
    }
    CHECK(ls1.loc == SourceLoc{last_line, static_cast<std::uint32_t>(column)});
    // Tables the log never touched are there, empty, with their columns.
    REQUIRE(db.database.table("Load_Balancer") != nullptr);
    CHECK(db.database.table("Load_Balancer")->rows.empty());
    CHECK(db.database.table("Load_Balancer")->column_index("vips").has_value());
}

TEST_CASE("database replay semantics: defaults, diffs, replacement and deletion") {
    const std::string insert = std::string(R"({"T":{")") + row_a + R"(":{"n":5,"tags":["set",["x","y"]],"opts":["map",[["k","v"]]]}}})";
    SUBCASE("an insert fills the other columns with their defaults") {
        const auto db = read_text(log_of({insert}));
        const OvsdbTable& t = *db.database.table("T");
        REQUIRE(t.rows.size() == 1);
        CHECK(t.cell(t.rows[0], "n")->as_integer() == 5);
        CHECK(t.cell(t.rows[0], "name")->as_string() != nullptr);
        CHECK(*t.cell(t.rows[0], "name")->as_string() == "");
        CHECK(t.cell(t.rows[0], "ref")->empty());
        CHECK(t.rows[0].loc == SourceLoc{4, 7});
        CHECK(t.cell_loc(t.rows[0], "n") == SourceLoc{4, 51});
    }
    SUBCASE("with _is_diff, sets and maps change by difference") {
        const std::string diff = std::string(R"({"_is_diff":true,"T":{")") + row_a +
                                 R"(":{"n":6,"tags":["set",["y","z"]],"opts":["map",[["k","w"],["new","1"]]]}}})";
        const auto db = read_text(log_of({insert, diff}));
        const OvsdbTable& t = *db.database.table("T");
        CHECK(t.cell(t.rows[0], "n")->as_integer() == 6);
        CHECK(t.cell(t.rows[0], "tags")->to_text() == "[x, z]");
        CHECK(t.cell(t.rows[0], "opts")->to_text() == "{k=w, new=\"1\"}");
    }
    SUBCASE("without _is_diff, values are replaced (older ovsdb-server)") {
        const std::string modify = std::string(R"({"T":{")") + row_a + R"(":{"tags":["set",["y","z"]]}}})";
        const auto db = read_text(log_of({insert, modify}));
        const OvsdbTable& t = *db.database.table("T");
        CHECK(t.cell(t.rows[0], "tags")->to_text() == "[y, z]");
    }
    SUBCASE("null deletes") {
        const auto db = read_text(log_of({insert, std::string(R"({"T":{")") + row_a + R"(":null},"_date":1,"_comment":"x"})"}));
        CHECK(db.database.table("T")->rows.empty());
    }
}

TEST_CASE("bad database files give FILE:LINE:COL errors") {
    const std::string row = std::string(R"({"T":{")") + row_a + R"(":{"n":1}}})";
    CHECK(error_of("") == "test.db:1:1: empty file: not an OVSDB database");
    CHECK(error_of("hello world\n") ==
          "test.db:1:1: not an OVSDB database file (it does not start with \"OVSDB JSON\")");
    CHECK(error_of("OVSDB CLUSTER 5 0123456789012345678901234567890123456789\n{}\n\n").find(
              "test.db:1:1: clustered OVSDB database (OVSDB CLUSTER): ovnsim reads standalone databases; convert it "
              "with `ovsdb-tool cluster-to-standalone standalone.db test.db`") == 0);
    CHECK(error_of("OVSDB JSON 12") == "test.db:1:1: the file ends inside a record header: truncated file?");
    CHECK(error_of("OVSDB JSON twelve abc\n{}\n") ==
          "test.db:1:1: malformed record header (expected \"OVSDB JSON <length> <40 hex digit sha1>\")");
    std::string text = log_of({row});
    CHECK(error_of(text.substr(0, text.size() - 5)).find("record claims") != std::string::npos);
    CHECK(error_of(text.substr(0, text.size() - 5)).find(": truncated file?") != std::string::npos);
    std::string corrupted = text;
    corrupted[corrupted.size() - 4] = '2';
    CHECK(error_of(corrupted) == "test.db:4:1: record does not match the SHA-1 in its header: corrupted file");
    CHECK(error_of(log_of({R"({"T":{)"})) == "test.db:4:7: invalid JSON: syntax error while parsing object key - "
                                                  "unexpected end of input; expected string literal");
    CHECK(error_of(log_of({R"({"Nope":{}})"})) ==
          "test.db:4:2: transaction names table \"Nope\", which the schema does not have");
    CHECK(error_of(log_of({std::string(R"({"T":{")") + row_a + R"(":{"nope":1}}})"})) ==
          "test.db:4:47: table T has no column \"nope\"");
    CHECK(error_of(log_of({std::string(R"({"T":{")") + row_a + R"(":{"n":"one"}}})"})) ==
          "test.db:4:51: T.n: expected integer atoms, got one");
    CHECK(error_of(log_of({std::string(R"({"T":{")") + row_a + R"(":{"opts":["set",[]]}}})"})) ==
          "test.db:4:54: T.opts: expected a map");
    CHECK(error_of(log_of({std::string(R"({"T":{")") + row_a + R"(":null}})"})) ==
          "test.db:4:7: transaction deletes row aaaaaaaa-0000-0000-0000-000000000001 of table T, which does not exist");
    CHECK(error_of(log_of({R"({"T":{"not-a-uuid":{}}})"})) == "test.db:4:7: \"not-a-uuid\" is not a row UUID");
    CHECK(error_of(log_of({"[1, 2]"})) == "test.db:4:1: expected a JSON object, not an array, in a database transaction");
    CHECK(error_of(log_of({std::string(R"({"T":{")") + row_a + R"(":{"tags":)" + std::string(100000, '[') +
                           std::string(100000, ']') + "}}}"})) ==
          "test.db:4:70: JSON value nested too deeply for an OVSDB datum");
    CHECK(error_of(format_ovsdb_log_record("{\"tables\": 3}")) ==
          "test.db:2:1: invalid OVSDB schema: the schema has no \"tables\" object");
}
