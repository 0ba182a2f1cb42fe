// parse_lflow_dump: every real dump of the shared corpora, each format edge of
// ovn-reference.md §1.1 on synthetic input, and each kind of bad input.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "parser/lflow_dump.hpp"
#include "tests/unit/lflow_test_corpora.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

using test::text;

constexpr const char* kUuid1 = "a0bce76c-ee01-40b9-9d8d-c155edb2fb39";
constexpr const char* kUuid2 = "b970f20b-031e-455e-b4ec-8f57fb645e41";

std::string header(const std::string& names, const std::string& uuid, const std::string& pipeline) {
    return "Datapath: " + names + " (" + uuid + ")  Pipeline: " + pipeline + "\n";
}

// The flow line as ovn-sbctl prints it (utilities/ovn-sbctl.c: cmd_lflow_list).
std::string render(const LflowDump& dump, const DumpFlow& flow) {
    char buf[64];
    std::string line = "  ";
    if (flow.has_uuid) {
        std::snprintf(buf, sizeof buf, "uuid=0x%08x, ", flow.uuid);
        line += buf;
    }
    std::snprintf(buf, sizeof buf, "table=%-2u(%-19s", unsigned{flow.table}, std::string(dump.stage_name(flow)).c_str());
    line += buf;
    if (dump.stage_name(flow).size() > 19) line.replace(line.rfind('(') + 1, std::string::npos, dump.stage_name(flow));
    std::snprintf(buf, sizeof buf, "), priority=%-5u, match=(", unsigned{flow.priority});
    line += buf;
    line.append(flow.match).append("), action=(").append(flow.actions).append(")");
    return line;
}

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t begin = 0; begin < text.size();) {
        auto end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return lines;
}

// Parses a real dump and checks it against the file independently of the reader: one flow
// per `  table=`/`  uuid=` line, each line re-printed byte for byte from the parsed fields.
void check_real_dump(const std::filesystem::path& path) {
    CAPTURE(path.string());
    Diagnostics problems;
    const LflowDump dump = parse_lflow_dump(TextFile::read(path.string()), problems);
    for (const auto& p : problems) FAIL_CHECK(p.to_string());
    CHECK(problems.empty());

    const auto lines = lines_of(dump.file->text());
    std::size_t flow_lines = 0;
    for (const auto line : lines) flow_lines += line.starts_with("  table=") || line.starts_with("  uuid=");
    CHECK(dump.flows.size() == flow_lines);
    CHECK(flow_lines > 0);

    std::size_t mismatches = 0;
    for (const auto& flow : dump.flows) {
        const auto line = lines.at(flow.line - 1);
        if (render(dump, flow) != line || line.substr(flow.match_column - 1, flow.match.size()) != flow.match ||
            line.substr(flow.actions_column - 1, flow.actions.size()) != flow.actions || flow.actions_line != flow.line) {
            if (++mismatches <= 3) FAIL_CHECK("line " << flow.line << " re-prints as\n" << render(dump, flow));
        }
    }
    CHECK(mismatches == 0);
    for (const auto& dp : dump.datapaths) {
        CHECK(lines.at(dp.loc.line - 1).starts_with(header("\"" + dp.name + "\"", dp.uuid, "").substr(0, 48)));
    }
    CHECK(dump.trailer.empty());
    CHECK(dump.openflow_lines == 0);
}

TEST_CASE("every plain lflow dump of the shared corpora parses completely and re-prints byte for byte") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto dumps = test::plain_lflow_dumps(*corpora);
    CHECK(dumps.size() >= 18);
    for (const auto& path : dumps) check_real_dump(path);
}

TEST_CASE("every compressed lflow dump of the shared corpora parses completely and re-prints byte for byte") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    const auto dumps = test::compressed_lflow_dumps(*corpora);
    CHECK(dumps.size() >= 4);
    for (const auto& path : dumps) check_real_dump(test::decompressed(path));
}

