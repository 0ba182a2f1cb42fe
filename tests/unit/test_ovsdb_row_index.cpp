// Row indexes (parser/ovsdb_row_index.hpp, parser/ovsdb_db_file_index.hpp): every row read
// on its own equals the row the whole-table reader gives, values and locations, for every
// listing and database file of the bundled and shared corpora; a bad value in a row read on
// its own gives the whole-table reader's error.
#include <doctest/doctest.h>

#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_db_file_index.hpp"
#include "parser/ovsdb_listing.hpp"
#include "parser/ovsdb_row_index.hpp"
#include "parser/ovsdb_row_index_formats.hpp"
#include "test_ovsdb_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ovnsim;

namespace {

// Every row of `index` against `table`, and the uuid lookups. Returns the rows compared.
std::size_t check_rows_equal(const OvsdbRowIndex& index, const OvsdbTable& table) {
    REQUIRE(index.size() == table.rows.size());
    CHECK(index.skeleton().columns == table.columns);
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const OvsdbRow& whole = table.rows[i];
        const OvsdbRow row = index.row(i);
        CAPTURE(i);
        REQUIRE(row.uuid == whole.uuid);
        CHECK(index.uuid(i) == whole.uuid);
        CHECK(row.loc == whole.loc);
        CHECK(row.values == whole.values);
        CHECK(row.locs == whole.locs);
        CHECK(index.find(whole.uuid) == std::optional<std::size_t>(i));
        const auto same_prefix = index.rows_with_prefix(whole.uuid.prefix32());
        CHECK(std::find(same_prefix.begin(), same_prefix.end(), i) != same_prefix.end());
        const auto simple = index.simple_cells(i, table.columns);
        if (!simple) continue;
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            CAPTURE(table.columns[c]);
            CHECK(simple_datum_text(whole.values[c]) == std::optional<std::string>((*simple)[c]));
        }
    }
    return table.rows.size();
}

std::size_t check_listings(const fs::path& root) {
    std::size_t rows = 0;
    for (const auto& listing : test::listing_files(root)) {
        CAPTURE(listing.path.string());
        const auto file = TextFile::read(test::readable(listing.path).string());
        const OvsdbTable table = parse_ovsdb_listing(*file, listing.table);
        const auto index = index_ovsdb_listing(file, listing.table);
        rows += check_rows_equal(*index, table);
    }
    return rows;
}

std::size_t check_database_files(const fs::path& root) {
    std::size_t rows = 0;
    for (const fs::path& path : test::database_files(root)) {
        CAPTURE(path.string());
        const auto file = TextFile::read(test::readable(path).string());
        const OvsdbDatabase whole = read_ovsdb_database_file(*file).database;
        const OvsdbDatabaseIndex index(file);
        for (const auto& [name, table] : whole.tables) {
            CAPTURE(name);
            CHECK(index.has_table(name));
            const OvsdbRowIndex* rows_of = index.rows(name);
            REQUIRE(rows_of != nullptr);
            rows += check_rows_equal(*rows_of, table);
            const OvsdbTable replayed = index.table(name);
            CHECK(replayed.rows.size() == table.rows.size());
        }
        CHECK(index.rows("No_Such_Table") == nullptr);
    }
    return rows;
}

std::shared_ptr<const TextFile> json_listing(std::string cells) {
    return TextFile::from_string("sb/Logical_Flow.json",
                                 "{\"data\":[\n [[\"uuid\",\"e440336a-84d3-4a6d-95a9-edd1db1c3631\"], " + cells +
                                     "]],\n\"headings\":[\"_uuid\",\"match\",\"external_ids\",\"priority\"]}\n");
}

std::string error_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("rows read one by one equal the whole tables: bundled corpora") {
    const fs::path root = test::bundled_corpora();
    CHECK(check_listings(root) > 1000);
}

TEST_CASE("rows read one by one equal the whole tables: shared corpora listings") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    CHECK(check_listings(*root) > 100000);
}

TEST_CASE("rows read one by one equal the whole tables: shared corpora database files") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    CHECK(check_database_files(*root) > 10000);
}

TEST_CASE("a JSON row in any wire form reads as the whole-table reader reads it") {
    for (const std::string cells : {
             R"("ip4 && \"quoted\\\" \u00e9", ["map",[["b","2"],["a","1"]]], 10)",
             R"("x", ["map",[]], 1.5)",
             R"("x", ["set",[]], -7)",
             R"("x", ["set",[]], 99999999999999999999)",
             R"("x", ["map",[["k", ["uuid","e440336a-84d3-4a6d-95a9-edd1db1c3632"]]]], true)",
         }) {
        CAPTURE(cells);
        const auto file = json_listing(cells);
        const OvsdbTable table = parse_ovsdb_listing(*file, "Logical_Flow");
        check_rows_equal(*index_ovsdb_listing(file, "Logical_Flow"), table);
    }
}

TEST_CASE("a bad value in a JSON row read on its own gives the whole-table reader's error") {
    for (const std::string cells : {
             R"("x", ["map",[["a","1"],["a","2"]]], 1)",
             R"("x", ["map",[["a"]]], 1)",
             R"("x", ["set",[["named-uuid","n"]]], 1)",
             "\"tab\there\", [\"map\",[]], 1",
             R"("x", ["map",[["k", ["uuid","not-a-uuid"]]]], 1)",
         }) {
        CAPTURE(cells);
        const auto file = json_listing(cells);
        const std::string whole = error_of([&] { parse_ovsdb_listing(*file, "Logical_Flow"); });
        CHECK(whole != "no error");
        const auto index = index_ovsdb_listing(file, "Logical_Flow");
        CHECK(error_of([&] { index->row(0); }) == whole);
    }
}
