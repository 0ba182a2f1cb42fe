// OVN release families: parsing version strings, detecting the family of every bundled
// corpus from NB_Global and, without NB tables, from the dump alone; the per-family table
// layout equals what each release's dump numbers.
#include <doctest/doctest.h>

#include "sim/bundle.hpp"
#include "sim/northd_model/northd_config.hpp"
#include "sim/ovn_version.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

TEST_CASE("ovn version: families from version strings") {
    CHECK(parse_ovn_family("24.09") == OvnFamily::v24_09);
    CHECK(parse_ovn_family("24.09.3") == OvnFamily::v24_09);
    CHECK(parse_ovn_family("24.12.0") == OvnFamily::v24_09);
    CHECK(parse_ovn_family("25.03.3-20.41.0-78.9") == OvnFamily::v25_03);
    CHECK(parse_ovn_family("25.09") == OvnFamily::v25_09);
    CHECK(parse_ovn_family("26.03.2") == OvnFamily::v26_03);
    CHECK(parse_ovn_family("27.03") == OvnFamily::v26_03);
    CHECK_FALSE(parse_ovn_family("24.03.1").has_value());
    CHECK_FALSE(parse_ovn_family("23.03").has_value());
    CHECK_FALSE(parse_ovn_family("26").has_value());
    CHECK_FALSE(parse_ovn_family("26.x").has_value());
    CHECK_FALSE(parse_ovn_family("").has_value());
}

TEST_CASE("ovn version: every bundled corpus, from NB_Global and from the dump alone") {
    const std::pair<const char*, std::optional<OvnFamily>> cases[] = {
        {"ovn-23.03/talk", std::nullopt},
        {"ovn-24.09/talk", OvnFamily::v24_09},
        {"ovn-25.03/talk-one-collector", OvnFamily::v25_03},
        {"ovn-26.03/talk-one-collector-noreg", OvnFamily::v26_03},
    };
    for (const auto& [dir, family] : cases) {
        CAPTURE(dir);
        const auto bundle = Bundle::load((test::bundled_corpora() / dir).string());
        const auto dump_only = Bundle::load((test::bundled_corpora() / dir / "lflows.txt").string());
        const auto from_dump = detect_ovn_family(*dump_only);
        CHECK(from_dump.family == family);
        CHECK(from_dump.release.empty());
        if (!family) continue;
        const auto from_nb = detect_ovn_family(*bundle);
        CHECK(from_nb.family == family);
        CHECK(from_nb.evidence.find("NB_Global") != std::string::npos);
        CHECK(parse_ovn_family(from_nb.release) == family);
        // The layout northd prints inside actions is the family's.
        const StageTables expected = StageTables::for_family(*family);
        const StageTables dumped = StageTables::from_dump(bundle->flows(), *family);
        for (const char* stage : {"ls_in_acl_eval", "ls_in_acl_after_lb_eval", "ls_in_l2_lkup", "ls_out_acl_eval", "ls_out_qos"}) {
            CAPTURE(stage);
            CHECK(dumped.table(stage) == expected.table(stage));
            CHECK(expected.table(stage) > 0);
        }
    }
}

}  // namespace
}  // namespace ovnsim
