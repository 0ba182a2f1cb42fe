// Flow selection (what Python's Bundle.flows() lists) on the bundled ovn-26.03 talk dump:
// all flows, one stage, one datapath, and the errors for names the dump does not have.
#include <doctest/doctest.h>

#include "parser/source_location.hpp"
#include "sim/bundle.hpp"
#include "sim/flow_selection.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

std::shared_ptr<const Bundle> talk() { return Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string()); }

TEST_CASE("select_flows: everything, in pipeline order") {
    const auto bundle = talk();
    const auto all = select_flows(bundle->flows(), {});
    CHECK(all.size() == 159);
    CHECK(all.front()->pipeline == Pipeline::Ingress);
    CHECK(bundle->dump().stage_name(*all.front()) == "ls_in_check_port_sec");
    CHECK(all.back()->pipeline == Pipeline::Egress);
}

TEST_CASE("select_flows: one stage, priorities descending") {
    const auto bundle = talk();
    const auto eval = select_flows(bundle->flows(), {.stage = "ls_in_acl_eval"});
    REQUIRE(eval.size() == 15);
    CHECK(eval.front()->priority == 65532);
    CHECK(eval.back()->priority == 0);
    for (const DumpFlow* flow : eval) CHECK(bundle->dump().stage_name(*flow) == "ls_in_acl_eval");
    CHECK(select_flows(bundle->flows(), {.stage = "ls_out_acl_sample"}).size() == 2);
}

TEST_CASE("select_flows: one datapath, by name or uuid prefix, with or without a stage") {
    const auto bundle = talk();
    CHECK(select_flows(bundle->flows(), {.datapath = "ls1"}).size() == 159);
    CHECK(select_flows(bundle->flows(), {.stage = "ls_in_acl_sample", .datapath = "a0bce76c"}).size() == 3);
}

TEST_CASE("select_flows: unknown stage or datapath is an InputError naming the dump") {
    const auto bundle = talk();
    CHECK_THROWS_WITH_AS(select_flows(bundle->flows(), {.stage = "ls_in_acl_evl"}),
                         doctest::Contains("no stage named \"ls_in_acl_evl\""), InputError);
    CHECK_THROWS_WITH_AS(select_flows(bundle->flows(), {.datapath = "ls9"}), doctest::Contains("no datapath \"ls9\""),
                         InputError);
}

}  // namespace
}  // namespace ovnsim
