// Every OVSDB database file of the shared corpora replays, and gives the same rows as the
// bundle's listings of the same tables.
#include <doctest/doctest.h>

#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_listing.hpp"
#include "test_ovsdb_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ovnsim;

namespace {

// `table` with only the columns it shares with `other`.
OvsdbTable shared_columns_only(const OvsdbTable& table, const OvsdbTable& other) {
    OvsdbTable projected;
    projected.name = table.name;
    std::vector<std::size_t> kept;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (other.column_index(table.columns[c])) {
            projected.columns.push_back(table.columns[c]);
            kept.push_back(c);
        }
    }
    for (const auto& row : table.rows) {
        OvsdbRow copy{row.uuid, row.loc, {}, {}};
        for (const std::size_t c : kept) copy.values.push_back(row.values[c]);
        projected.rows.push_back(std::move(copy));
    }
    return projected;
}

}  // namespace

TEST_CASE("every database file of the shared corpora equals the bundle's listings") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const auto listings = test::listing_files(*root);
    std::size_t databases = 0, compared = 0;
    for (const auto& db_path : test::database_files(*root)) {
        CAPTURE(db_path.string());
        const auto file = TextFile::read(test::readable(db_path).string());
        const OvsdbDatabaseFile db = read_ovsdb_database_file(*file);
        const bool northbound = test::name_without_xz(db_path) == "nb.db";
        CHECK(db.schema.name == (northbound ? "OVN_Northbound" : "OVN_Southbound"));
        CHECK(db.database.tables.size() == db.schema.tables.size());
        ++databases;
        // Listings of the same bundle (the .db file sits next to nb/ and sb/).
        const fs::path listing_dir = db_path.parent_path() / (northbound ? "nb" : "sb");
        for (const auto& listing : listings) {
            if (listing.path.parent_path() != listing_dir) continue;
            CAPTURE(listing.path.string());
            const OvsdbTable expected =
                parse_ovsdb_listing(*TextFile::read(test::readable(listing.path).string()), listing.table);
            const OvsdbTable* actual = db.database.table(listing.table);
            REQUIRE(actual != nullptr);
            // A listing may come from a client whose schema has a column more (Logical_Flow.hash).
            const OvsdbTable listed = shared_columns_only(expected, *actual);
            if (!expected.rows.empty()) CHECK(listed.columns.size() + 1 >= expected.columns.size());
            const auto difference = first_difference(listed, shared_columns_only(*actual, expected));
            CHECK_MESSAGE(!difference, difference.value_or(""));
            ++compared;
        }
    }
    CHECK(databases >= 15);
    CHECK(compared >= 150);
}
