// Reading the (obs_domain_id, obs_point_id) pairs of `ovnsim decode`: plain pairs, CSV with
// a header, and bad input at FILE:LINE:COL.
#include <doctest/doctest.h>

#include "sim/sampling_id_input.hpp"

using namespace ovnsim;

namespace {

std::string error_of(std::string_view text) {
    try {
        read_sample_id_pairs(text, "ids.txt");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("Sample id pairs: one per line, blanks or a comma, decimal or hex") {
    const auto pairs = read_sample_id_pairs("# SYN, SYN+ACK\n0x2a000001 1011\n\n 721420289,\t0x3F4 \r\n2000001 7\n",
                                            "ids.txt");
    REQUIRE(pairs.size() == 3);
    CHECK(pairs[0].obs_domain_id == 0x2a000001u);
    CHECK(pairs[0].obs_point_id == 1011u);
    CHECK(pairs[0].loc.line == 2);
    CHECK(pairs[1].obs_domain_id == 721420289u);
    CHECK(pairs[1].obs_point_id == 1012u);
    CHECK(pairs[2].obs_domain_id == 2000001u);  // no 0x: decimal
    CHECK(read_sample_id_pairs("", "empty").empty());
    CHECK(read_sample_id_pairs("4294967295 0\n", "max").front().obs_domain_id == 4294967295u);
}

TEST_CASE("Sample id pairs: CSV with the columns named in its header, in any order") {
    const auto pairs = read_sample_id_pairs(
        "\xEF\xBB\xBFtime,obs_point_id,\"obs_domain_id\",packets\n2025-11-27,1011,0x2a000001,3\n2025-11-27,\"1012\","
        "721420289,1\n",
        "ids.csv");
    REQUIRE(pairs.size() == 2);
    CHECK(pairs[0].obs_domain_id == 0x2a000001u);
    CHECK(pairs[0].obs_point_id == 1011u);
    CHECK(pairs[1].obs_domain_id == 0x2b000001u);
    CHECK(pairs[1].obs_point_id == 1012u);
    CHECK(pairs[1].loc.line == 3);
}

TEST_CASE("Sample id pairs: errors name the file, line and column") {
    CHECK(error_of("0x2a000001 1011\n0x2b000001 12x\n") ==
          "ids.txt:2:12: expected an obs_point_id (decimal or 0x hex), got \"12x\"");
    CHECK(error_of("  4294967296 1\n") == "ids.txt:1:3: an obs_domain_id 4294967296 does not fit in 32 bits");
    CHECK(error_of("0x 1\n") == "ids.txt:1:1: expected an obs_domain_id (decimal or 0x hex), got \"0x\"");
    CHECK(error_of("-1 1\n") == "ids.txt:1:1: expected an obs_domain_id (decimal or 0x hex), got \"-1\"");
    CHECK(error_of("1011\n") == "ids.txt:1:5: expected two ids: OBS_DOMAIN_ID OBS_POINT_ID");
    CHECK(error_of("1 2 3\n") == "ids.txt:1:5: expected two ids, found more");
    CHECK(error_of("obs_domain_id,point\n1,2\n") ==
          "ids.txt:1:1: a CSV header needs the columns obs_domain_id and obs_point_id");
    CHECK(error_of("a,obs_domain_id,obs_point_id\n1,2\n") ==
          "ids.txt:2:4: missing columns: the header has obs_domain_id in column 2 and obs_point_id in column 3");
    CHECK(error_of("obs_domain_id,obs_point_id\n0x99999999999,1\n") ==
          "ids.txt:2:1: an obs_domain_id 0x99999999999 does not fit in 32 bits");
}

TEST_CASE("Sample ids on the command line") {
    CHECK(parse_sample_id("0x2A000001", "OBS_DOMAIN_ID", "decode", {}) == 0x2a000001u);
    CHECK_THROWS_AS(parse_sample_id("", "OBS_DOMAIN_ID", "decode", {}), InputError);
    CHECK_THROWS_AS(parse_sample_id("1e3", "OBS_POINT_ID", "decode", {}), InputError);
}