TEST_CASE("the --uuid and plain dumps of a bundle hold the same flows") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    int bundles = 0;
    for (const auto& plain_path : test::plain_lflow_dumps(*corpora)) {
        const auto uuid_path = plain_path.parent_path() / "lflows-uuid.txt";
        if (plain_path.filename() != "lflows.txt" || !std::filesystem::exists(uuid_path)) continue;
        CAPTURE(plain_path.string());
        ++bundles;
        const auto plain = read_lflow_dump(plain_path.string());
        const auto with_uuid = read_lflow_dump(uuid_path.string());
        REQUIRE(plain.flows.size() == with_uuid.flows.size());
        for (std::size_t i = 0; i < plain.flows.size(); ++i) {
            const auto& a = plain.flows[i];
            const auto& b = with_uuid.flows[i];
            CHECK_FALSE(a.has_uuid);
            CHECK(b.has_uuid);
            CHECK(plain.datapaths[a.datapath].uuid == with_uuid.datapaths[b.datapath].uuid);
            CHECK(((a.pipeline == b.pipeline) && (a.table == b.table) && (a.priority == b.priority)));
            CHECK(plain.stage_name(a) == with_uuid.stage_name(b));
            CHECK(a.match == b.match);
            CHECK(a.actions == b.actions);
        }
    }
    CHECK(bundles >= 9);
}

TEST_CASE("the uuids of a --uuid dump are the first 32 bits of the SB Logical_Flow rows") {
    const auto corpora = test::shared_corpora_or_skip();
    if (!corpora) return;
    int bundles = 0;
    for (const auto& path : test::plain_lflow_dumps(*corpora)) {
        const auto json_path = path.parent_path() / "sb" / "Logical_Flow.json";
        if (path.filename() != "lflows-uuid.txt" || !std::filesystem::exists(json_path)) continue;
        CAPTURE(path.string());
        ++bundles;
        std::set<std::uint32_t> sb_uuids;
        const auto table = nlohmann::json::parse(std::ifstream(json_path));
        for (const auto& row : table.at("data")) {
            sb_uuids.insert(static_cast<std::uint32_t>(std::stoul(row.at(0).at(1).get<std::string>().substr(0, 8), nullptr, 16)));
        }
        std::set<std::uint32_t> dump_uuids;
        for (const auto& flow : read_lflow_dump(path.string()).flows) dump_uuids.insert(flow.uuid);
        CHECK(dump_uuids == sb_uuids);
    }
    CHECK(bundles >= 5);
}

// --- format edges -------------------------------------------------------------------------

TEST_CASE("datapath headers: plain, aka and unnamed") {
    const auto dump = parse_lflow_dump(text(header("\"ls1\" aka \"net-1\"", kUuid1, "ingress") +
                                            "  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\n" +
                                            "Datapath:  (" + kUuid2 + ")  Pipeline: egress\n" +
                                            "  table=0 (ls_out_pre_acl     ), priority=0    , match=(1), action=(next;)\n"));
    REQUIRE(dump.datapaths.size() == 2);
    CHECK(dump.datapaths[0].name == "ls1");
    CHECK(dump.datapaths[0].name2 == "net-1");
    CHECK(dump.datapaths[0].uuid == kUuid1);
    CHECK(dump.datapaths[0].loc == SourceLoc{1, 1});
    CHECK(dump.datapaths[1].name.empty());
    CHECK(dump.datapaths[1].name2.empty());
    CHECK(dump.datapaths[1].uuid == kUuid2);
    REQUIRE(dump.flows.size() == 2);
    CHECK(dump.flows[0].datapath == 0);
    CHECK(dump.flows[0].pipeline == Pipeline::Ingress);
    CHECK(dump.flows[1].datapath == 1);
    CHECK(dump.flows[1].pipeline == Pipeline::Egress);
}

TEST_CASE("flow lines: --uuid, wide tables, long and empty stage names, padding") {
    const auto dump = parse_lflow_dump(text(
        header("\"ls1\"", kUuid1, "ingress") +
        "  uuid=0x1a2b3c4d, table=9 (ls_in_acl_eval     ), priority=1001 , match=(reg0[7] == 1 && (1)), action=(reg8[16] = 1; next;)\n"
        "  table=21(ls_in_acl_after_lb_sample), priority=65535, match=(1), action=(next;)\n"
        "  table=300(                   ), priority=0    , match=(1), action=()\n"));
    REQUIRE(dump.flows.size() == 3);
    const auto& eval = dump.flows[0];
    CHECK(eval.has_uuid);
    CHECK(eval.uuid == 0x1a2b3c4du);
    CHECK(eval.table == 9);
    CHECK(eval.priority == 1001);
    CHECK(dump.stage_name(eval) == "ls_in_acl_eval");
    CHECK(eval.match == "reg0[7] == 1 && (1)");
    CHECK(eval.actions == "reg8[16] = 1; next;");
    CHECK(dump.match_loc(eval) == SourceLoc{2, 74});
    CHECK(dump.actions_loc(eval) == SourceLoc{2, 104});
    CHECK(dump.flows[1].table == 21);
    CHECK(dump.stage_name(dump.flows[1]) == "ls_in_acl_after_lb_sample");
    CHECK(dump.flows[1].priority == 65535);
    CHECK_FALSE(dump.flows[1].has_uuid);
    CHECK(dump.flows[2].table == 300);
    CHECK(dump.stage_name(dump.flows[2]).empty());
    CHECK(dump.flows[2].actions.empty());
    CHECK(dump.stage_names.size() == 3);
}

