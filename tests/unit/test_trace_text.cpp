// The text printers on real traces:
//  - with ovn_trace_only they lay every trace of the bundled corpora out as ovn-trace did
//    (the same tables, titles, underlines, blank lines, indentation, outputs and LOG lines
//    for --detailed; the same braces for --summary; the same lines for --minimal), given
//    the same packet, the same --ct states and ovn-trace's handoff rules;
//  - without it they add the conntrack, samples, verdict and ACL of the talk's handshake;
//  - the table printer gives one row per table ovn-trace shows, with the zone's entries.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "sim/bundle.hpp"
#include "sim/conntrack_types.hpp"
#include "sim/report/trace_table.hpp"
#include "sim/report/trace_text.hpp"
#include "sim/report/trace_text_tree.hpp"
#include "sim/trace_session.hpp"
#include "tests/unit/test_support.hpp"

using namespace ovnsim;
namespace fs = std::filesystem;

namespace {

// `$ ovn-trace [--summary|--minimal|--detailed] --ct=A --ct=B DATAPATH 'MICROFLOW'`.
struct CorpusCommand {
    TraceTextStyle style = TraceTextStyle::detailed;
    std::vector<std::uint8_t> ct;
    std::string datapath;
    std::string microflow;
};

CorpusCommand parse_command(const std::string& line) {
    CorpusCommand c;
    const auto quote = line.find('\'');
    REQUIRE(quote != std::string::npos);
    c.microflow = line.substr(quote + 1, line.rfind('\'') - quote - 1);
    std::istringstream words(line.substr(0, quote));
    std::string word;
    while (words >> word) {
        if (word == "--summary") c.style = TraceTextStyle::summary;
        else if (word == "--minimal") c.style = TraceTextStyle::minimal;
        else if (word.rfind("--ct=", 0) == 0) c.ct.push_back(parse_ct_flags(word.substr(5)));
        else if (word != "$" && word != "ovn-trace" && word != "--detailed") c.datapath = word;
    }
    return c;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// ovn-trace's lines with what ovnsim does not reproduce taken out: the northd source of a
// table (`(northd.c:6490)`, not in a dump), and action lines, which ovnsim prints in its own
// canonical form (26.03's ovn-trace prints `ct_next(dnat);` for `ct_next;`).
std::string layout(const std::string& text) {
    static const std::regex source(R"( \([a-z_-]+\.c:\d+\): )");
    static const std::regex table_line(R"(^ *\d+\. )");
    std::istringstream in(text);
    std::string out, line;
    while (std::getline(in, line)) {
        if (line.rfind("$ ", 0) == 0 || line.rfind("# ", 0) == 0) continue;
        line = std::regex_replace(line, source, ": ");
        const auto body = line.find_first_not_of(' ');
        const std::string trimmed = body == std::string::npos ? "" : line.substr(body);
        const bool keep = trimmed.empty() || std::regex_search(line, table_line) || trimmed.rfind("/* output", 0) == 0 ||
                          trimmed.rfind("LOG: ", 0) == 0 || trimmed.rfind("ingress(", 0) == 0 ||
                          trimmed.rfind("egress(", 0) == 0 || trimmed.rfind("ct_", 0) == 0 || trimmed[0] == '-' ||
                          trimmed[0] == '}' || trimmed.rfind("output(", 0) == 0 || trimmed.rfind("tcp_reset", 0) == 0 ||
                          trimmed.rfind("icmp", 0) == 0 || trimmed.rfind("multicast(", 0) == 0;
        const bool ct_action = trimmed.rfind("ct_", 0) == 0 && trimmed.back() == ';';
        if (keep && !ct_action) out += line + '\n';
    }
    return out;
}

std::string trace_text(const std::shared_ptr<const Bundle>& bundle, const TraceRequest& request, TraceTextOptions options) {
    std::ostringstream out;
    TraceTextPrinter printer(out, std::move(options));
    run_trace(bundle, request, &printer);
    return out.str();
}

const std::string kTalkSyn =
    "inport == \"vif1\" && eth.src == 0a:58:0a:f4:01:04 && eth.dst == 0a:58:0a:f4:02:06 && ip4.src == 10.244.1.4 && "
    "ip4.dst == 10.244.2.6 && ip.ttl == 64 && tcp && tcp.src == 40000 && tcp.dst == 8080 && tcp.flags == 0x002";

}  // namespace

TEST_CASE("ovn-trace's layout for every trace of the bundled corpora") {
    std::size_t traces = 0;
    for (const auto& version : fs::directory_iterator(test::bundled_corpora())) {
        if (!version.is_directory()) continue;
        for (const auto& scenario : fs::directory_iterator(version.path())) {
            const fs::path dir = scenario.path() / "traces";
            if (!fs::is_directory(dir)) continue;
            const auto bundle = Bundle::load(scenario.path().string());
            for (const auto& file : fs::directory_iterator(dir)) {
                const std::string expected = read_file(file.path());
                const CorpusCommand command = parse_command(expected.substr(0, expected.find('\n')));
                CAPTURE(file.path().string());
                TraceRequest request;
                request.packet.datapath = command.datapath;
                request.packet.microflow = command.microflow;
                request.options.forced_ct = command.ct;
                request.options.handoff = PipelineHandoff::ovn_trace;
                request.options.trace_generated = true;
                request.options.fill_defaults = false;
                TraceTextOptions options;
                options.style = command.style;
                options.ovn_trace_only = true;
                const std::string actual = trace_text(bundle, request, options);
                // The flow line is exactly ovn-trace's.
                const auto flow = expected.find("\n# ");
                REQUIRE(flow != std::string::npos);
                CHECK(actual.substr(0, actual.find('\n')) == expected.substr(flow + 1, expected.find('\n', flow + 1) - flow - 1));
                CHECK(layout(actual) == layout(expected));
                ++traces;
            }
        }
    }
    CHECK(traces >= 40);
}

TEST_CASE("the talk's handshake in detail: zones, entries, samples, verdicts and the ACL") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    TraceRequest request;
    request.packet.datapath = "ls1";
    request.packet.microflow = kTalkSyn;
    request.conversation = Conversation::handshake;
    const std::string text = trace_text(bundle, request, {});

