// Flow counts: equal to the real `ovn-sbctl count-flows` of each bundle that has one (as
// numbers and byte for byte as text), the exact per-stage counts of the ovn-26.03 talk
// scenarios, the JSON form, and the count-flows reader's own checks.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "parser/count_flows.hpp"
#include "sim/flow_stats.hpp"
#include "sim/report/flow_stats_report.hpp"
#include "tests/unit/lflow_test_corpora.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

using test::text;

std::string file_text(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

FlowCounts counts_of(const std::filesystem::path& dump) {
    return count_flows(LogicalFlows::from_dump(read_lflow_dump(dump.string())));
}

void check_equals_count_flows(const std::filesystem::path& dump, const std::filesystem::path& count_flows_txt) {
    CAPTURE(dump.string());
    const FlowCounts computed = counts_of(dump);
    const FlowCounts expected = read_count_flows(count_flows_txt.string());
    CHECK(computed.total == expected.total);
    CHECK(computed.pipelines.size() == expected.pipelines.size());
    CHECK(computed == expected);
    CHECK(format_count_flows(computed) == file_text(count_flows_txt));
}

TEST_CASE("flow counts equal sb/count-flows.txt wherever a bundle has one") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    check_equals_count_flows(*corpora / "ovn-23.03/talk/lflows.txt", *corpora / "ovn-23.03/talk/sb/count-flows.txt");
    check_equals_count_flows(*corpora / "ovn-23.03/talk/lflows-uuid.txt", *corpora / "ovn-23.03/talk/sb/count-flows.txt");
    check_equals_count_flows(*corpora / "ovn-23.03/k8s/lflows.txt", *corpora / "ovn-23.03/k8s/sb/count-flows.txt");
    for (const char* bundle : {"ovn-26.03/bigcluster", "ovn-26.03/bigcluster-xl"}) {
        const auto dir = *corpora / bundle;
        check_equals_count_flows(test::decompressed(dir / "lflows.txt.xz"), dir / "sb/count-flows.txt");
    }
    CHECK(read_count_flows((*corpora / "ovn-26.03/bigcluster-xl/sb/count-flows.txt").string()).total == 306485);
}

// Taken from the dumps: identical in talk, talk-one-collector and talk-one-collector-noreg.
const std::vector<std::pair<std::string, std::uint64_t>> kTalk2603Stages = {
    {"ls_in_check_port_sec", 6}, {"ls_in_apply_port_sec", 2}, {"ls_in_mirror", 1}, {"ls_in_lookup_fdb", 1},
    {"ls_in_put_fdb", 1}, {"ls_in_pre_acl", 6}, {"ls_in_pre_lb", 6}, {"ls_in_pre_stateful", 4}, {"ls_in_acl_hint", 8},
    {"ls_in_acl_eval", 15}, {"ls_in_acl_sample", 3}, {"ls_in_acl_action", 4}, {"ls_in_qos", 1}, {"ls_in_ct_extract", 1},
    {"ls_in_lb_aff_check", 1}, {"ls_in_lb", 1}, {"ls_in_lb_aff_learn", 1}, {"ls_in_pre_hairpin", 1},
    {"ls_in_nat_hairpin", 1}, {"ls_in_hairpin", 1}, {"ls_in_acl_after_lb_eval", 4}, {"ls_in_acl_after_lb_sample", 1},
    {"ls_in_acl_after_lb_action", 4}, {"ls_in_pre_network_function", 2}, {"ls_in_stateful", 5},
    {"ls_in_network_function", 3}, {"ls_in_arp_rsp", 5}, {"ls_in_dhcp_options", 1}, {"ls_in_dhcp_response", 1},
    {"ls_in_dns_lookup", 1}, {"ls_in_dns_response", 1}, {"ls_in_external_port", 1}, {"ls_in_l2_lkup", 9},
    {"ls_in_l2_unknown", 2}, {"ls_out_lookup_fdb", 1}, {"ls_out_put_fdb", 1}, {"ls_out_pre_acl", 5},
    {"ls_out_pre_lb", 5}, {"ls_out_pre_stateful", 3}, {"ls_out_acl_hint", 8}, {"ls_out_acl_eval", 9},
    {"ls_out_acl_sample", 2}, {"ls_out_acl_action", 4}, {"ls_out_mirror", 1}, {"ls_out_qos", 1},
    {"ls_out_pre_network_function", 2}, {"ls_out_stateful", 5}, {"ls_out_network_function", 3},
    {"ls_out_check_port_sec", 2}, {"ls_out_apply_port_sec", 2}};

