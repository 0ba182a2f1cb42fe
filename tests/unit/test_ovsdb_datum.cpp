// Atoms, datums and UUIDs: OVSDB order, text rendering, diffs.
#include <doctest/doctest.h>

#include "parser/ovsdb_datum.hpp"
#include "parser/ovsdb_sha1.hpp"
#include "parser/ovsdb_text_atoms.hpp"

using namespace ovnsim;

TEST_CASE("UUIDs parse, print and order like their text") {
    const auto a = Uuid::parse("E440336A-84d3-4a6d-95a9-edd1db1c3631");
    REQUIRE(a.has_value());
    CHECK(a->to_string() == "e440336a-84d3-4a6d-95a9-edd1db1c3631");
    CHECK(a->prefix32() == 0xe440336au);
    CHECK_FALSE(Uuid::parse("e440336a-84d3-4a6d-95a9-edd1db1c363"));
    CHECK_FALSE(Uuid::parse("e440336a+84d3-4a6d-95a9-edd1db1c3631"));
    CHECK_FALSE(Uuid::parse("g440336a-84d3-4a6d-95a9-edd1db1c3631"));
    const auto b = Uuid::parse("e440336a-84d3-4a6d-95a9-edd1db1c3632");
    CHECK(*a < *b);
}

TEST_CASE("atoms print as ovn-nbctl list prints them, and bare tokens read back") {
    const std::vector<std::pair<Atom, std::string>> cases = {
        {Atom(std::string("allow-related")), "allow-related"},
        {Atom(std::string("ls_in_acl.eval_2")), "ls_in_acl.eval_2"},
        {Atom(std::string("10.0.0.1")), "\"10.0.0.1\""},
        {Atom(std::string("true")), "\"true\""},
        {Atom(std::string("")), "\"\""},
        {Atom(std::string("a b\"\\\n\x01")), "\"a b\\\"\\\\\\n\\u0001\""},
        {Atom(std::string("e440336a-84d3-4a6d-95a9-edd1db1c3631")), "\"e440336a-84d3-4a6d-95a9-edd1db1c3631\""},
        {Atom(std::int64_t{-42}), "-42"},
        {Atom(0.5), "0.5"},
        {Atom(true), "true"},
        {Atom(*Uuid::parse("e440336a-84d3-4a6d-95a9-edd1db1c3631")), "e440336a-84d3-4a6d-95a9-edd1db1c3631"},
    };
    for (const auto& [atom, text] : cases) {
        CAPTURE(text);
        CHECK(atom_to_text(atom) == text);
        if (text.front() == '"') {
            std::string decoded;
            CHECK(ovsdb_text::unescape_json_string(std::string_view(text).substr(1, text.size() - 2), decoded).empty());
            CHECK(Atom(decoded) == atom);
        } else {
            const auto read = ovsdb_text::atom_from_bare_token(text);
            REQUIRE(std::holds_alternative<Atom>(read));
            CHECK(compare_atoms(std::get<Atom>(read), atom) == 0);
        }
    }
    // Not something OVS prints bare.
    CHECK(std::holds_alternative<std::string>(ovsdb_text::atom_from_bare_token("-")));
    CHECK(std::holds_alternative<std::string>(ovsdb_text::atom_from_bare_token("12ab")));
    std::string decoded;
    CHECK(ovsdb_text::unescape_json_string("\\ud83d\\ude00", decoded).empty());
    CHECK(decoded == "\xf0\x9f\x98\x80");
}

TEST_CASE("datums keep OVSDB order and apply diffs like ovsdb-server") {
    Datum set = Datum::set({Atom(std::string("b")), Atom(std::string("a"))});
    CHECK(set.normalize());
    CHECK(set.to_text() == "[a, b]");
    CHECK(set.contains(Atom(std::string("b"))));
    set.apply_diff(Datum::set({Atom(std::string("a")), Atom(std::string("c"))}));
    CHECK(set.to_text() == "[b, c]");

    Datum map = Datum::map({Atom(std::string("k")), Atom(std::string("gone"))},
                           {Atom(std::string("v")), Atom(std::string("x"))});
    CHECK(map.normalize());
    map.apply_diff(Datum::map({Atom(std::string("gone")), Atom(std::string("k")), Atom(std::string("new"))},
                              {Atom(std::string("x")), Atom(std::string("w")), Atom(std::string("1"))}));
    CHECK(map.to_text() == "{k=w, new=\"1\"}");
    CHECK(*map.find_string("k") == "w");
    CHECK(map.find_string("gone") == nullptr);

    Datum duplicate = Datum::set({Atom(std::int64_t{1}), Atom(std::int64_t{1})});
    CHECK_FALSE(duplicate.normalize());
    CHECK(Datum::set({}) != Datum::map({}, {}));
    CHECK(Datum::scalar(Atom(std::int64_t{3})).as_real() == 3.0);
    CHECK(Datum::scalar(Atom(std::int64_t{3})).as_string() == nullptr);
}

TEST_CASE("SHA-1 of OVSDB records matches FIPS 180 test vectors") {
    CHECK(ovsdb_sha1_hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(ovsdb_sha1_hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(ovsdb_sha1_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(ovsdb_sha1_hex(std::string(1000000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}