    // Three packets, each with its header and verdict.
    CHECK(text.find("# syn: ls1 'inport == \"vif1\"") == 0);
    CHECK(text.find("\n# syn+ack: ls1") != std::string::npos);
    CHECK(text.find("\n# ack: ls1") != std::string::npos);
    std::size_t verdicts = 0;
    for (auto at = text.find("# verdict: output to \""); at != std::string::npos; at = text.find("# verdict: output to \"", at + 1))
        ++verdicts;
    CHECK(verdicts == 3);
    // What ovn-trace cannot show.
    CHECK(text.find("/* zone 1 (vif1): no entry for tcp 10.244.1.4:40000 > 10.244.2.6:8080: ct_state=new|trk */") !=
          std::string::npos);
    CHECK(text.find("/* ct_commit in zone 1 (vif1): new entry tcp 10.244.1.4:40000 > 10.244.2.6:8080") != std::string::npos);
    CHECK(text.find("ct_label.obs_point_id=1012") != std::string::npos);
    CHECK(text.find("/* sample: obs_domain_id=") != std::string::npos);
    CHECK(text.find("obs_point_id=1011") != std::string::npos);
    CHECK(text.find("reply direction of tcp 10.244.1.4:40000 > 10.244.2.6:8080") != std::string::npos);
    CHECK(text.find("ct_state=est|rpl|trk") != std::string::npos);
    CHECK(text.find("# acl: ACL ") != std::string::npos);
    CHECK(text.find("allow-related (inport == \"vif1\" && ip4.dst == 10.244.2.6)") != std::string::npos);
    CHECK(text.find("# conntrack after the packet:\n#   zone 1 (vif1):\n#     tcp 10.244.1.4:40000 > 10.244.2.6:8080") !=
          std::string::npos);
}

TEST_CASE("summary and minimal keep ovnsim's facts as comments; minimal only the visible ones") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    TraceRequest request;
    request.packet.datapath = "ls1";
    request.packet.microflow = kTalkSyn;
    const std::string summary = trace_text(bundle, request, {TraceTextStyle::summary});
    CHECK(summary.find("ingress(dp=\"ls1\", inport=\"vif1\") {\n") != std::string::npos);
    CHECK(summary.find("/* ct_commit in zone") != std::string::npos);
    CHECK(summary.find("/* sample: ") != std::string::npos);
    const std::string minimal = trace_text(bundle, request, {TraceTextStyle::minimal});
    CHECK(minimal.find("ct_next(ct_state=new|trk) {\n") != std::string::npos);
    CHECK(minimal.find("output(\"vif2\");") != std::string::npos);
    CHECK(minimal.find("/* sample: ") != std::string::npos);
    CHECK(minimal.find("/* ct_commit") == std::string::npos);
    CHECK(minimal.find("ingress(") == std::string::npos);
}

