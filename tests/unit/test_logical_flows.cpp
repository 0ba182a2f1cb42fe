// LogicalFlows: stages by name in table order, flows by priority, datapath lookups, on real
// dumps of several OVN versions and on synthetic ones.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/logical_flows.hpp"
#include "tests/unit/lflow_test_corpora.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

using test::text;

LogicalFlows model_of(const std::filesystem::path& path) { return LogicalFlows::from_dump(read_lflow_dump(path.string())); }
LogicalFlows model_of_text(const std::string& content) { return LogicalFlows::from_dump(parse_lflow_dump(text(content))); }

std::vector<std::uint16_t> priorities(const LogicalStage& stage) {
    std::vector<std::uint16_t> out;
    for (const auto* flow : stage.flows) out.push_back(flow->priority);
    return out;
}

std::vector<std::string> stage_names(const LogicalPipeline& pipeline) {
    std::vector<std::string> out;
    for (const auto& stage : pipeline.stages()) out.emplace_back(stage.name);
    return out;
}

std::string error_of(auto&& action) {
    try {
        action();
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

TEST_CASE("ovn-26.03 talk: the ACL stages of ls1 in table order, each by name") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto flows = model_of(*corpora / "ovn-26.03/talk/lflows.txt");
    REQUIRE(flows.datapaths().size() == 1);
    const auto& ls1 = flows.datapath("ls1");
    CHECK(ls1.uuid == "a0bce76c-ee01-40b9-9d8d-c155edb2fb39");
    CHECK(ls1.ingress.stages().size() == 34);
    CHECK(ls1.egress.stages().size() == 16);
    CHECK(ls1.ingress.flow_count() + ls1.egress.flow_count() == 159);

    const auto* eval = ls1.ingress.stage("ls_in_acl_eval");
    REQUIRE(eval != nullptr);
    CHECK(eval->table == 9);
    CHECK(eval->pipeline == Pipeline::Ingress);
    CHECK(ls1.ingress.stage_at_table(9) == eval);
    const auto* sample = ls1.ingress.next_stage(*eval);
    REQUIRE(sample != nullptr);
    CHECK(sample->name == "ls_in_acl_sample");
    CHECK(ls1.ingress.next_stage(*sample)->name == "ls_in_acl_action");
    CHECK(priorities(*sample) == std::vector<std::uint16_t>{1200, 1100, 0});
    CHECK(priorities(*ls1.egress.stage("ls_out_acl_sample")) == std::vector<std::uint16_t>{1200, 0});

    const auto eval_priorities = priorities(*eval);
    CHECK(std::is_sorted(eval_priorities.rbegin(), eval_priorities.rend()));
    CHECK(eval_priorities.front() == 65532);
    CHECK(eval_priorities.back() == 0);

    CHECK(ls1.ingress.stages().front().name == "ls_in_check_port_sec");
    CHECK(ls1.ingress.stages().back().name == "ls_in_l2_unknown");
    CHECK(ls1.ingress.next_stage(ls1.ingress.stages().back()) == nullptr);
    CHECK(ls1.egress.stage("ls_out_stateful")->table == 12);
    CHECK(ls1.egress.stage("ls_in_acl_eval") == nullptr);
    CHECK(ls1.ingress.stage_at_table(99) == nullptr);
}

TEST_CASE("talk-one-collector: one shared priority-1000 flow per sample kind instead of per-ACL flows") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto generic = model_of(*corpora / "ovn-26.03/talk-one-collector/lflows.txt");
    const auto& ls1 = generic.datapath("ls1");
    CHECK(priorities(*ls1.ingress.stage("ls_in_acl_sample")) == std::vector<std::uint16_t>{1000, 1000, 0});
    CHECK(priorities(*ls1.egress.stage("ls_out_acl_sample")) == std::vector<std::uint16_t>{1000, 0});
    const auto noreg = model_of(*corpora / "ovn-26.03/talk-one-collector-noreg/lflows.txt");
    CHECK(priorities(*noreg.datapath("ls1").ingress.stage("ls_in_acl_sample")) == std::vector<std::uint16_t>{1200, 1100, 0});
}