TEST_CASE("match and actions split on `), action=(` outside JSON strings only") {
    const auto dump = parse_lflow_dump(text(
        header("\"ls1\"", kUuid1, "ingress") +
        R"(  table=9 (ls_in_acl_eval     ), priority=2000 , match=(inport == "a), action=(b" && ip), action=(log(name="x), action=(y", severity=info, verdict=allow); next;))" "\n"
        R"(  table=9 (ls_in_acl_eval     ), priority=1999 , match=(outport == "q\"), action=(\\" && ip), action=(log(name="\"(\\"); reject { next(pipeline=egress,table=9); };))" "\n"));
    REQUIRE(dump.flows.size() == 2);
    CHECK(dump.flows[0].match == R"(inport == "a), action=(b" && ip)");
    CHECK(dump.flows[0].actions == R"(log(name="x), action=(y", severity=info, verdict=allow); next;)");
    CHECK(dump.flows[1].match == R"(outport == "q\"), action=(\\" && ip)");
    CHECK(dump.flows[1].actions == R"(log(name="\"(\\"); reject { next(pipeline=egress,table=9); };)");
}

TEST_CASE("flows of a datapath group are read once under each datapath") {
    const std::string flow = "  table=0 (ls_in_check_port_sec), priority=100  , match=(eth.src[40]), action=(drop;)\n";
    const auto dump = parse_lflow_dump(text(header("\"node1\"", kUuid1, "ingress") + flow +
                                            header("\"node2\"", kUuid2, "ingress") + flow));
    REQUIRE(dump.flows.size() == 2);
    CHECK(dump.flows[0].datapath == 0);
    CHECK(dump.flows[1].datapath == 1);
    CHECK(dump.flows[0].match == dump.flows[1].match);
    CHECK(dump.flows[0].stage == dump.flows[1].stage);
}

TEST_CASE("--ovs OpenFlow lines are skipped and counted") {
    const auto dump = parse_lflow_dump(text(
        header("\"ls1\"", kUuid1, "ingress") +
        "  uuid=0x1a2b3c4d, table=0 (ls_in_check_port_sec), priority=100  , match=(eth.src[40]), action=(drop;)\n"
        "    table=8 metadata=0x1,dl_src=01:00:00:00:00:00/01:00:00:00:00:00 actions=drop\n"
        "     cookie=0x1a2b3c4d, duration=5.1s, table=8, n_packets=0, n_bytes=0, idle_age=5, priority=100,metadata=0x1 actions=drop\n"
        "  uuid=0x5e6f7a8b, table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\n"));
    CHECK(dump.flows.size() == 2);
    CHECK(dump.openflow_lines == 2);
    CHECK(dump.flows[1].line == 5);
}

