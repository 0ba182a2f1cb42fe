// Every NB/SB table listing of the shared corpora parses, and the text and JSON listings
// of the same table give the same data.
#include <doctest/doctest.h>

#include "parser/ovsdb_listing.hpp"
#include "test_ovsdb_corpus.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ovnsim;

namespace {

// A decompressed copy keeps the listing's extension, which selects the format.
OvsdbTable read_listing(const test::ListingFile& listing) {
    return parse_ovsdb_listing(*TextFile::read(test::readable(listing.path).string()), listing.table);
}

}  // namespace

TEST_CASE("every table listing of the shared corpora parses, and text equals JSON") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    std::map<fs::path, OvsdbTable> text_tables;  // by bundle dir / table
    std::map<fs::path, OvsdbTable> json_tables;
    std::size_t rows = 0;
    for (const auto& listing : test::listing_files(*root)) {
        CAPTURE(listing.path.string());
        OvsdbTable table = read_listing(listing);
        rows += table.rows.size();
        const fs::path key = listing.path.parent_path() / listing.table;
        (listing.format == ".json" ? json_tables : text_tables).emplace(key, std::move(table));
    }
    CHECK(text_tables.size() >= 100);
    CHECK(json_tables.size() >= 80);
    CHECK(rows > 100000);
    std::size_t compared = 0;
    for (const auto& [key, text] : text_tables) {
        const auto json = json_tables.find(key);
        if (json == json_tables.end()) continue;
        CAPTURE(key.string());
        const auto difference = first_difference(text, json->second);
        CHECK_MESSAGE(!difference, difference.value_or(""));
        ++compared;
    }
    CHECK(compared >= 80);
}
