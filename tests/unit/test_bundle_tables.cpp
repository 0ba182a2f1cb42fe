// required_nb: the NB model of a bundle that has one, an InputError naming the question
// for a lone dump.
#include <doctest/doctest.h>

#include "sim/bundle.hpp"
#include "sim/bundle_tables.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

TEST_CASE("required_nb") {
    const auto talk = test::bundled_corpora() / "ovn-26.03/talk";
    CHECK(required_nb(*Bundle::load(talk.string()), "acls()").acls.size() == 3);
    const auto dump = Bundle::load((talk / "lflows.txt").string());
    CHECK_THROWS_WITH_AS(required_nb(*dump, "acls()"),
                         doctest::Contains("acls() needs the NB tables (nb/*.txt|json or nb.db) in the bundle"),
                         InputError);
}

}  // namespace
}  // namespace ovnsim