TEST_CASE("ovn-26.03 talk scenarios: every stage's flow count, exactly") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    for (const char* scenario : {"talk", "talk-one-collector", "talk-one-collector-noreg"}) {
        for (const char* file : {"lflows.txt", "lflows-uuid.txt"}) {
            CAPTURE(scenario);
            CAPTURE(file);
            const auto counts = counts_of(*corpora / "ovn-26.03" / scenario / file);
            CHECK(counts.total == 159);
            REQUIRE(counts.pipelines.size() == 2);
            CHECK(counts.pipelines[0].pipeline == Pipeline::Ingress);
            CHECK(counts.pipelines[0].total == 105);
            CHECK(counts.pipelines[1].total == 54);
            std::vector<std::pair<std::string, std::uint64_t>> stages;
            for (const auto& block : counts.pipelines) {
                for (const auto& stage : block.stages) stages.emplace_back(stage.stage, stage.flows);
            }
            CHECK(stages == kTalk2603Stages);
        }
    }
}

TEST_CASE("the JSON form: total, by_pipeline, by_stage, by_datapath, datapaths") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto json = flow_counts_json(counts_of(*corpora / "ovn-26.03/talk/lflows.txt"));
    CHECK(json.at("total") == 159);
    CHECK(json.at("by_pipeline") == nlohmann::json{{"ingress", 105}, {"egress", 54}});
    CHECK(json.at("by_stage").size() == kTalk2603Stages.size());
    CHECK(json.at("by_stage").at("ls_in_acl_eval") == 15);
    CHECK(json.at("by_stage").at("ls_out_acl_sample") == 2);
    CHECK(json.at("by_datapath").at("ls1").at("ls_in_acl_sample") == 3);
    const auto& dp = json.at("datapaths").at(0);
    CHECK(dp.at("uuid") == "a0bce76c-ee01-40b9-9d8d-c155edb2fb39");
    CHECK(dp.at("pipelines").at("egress").at("total") == 54);
    CHECK(dp.at("pipelines").at("ingress").at("stages").at(9) ==
          nlohmann::json{{"table", 9}, {"stage", "ls_in_acl_eval"}, {"flows", 15}});

    const auto big = flow_counts_json(counts_of(test::decompressed(*corpora / "ovn-26.03/bigcluster/lflows.txt.xz")));
    CHECK(big.at("total") == 77285);
    CHECK(big.at("by_datapath").size() == 61);
    CHECK(big.at("by_datapath").at("node1").at("ls_in_acl_after_lb_eval") == 244);
    std::uint64_t sum = 0;
    for (const auto& [stage, n] : big.at("by_stage").items()) sum += n.get<std::uint64_t>();
    CHECK(sum == 77285);
}

const std::string kUuidA = "11111111-0000-0000-0000-000000000001";
const std::string kUuidB = "22222222-0000-0000-0000-000000000002";

TEST_CASE("count-flows text of aka names, unnamed datapaths and long stage names, as ovn-sbctl prints it") {
    const auto counts = count_flows(LogicalFlows::from_dump(parse_lflow_dump(text(
        "Datapath: \"ls\" aka \"net\" (" + kUuidA + ")  Pipeline: ingress\n"
        "  table=21(ls_in_acl_after_lb_sample), priority=0    , match=(1), action=(next;)\n"
        "Datapath:  (" + kUuidB + ")  Pipeline: egress\n"
        "  table=0 (                   ), priority=1    , match=(1), action=(next;)\n"
        "  table=0 (                   ), priority=0    , match=(1), action=(next;)\n"))));
    const std::string expected =
        "Datapath: \"ls\" aka \"net\" (" + kUuidA + ")  Pipeline: ingress\n"
        "  table=21(ls_in_acl_after_lb_sample) lflows=1\n"
        "Total number of logical flows in the datapath \"ls\" aka \"net\" (" + kUuidA + ") Pipeline: ingress = 1\n\n"
        "Datapath:  (" + kUuidB + ")  Pipeline: egress\n"
        "  table=0 (                   ) lflows=2\n"
        "Total number of logical flows in the datapath  (" + kUuidB + ") Pipeline: egress = 2\n\n"
        "Total number of logical flows = 3\n";
    CHECK(format_count_flows(counts) == expected);
    CHECK(parse_count_flows(text(expected)) == counts);
    const auto json = flow_counts_json(counts);
    CHECK(json.at("by_datapath").at("ls").at("ls_in_acl_after_lb_sample") == 1);
    CHECK(json.at("by_datapath").at(kUuidB).at("") == 2);
}