TEST_CASE("--vflows trailer sections are kept as records") {
    const auto dump = parse_lflow_dump(text(
        header("\"ls1\"", kUuid1, "ingress") +
        "  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\n"
        "\nPort Bindings:\n"
        "  uuid=0x11111111, datapath=\"ls1\", logical_port=vif1, tunnel_key=1    \n"
        "    table=0 in_port=5 actions=load:0x1->NXM_NX_REG13[]\n"
        "  datapath=\"ls1\", logical_port=vif2, tunnel_key=2    \n"
        "\nMAC Bindings:\n"
        "  datapath=\"lr0\", logical_port=lrp0, ip=10.0.0.5, mac=0a:00:00:00:00:05\n"
        "\nMC Groups:\n"
        "  datapath=\"ls1\", name=_MC_flood, tunnel_key=32768, ports=(vif1, vif2)\n"
        "\nChassis:\n"
        "  name=chassis-1\n"
        "\nLoad Balancers:\n"
        "  name=\"lb1\", protocol=\"tcp\", datapath=\"ls1\", \n"
        "  vips:\n"
        "    10.96.0.1:80 = 10.244.1.4:8080,10.244.2.6:8080\n"
        "    10.96.0.2:53 = 10.244.1.5:53\n"
        "\n"
        "    table=15 ct_state=+new+trk,tcp,nw_dst=10.96.0.1,tp_dst=80 actions=group:1\n"
        "  name=\"lb2\", protocol=\"udp\", \n"
        "  vips:\n"
        "    10.96.0.3:53 = 10.244.1.6:53\n"
        "\n"));
    CHECK(dump.flows.size() == 1);
    REQUIRE(dump.trailer.size() == 7);
    CHECK(dump.trailer[0].section == TrailerSection::PortBindings);
    CHECK(dump.trailer[0].text == "uuid=0x11111111, datapath=\"ls1\", logical_port=vif1, tunnel_key=1");
    CHECK(dump.trailer[0].line == 5);
    CHECK(dump.trailer[1].text == "datapath=\"ls1\", logical_port=vif2, tunnel_key=2");
    CHECK(dump.trailer[2].section == TrailerSection::MacBindings);
    CHECK(dump.trailer[3].section == TrailerSection::McGroups);
    CHECK(dump.trailer[3].text == "datapath=\"ls1\", name=_MC_flood, tunnel_key=32768, ports=(vif1, vif2)");
    CHECK(dump.trailer[4].section == TrailerSection::Chassis);
    CHECK(dump.trailer[4].text == "name=chassis-1");
    CHECK(dump.trailer[5].section == TrailerSection::LoadBalancers);
    CHECK(dump.trailer[5].text ==
          "name=\"lb1\", protocol=\"tcp\", datapath=\"ls1\", \n  vips:\n"
          "    10.96.0.1:80 = 10.244.1.4:8080,10.244.2.6:8080\n    10.96.0.2:53 = 10.244.1.5:53");
    CHECK(dump.trailer[6].text == "name=\"lb2\", protocol=\"udp\", \n  vips:\n    10.96.0.3:53 = 10.244.1.6:53");
    CHECK(dump.openflow_lines == 2);
    CHECK(to_string(TrailerSection::LoadBalancers) == "Load Balancers");
}

TEST_CASE("a match or an action holding raw newlines continues on the next lines") {
    const auto dump = parse_lflow_dump(text(
        header("\"ls1\"", kUuid1, "ingress") +
        "  table=9 (ls_in_acl_eval     ), priority=2001 , match=(ip4 &&\n"
        "\n"
        "   tcp.dst == 80), action=(log(name=\"two\n"
        "lines\"); next;)\n"
        "    table=17 ip actions=drop\n"
        "  table=9 (ls_in_acl_eval     ), priority=2000 , match=(inport == \"multi\n"
        "line\"), action=(next;)\n"
        "  table=9 (ls_in_acl_eval     ), priority=1999 , match=(1), action=(ct_commit {\n"
        "  ct_label.label = 1; }; next;)\n"));
    REQUIRE(dump.flows.size() == 3);
    const auto& first = dump.flows[0];
    CHECK(first.match == "ip4 &&\n\n   tcp.dst == 80");
    CHECK(first.actions == "log(name=\"two\nlines\"); next;");
    CHECK(first.line == 2);
    CHECK(dump.match_loc(first) == SourceLoc{2, 57});  // just after `match=(`
    CHECK(dump.actions_loc(first) == SourceLoc{4, 28});  // just after `action=(`
    CHECK(dump.loc_in(first, first.actions.data() + first.actions.find("lines")) == SourceLoc{5, 1});
    CHECK(dump.openflow_lines == 1);
    CHECK(dump.flows[1].line == 7);
    CHECK(dump.flows[1].match == "inport == \"multi\nline\"");
    CHECK(dump.actions_loc(dump.flows[1]) == SourceLoc{8, 17});
    CHECK(dump.flows[2].line == 9);
    CHECK(dump.flows[2].actions == "ct_commit {\n  ct_label.label = 1; }; next;");
}

