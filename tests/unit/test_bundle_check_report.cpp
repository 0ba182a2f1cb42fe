// The JSON of a bundle check: counts of a clean bundled corpus, and a syntax error's
// file, line and column as numbers.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "sim/bundle_check.hpp"
#include "sim/report/bundle_check_report.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

TEST_CASE("bundle_check_json: a clean bundle") {
    const auto json = bundle_check_json(check_bundle((test::bundled_corpora() / "ovn-23.03/k8s").string()));
    CHECK(json["errors"].empty());
    CHECK(json["flows"] == 124);
    CHECK(json["matches_parsed"] == 124);
    CHECK(json["actions_parsed"] == 124);
}

TEST_CASE("bundle_check_json: an unbalanced match names FILE:LINE:COL") {
    const auto path = std::filesystem::temp_directory_path() / "ovnsim-check-report-broken.txt";
    std::ofstream(path) << "Datapath: \"ls1\" (a0bce76c-ee01-40b9-9d8d-c155edb2fb39)  Pipeline: ingress\n"
                           "  table=0 (ls_in_acl_eval     ), priority=1001 , match=(reg0[7] == 1 && (ip4.dst == "
                           "10.0.0.1), action=(next;)\n";
    const auto json = bundle_check_json(check_bundle(path.string()));
    std::filesystem::remove(path);
    REQUIRE(json["errors"].size() == 1);
    const auto& error = json["errors"][0];
    CHECK(error["file"] == path.string());
    CHECK(error["line"] == 2);
    CHECK(error["column"] == 93);
    CHECK(error["message"].get<std::string>().find("expecting `)'") != std::string::npos);
    CHECK(json["matches_parsed"] == 0);
}

}  // namespace
}  // namespace ovnsim