TEST_CASE("the same stage name sits at different tables across OVN versions") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto v2303 = model_of(*corpora / "ovn-23.03/talk/lflows.txt");
    const auto v2409 = model_of(*corpora / "ovn-24.09/talk/lflows.txt");
    const auto v2503 = model_of(*corpora / "ovn-25.03/talk/lflows.txt");
    const auto& old_ls = v2303.datapath("ls1");
    CHECK(old_ls.ingress.stage("ls_in_acl")->table == 8);
    CHECK(old_ls.ingress.stage("ls_in_acl_eval") == nullptr);
    CHECK(old_ls.egress.stage("ls_out_acl")->table == 4);
    CHECK(v2409.datapath("ls1").egress.stage("ls_out_acl_eval")->table == 4);
    CHECK(v2503.datapath("ls1").egress.stage("ls_out_acl_eval")->table == 6);
    CHECK(v2503.datapath("ls1").egress.stages().front().name == "ls_out_lookup_fdb");
}

TEST_CASE("bigcluster: 60 node switches and the cluster router, found by name, uuid and uuid prefix") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto flows = model_of(test::decompressed(*corpora / "ovn-26.03/bigcluster/lflows.txt.xz"));
    CHECK(flows.flow_count() == 77285);
    CHECK(flows.datapaths().size() == 61);
    const auto& router = flows.datapath("ovn_cluster_router");
    CHECK(router.uuid == "f446c96a-70d2-44bc-8b61-ea49fe0c3e1c");
    CHECK(&flows.datapath("f446c96a-70d2-44bc-8b61-ea49fe0c3e1c") == &router);
    CHECK(&flows.datapath("f446c96a") == &router);
    CHECK(router.ingress.stages().front().name.starts_with("lr_in_"));
    CHECK(router.egress.stage("lr_out_delivery")->flows.size() == 61);
    const auto& node1 = flows.datapath("node1");
    CHECK(node1.uuid == "b970f20b-031e-455e-b4ec-8f57fb645e41");
    CHECK(node1.ingress.stage("ls_in_acl_after_lb_eval")->flows.size() == 244);
    std::size_t total = 0;
    for (const auto& dp : flows.datapaths()) total += dp.ingress.flow_count() + dp.egress.flow_count();
    CHECK(total == flows.flow_count());
}

const std::string kUuidA = "11111111-0000-0000-0000-000000000001";
const std::string kUuidB = "22222222-0000-0000-0000-000000000002";
const std::string kUuidC = "33333333-0000-0000-0000-000000000003";

std::string flow(int table, const std::string& stage, int priority, const std::string& match) {
    char prefix[80];
    std::snprintf(prefix, sizeof prefix, "  table=%-2d(%-19s), priority=%-5d, match=(", table, stage.c_str(), priority);
    return prefix + match + "), action=(next;)\n";
}

TEST_CASE("a dump out of ovn-sbctl order is sorted: datapath, pipeline, table, priority, then dump order") {
    const auto flows = model_of_text(
        "Datapath: \"ls\" (" + kUuidA + ")  Pipeline: egress\n" + flow(1, "ls_out_b", 5, "e1") +
        flow(0, "ls_out_a", 1, "e0") + "Datapath: \"ls\" (" + kUuidA + ")  Pipeline: ingress\n" +
        flow(3, "ls_in_d", 10, "low") + flow(3, "ls_in_d", 20, "high") + flow(2, "ls_in_c", 7, "first") +
        flow(3, "ls_in_d", 10, "low2") + flow(2, "ls_in_c", 7, "second") + "Datapath: \"ls\" (" + kUuidA +
        ")  Pipeline: egress\n" + flow(0, "ls_out_a", 9, "e9"));
    const auto& ls = flows.datapath("ls");
    CHECK(stage_names(ls.ingress) == std::vector<std::string>{"ls_in_c", "ls_in_d"});
    CHECK(stage_names(ls.egress) == std::vector<std::string>{"ls_out_a", "ls_out_b"});
    std::vector<std::string_view> d_matches;
    for (const auto* f : ls.ingress.stage("ls_in_d")->flows) d_matches.push_back(f->match);
    CHECK(d_matches == std::vector<std::string_view>{"high", "low", "low2"});
    std::vector<std::string_view> c_matches;
    for (const auto* f : ls.ingress.stage("ls_in_c")->flows) c_matches.push_back(f->match);
    CHECK(c_matches == std::vector<std::string_view>{"first", "second"});
    CHECK(priorities(*ls.egress.stage("ls_out_a")) == std::vector<std::uint16_t>{9, 1});
    CHECK(ls.egress.next_stage(*ls.egress.stage("ls_out_a"))->name == "ls_out_b");
}