TEST_CASE("JSON keys datapaths that share a name by name and uuid") {
    const std::string flow = "  table=0 (ls_in_a            ), priority=0    , match=(1), action=(next;)\n";
    const auto json = flow_counts_json(count_flows(LogicalFlows::from_dump(parse_lflow_dump(
        text("Datapath: \"ls\" (" + kUuidA + ")  Pipeline: ingress\n" + flow + "Datapath: \"ls\" (" + kUuidB +
             ")  Pipeline: ingress\n" + flow)))));
    CHECK(json.at("by_datapath").size() == 2);
    CHECK(json.at("by_datapath").at("ls (" + kUuidA + ")").at("ls_in_a") == 1);
    CHECK(json.at("by_datapath").at("ls (" + kUuidB + ")").at("ls_in_a") == 1);
    CHECK(json.at("by_stage").at("ls_in_a") == 2);
}

std::string count_flows_error(const std::string& content) {
    try {
        parse_count_flows(text(content, "count-flows.txt"));
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

TEST_CASE("the count-flows reader refuses wrong totals, truncation and garbage") {
    const std::string block = "Datapath: \"ls1\" (" + kUuidA + ")  Pipeline: ingress\n"
                              "  table=0 (ls_in_check_port_sec) lflows=3\n"
                              "  table=1 (ls_in_apply_port_sec) lflows=2\n";
    const std::string total = "Total number of logical flows in the datapath \"ls1\" (" + kUuidA + ") Pipeline: ingress = 5\n\n";
    CHECK(parse_count_flows(text(block + total + "Total number of logical flows = 5\n")).total == 5);
    CHECK(parse_count_flows(text("Total number of logical flows = 0\n")).pipelines.empty());
    CHECK(count_flows_error(block + total + "Total number of logical flows = 6\n") ==
          "count-flows.txt:6:33: total 6 is not the sum of the datapath totals (5)");
    CHECK(count_flows_error(block + "Total number of logical flows in the datapath \"ls1\" (" + kUuidA +
                            ") Pipeline: ingress = 4\n") ==
          "count-flows.txt:4:112: datapath total 4 is not the sum of its tables (5)");
    CHECK(count_flows_error(block + "Total number of logical flows in the datapath \"ls2\" (" + kUuidA +
                            ") Pipeline: ingress = 5\n") ==
          "count-flows.txt:4:1: total of another datapath or pipeline than its block's header");
    CHECK(count_flows_error(block + total) ==
          "count-flows.txt:6:1: no `Total number of logical flows = N` line: not complete count-flows output");
    CHECK(count_flows_error(block.substr(0, block.size() - 10)) ==
          "count-flows.txt:3:32: expected \") lflows=\"");
    CHECK(count_flows_error("  table=0 (ls_in_check_port_sec) lflows=3\n") ==
          "count-flows.txt:1:1: table line outside a `Datapath:` block");
    CHECK(count_flows_error(block + "  table=0 (ls_in_check_port_sec) lflows=3\n") ==
          "count-flows.txt:4:1: table 0 listed after table 1");
    CHECK(count_flows_error("hello\n") == "count-flows.txt:1:1: unrecognised line: expected count-flows output");
    CHECK(count_flows_error("") ==
          "count-flows.txt:1:1: no `Total number of logical flows = N` line: not complete count-flows output");
}

}  // namespace
}  // namespace ovnsim