TEST_CASE("the table: one row per table ovn-trace shows, the zone's entries after the commit") {
    const auto bundle = Bundle::load((test::bundled_corpora() / "ovn-26.03/talk").string());
    TraceRequest request;
    request.packet.datapath = "ls1";
    request.packet.microflow = kTalkSyn;
    std::ostringstream out;
    TraceTablePrinter printer(out);
    const TraceResult result = run_trace(bundle, request, &printer);
    const std::string text = out.str();
    std::size_t shown = 0;
    for (const TraceHop& hop : result.packets.at(0).hops) shown += !hop.ovn_trace_omits;
    std::size_t rows = 0;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) rows += std::regex_search(line, std::regex(R"(^\d+ +ls1 +(in|out) )"));
    CHECK(rows == shown);
    CHECK(text.find("ls_in_stateful") != std::string::npos);
    CHECK(text.find("commit (new entry)") != std::string::npos);
    CHECK(text.find("vif1 (1)") != std::string::npos);
    CHECK(text.find("tcp 10.244.1.4:40000 > 10.244.2.6:8080, new (no reply seen)") != std::string::npos);
    CHECK(text.find("verdict: output to \"vif2\"") != std::string::npos);
}

TEST_CASE("the tree layout: a title that is not its parent's last child indents, multicast copies always do") {
    // ovn-trace's ovntrace_node_print_details: a node is indented one level more than its
    // parent unless it is a title or table that is its parent's last child; titles get a
    // blank line before them and dashes under them.
    TraceNode root;
    TraceNode* ingress = root.add(TraceNodeType::pipeline, "ingress(dp=\"ls\", inport=\"a\")");
    TraceNode* table = ingress->add(TraceNodeType::table, " 1. s: 1, priority 1");
    table->add(TraceNodeType::action, "clone { next; };");
    TraceNode* clone = table->add(TraceNodeType::transformation, "clone");
    clone->add(TraceNodeType::table, " 2. t: ip, priority 5")->add(TraceNodeType::action, "drop;");
    table->add(TraceNodeType::action, "output;");
    TraceNode* group = table->add(TraceNodeType::pipeline, "multicast(dp=\"ls\", mcgroup=\"_MC_flood\")");
    TraceNode* copy = group->add(TraceNodeType::pipeline, "egress(dp=\"ls\", inport=\"a\", outport=\"a\")");
    copy->always_indent = true;
    copy->add(TraceNodeType::output, "/* omitting output because inport == outport && !flags.loopback */");
    table->add(TraceNodeType::modify, "eth.dst = 00:00:00:00:00:01");
    CHECK(render_detailed(root) ==
          "\ningress(dp=\"ls\", inport=\"a\")\n"
          "----------------------------\n"
          " 1. s: 1, priority 1\n"
          "    clone { next; };\n"
          "\n"
          "    clone\n"
          "    -----\n"
          "         2. t: ip, priority 5\n"
          "            drop;\n"
          "    output;\n"
          "\n"
          "    multicast(dp=\"ls\", mcgroup=\"_MC_flood\")\n"
          "    ---------------------------------------\n"
          "\n"
          "            egress(dp=\"ls\", inport=\"a\", outport=\"a\")\n"
          "            ----------------------------------------\n"
          "                    /* omitting output because inport == outport && !flags.loopback */\n");
    CHECK(render_summary(root) ==
          "ingress(dp=\"ls\", inport=\"a\") {\n"
          "    clone { next; };\n"
          "    clone {\n"
          "        drop;\n"
          "    };\n"
          "    output;\n"
          "    multicast(dp=\"ls\", mcgroup=\"_MC_flood\") {\n"
          "        egress(dp=\"ls\", inport=\"a\", outport=\"a\") {\n"
          "            /* omitting output because inport == outport && !flags.loopback */;\n"
          "        };\n"
          "    };\n"
          "};\n");
    CHECK(render_minimal(root) == "clone;\neth.dst = 00:00:00:00:00:01;\n");
}