TEST_CASE("datapath lookups: aka names, ambiguous names, unknown names") {
    const auto flows = model_of_text(
        "Datapath: \"ls\" aka \"tenant-net\" (" + kUuidA + ")  Pipeline: ingress\n" + flow(0, "ls_in_a", 0, "1") +
        "Datapath: \"ls\" (" + kUuidB + ")  Pipeline: ingress\n" + flow(0, "ls_in_a", 0, "1") +
        "Datapath:  (" + kUuidC + ")  Pipeline: ingress\n" + flow(0, "ls_in_a", 0, "1"));
    CHECK(flows.datapath("tenant-net").uuid == kUuidA);
    CHECK(flows.datapath(kUuidB).uuid == kUuidB);
    CHECK(flows.datapath("3333").uuid == kUuidC);
    CHECK(flows.datapath("3333").label() == "(" + kUuidC + ")");
    CHECK(flows.datapath("tenant-net").label() == "\"ls\" aka \"tenant-net\"");
    CHECK(flows.find_datapaths("ls").size() == 2);
    CHECK(flows.find_datapaths("333").empty());  // too short for a uuid prefix
    CHECK(error_of([&] { flows.datapath("ls"); }) ==
          "dump.txt: \"ls\" names 2 datapaths: \"ls\" aka \"tenant-net\" (" + kUuidA + "), \"ls\" (" + kUuidB +
              "); give a uuid");
    CHECK(error_of([&] { flows.datapath("lr0"); }) ==
          "dump.txt: no datapath \"lr0\"; the dump has: \"ls\" aka \"tenant-net\" (" + kUuidA + "), \"ls\" (" + kUuidB +
              "), (" + kUuidC + ")");
}

TEST_CASE("inconsistent stages are bad input: two names in one table, one name at two tables") {
    const std::string header = "Datapath: \"ls\" (" + kUuidA + ")  Pipeline: ingress\n";
    CHECK(error_of([&] { model_of_text(header + flow(3, "ls_in_x", 5, "1") + flow(3, "ls_in_y", 1, "1")); }) ==
          "dump.txt:3:1: table 3 of \"ls\" ingress holds stage \"ls_in_y\" here but stage \"ls_in_x\" at line 2");
    CHECK(error_of([&] { model_of_text(header + flow(3, "ls_in_x", 5, "1") + flow(4, "ls_in_x", 1, "1")); }) ==
          "dump.txt:3:1: stage \"ls_in_x\" of \"ls\" ingress is at table 4 here but at table 3 at line 2");
    // The same name in another pipeline or datapath, and empty names, are fine.
    const auto flows = model_of_text(header + flow(3, "ls_in_x", 5, "1") + flow(4, "", 1, "1") + flow(5, "", 1, "1") +
                                     "Datapath: \"ls\" (" + kUuidA + ")  Pipeline: egress\n" + flow(4, "ls_in_x", 1, "1"));
    CHECK(flows.datapath("ls").ingress.stages().size() == 3);
    CHECK(flows.datapath("ls").ingress.stage_at_table(5)->name.empty());
}

}  // namespace
}  // namespace ovnsim