TEST_CASE("CRLF line ends are accepted") {
    const auto dump = parse_lflow_dump(text("Datapath: \"ls1\" (" + std::string(kUuid1) + ")  Pipeline: ingress\r\n" +
                                            "  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\r\n"));
    REQUIRE(dump.flows.size() == 1);
    CHECK(dump.flows[0].actions == "next;");
}

TEST_CASE("100 000 nested parentheses in a match are only text to the reader") {
    const std::string deep = std::string(100000, '(') + "1" + std::string(100000, ')');
    const auto dump = parse_lflow_dump(text(header("\"ls1\"", kUuid1, "ingress") +
                                            "  table=0 (ls_in_check_port_sec), priority=50   , match=(" + deep +
                                            "), action=(next;)\n"));
    REQUIRE(dump.flows.size() == 1);
    CHECK(dump.flows[0].match == deep);
}

// --- bad input ----------------------------------------------------------------------------

// The error parse_lflow_dump throws for `content`, as "FILE:LINE:COL: message".
std::string error_of(const std::string& content) {
    try {
        parse_lflow_dump(text(content));
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

const std::string kHeader = header("\"ls1\"", kUuid1, "ingress");
const std::string kFlow = "  table=9 (ls_in_acl_eval     ), priority=1001 , match=(reg0[7] == 1 && (1)), action=(reg8[16] = 1; next;)\n";

TEST_CASE("bad input: empty, headerless and garbage files") {
    CHECK(error_of("") == "dump.txt:1:1: empty file: expected `ovn-sbctl dump-flows` output");
    CHECK(error_of("\n\n") == "dump.txt:1:1: no `Datapath:` header: not `ovn-sbctl dump-flows` output");
    CHECK(error_of("hello world\n") ==
          "dump.txt:1:1: unrecognised line: expected `Datapath:`, a flow line (`  table=`, `  uuid=`) or a `--vflows` section");
    CHECK(error_of(kHeader + kFlow + "  this is not a flow\n" + kFlow) ==
          "dump.txt:3:1: unrecognised line: expected `Datapath:`, a flow line (`  table=`, `  uuid=`) or a `--vflows` section");
    CHECK(error_of(kFlow) == "dump.txt:1:1: flow line before any `Datapath:` header");
    CHECK(error_of("    table=8 actions=drop\n") ==
          "dump.txt:1:1: unrecognised line: expected `Datapath:`, a flow line (`  table=`, `  uuid=`) or a `--vflows` section");
}

TEST_CASE("bad input: lines cut in half") {
    const std::string cut_in_actions = kFlow.substr(0, kFlow.size() - 8);  // "...reg8[16] = 1; ne"
    CHECK(error_of(kHeader + cut_in_actions) ==
          "dump.txt:2:" + std::to_string(cut_in_actions.size() + 1) + ": flow line cut short: its actions are not closed by `)`");
    CHECK(error_of(kHeader + cut_in_actions + "\n" + kFlow) ==
          "dump.txt:2:" + std::to_string(cut_in_actions.size() + 1) + ": flow line cut short: its actions are not closed by `)`");
    const std::string cut_in_match = kFlow.substr(0, 70);
    CHECK(error_of(kHeader + kFlow + cut_in_match) ==
          "dump.txt:3:71: flow line cut short: its match is not closed by `), action=(`");
    CHECK(error_of(kHeader + "  table=9 (ls_in_ac") == "dump.txt:2:20: bad flow line: expected ')'");
    CHECK(error_of(kHeader.substr(0, 40)) == "dump.txt:1:18: bad `Datapath:` header: expected UUID (8-4-4-4-12 hex digits)");
}

TEST_CASE("bad input: unbalanced quotes") {
    CHECK(error_of(kHeader + "  table=0 (ls_in_check_port_sec), priority=50   , match=(inport == \"vif1), action=(next;)\n" + kFlow) ==
          "dump.txt:2:68: unterminated string literal: this '\"' is never closed");
    CHECK(error_of(kHeader + "  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(log(name=\"x); next;)\n") ==
          "dump.txt:2:79: unterminated string literal: this '\"' is never closed");
}

TEST_CASE("bad input: malformed headers and flow prefixes name the column") {
    CHECK(error_of("Datapath: \"ls1\" (not-a-uuid)  Pipeline: ingress\n" + kFlow) ==
          "dump.txt:1:18: bad `Datapath:` header: expected UUID (8-4-4-4-12 hex digits)");
    CHECK(error_of(header("\"ls1\"", kUuid1, "sideways") + kFlow) ==
          "dump.txt:1:67: bad `Datapath:` header: expected `ingress` or `egress`");
    CHECK(error_of("Datapath: \"ls1\" (" + std::string(kUuid1) + ") Pipeline: ingress\n") ==
          "dump.txt:1:54: bad `Datapath:` header: expected \")  Pipeline: \"");
    CHECK(error_of(kHeader + "  table=9 (ls_in_acl_eval     ), priority=high , match=(1), action=(next;)\n") ==
          "dump.txt:2:43: bad flow line: expected priority (0-65535)");
    CHECK(error_of(kHeader + "  table=70000(ls_in_acl_eval     ), priority=1 , match=(1), action=(next;)\n") ==
          "dump.txt:2:9: bad flow line: expected table number (0-65535)");
    CHECK(error_of(kHeader + "  uuid=0x1a2b3c4, table=9 (ls_in_acl_eval     ), priority=1 , match=(1), action=(next;)\n") ==
          "dump.txt:2:10: bad flow line: expected 8 hex digits");
    CHECK(error_of(kHeader + "  table=9 (ls_in_acl_eval     ) priority=1 , match=(1), action=(next;)\n") ==
          "dump.txt:2:32: bad flow line: expected \", priority=\"");
    CHECK(error_of(header("\"ls1\"", kUuid1, "ingress") + kFlow + header("\"ls2\"", kUuid1, "egress") + kFlow) ==
          "dump.txt:3:1: datapath a0bce76c-ee01-40b9-9d8d-c155edb2fb39 is named \"ls2\" here but \"ls1\" at line 1");
}

TEST_CASE("bad input: binary data and invalid UTF-8 are refused with their location") {
    const auto error_of_bytes = [](std::string bytes) -> std::string {
        try {
            parse_lflow_dump(text(std::move(bytes)));
        } catch (const InputError& e) {
            return e.what();
        }
        return "no error";
    };
    CHECK(error_of_bytes(kHeader + "  table=0 (ls_in_" + std::string(1, '\0') + "x") ==
          "dump.txt:2:18: binary data (NUL byte): not a text dump");
    CHECK(error_of_bytes(kHeader + kFlow + "\xff\xfe garbage") == "dump.txt:3:1: invalid UTF-8 byte sequence");
}

TEST_CASE("the collecting reader reports every problem and keeps the good flows") {
    Diagnostics problems;
    const auto dump = parse_lflow_dump(text(kHeader + kFlow + "garbage\n" + kFlow +
                                            "  table=9 (ls_in_acl_eval     ), priority=x, match=(1), action=(next;)\n" +
                                            "  table=9 (ls_in_acl_eval     ), priority=1 , match=(\"open), action=(next;)\n" +
                                            kFlow + "Datapath: broken\n" + kFlow + kFlow + kHeader + kFlow),
                                       problems);
    REQUIRE(problems.size() == 4);
    CHECK(problems[0].to_string() ==
          "dump.txt:3:1: unrecognised line: expected `Datapath:`, a flow line (`  table=`, `  uuid=`) or a `--vflows` section");
    CHECK(problems[1].to_string() == "dump.txt:5:43: bad flow line: expected priority (0-65535)");
    CHECK(problems[2].to_string() == "dump.txt:6:54: unterminated string literal: this '\"' is never closed");
    CHECK(problems[3].to_string() == "dump.txt:8:11: bad `Datapath:` header: expected \" (\"");
    // Lines 2, 4, 7 and 12 are good; 9 and 10 sit under the bad header of line 8.
    REQUIRE(dump.flows.size() == 4);
    CHECK(dump.flows[0].line == 2);
    CHECK(dump.flows[1].line == 4);
    CHECK(dump.flows[2].line == 7);
    CHECK(dump.flows[3].line == 12);
}

TEST_CASE("the collecting reader stops after kMaxLflowDumpDiagnostics problems") {
    std::string garbage;
    for (int i = 0; i < 5000; ++i) garbage += "garbage\n";
    Diagnostics problems;
    parse_lflow_dump(text(kHeader + garbage), problems);
    REQUIRE(problems.size() == kMaxLflowDumpDiagnostics);
    CHECK(problems.back().to_string() == "dump.txt:1001:1: too many problems; the rest of the file is not checked");
}

}  // namespace
}  // namespace ovnsim
