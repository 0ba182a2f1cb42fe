#pragma once
// Reading the ovn-trace outputs of the corpora (`traces/*.txt`, first line the command) and
// running the same packet through ovnsim, for the tracer tests.
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "sim/bundle.hpp"
#include "sim/conntrack_types.hpp"
#include "sim/trace_session.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim::test {

struct OvnTraceHop {
    std::string stage;
    int priority = 0;
    std::string uuid;
    friend bool operator==(const OvnTraceHop&, const OvnTraceHop&) = default;
};

inline std::ostream& operator<<(std::ostream& os, const OvnTraceHop& h) {
    return os << h.stage << "/" << h.priority;
}

struct OvnTraceFile {
    std::filesystem::path path;
    std::string mode = "detailed";
    std::vector<std::uint8_t> ct;
    std::optional<std::string> lb_dst;
    std::string datapath;
    std::string microflow;
    std::vector<OvnTraceHop> hops;        // detailed mode only
    std::vector<std::string> delivered;   // ports the packet left the logical network at
    int samples = 0;                      // `sample(` actions printed
};

inline OvnTraceFile read_ovn_trace(const std::filesystem::path& path) {
    OvnTraceFile t;
    t.path = path;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    const std::size_t open = line.find('\'');
    const std::size_t close = line.rfind('\'');
    if (line.rfind("$ ovn-trace ", 0) != 0 || open == std::string::npos || close <= open)
        throw std::runtime_error(path.string() + ": not an ovn-trace command");
    t.microflow = line.substr(open + 1, close - open - 1);
    std::istringstream words(line.substr(12, open - 12));
    std::string w;
    while (words >> w) {
        if (w.rfind("--ct=", 0) == 0) t.ct.push_back(parse_ct_flags(w.substr(5)));
        else if (w.rfind("--lb-dst=", 0) == 0) t.lb_dst = w.substr(9);
        else if (w == "--summary" || w == "--minimal" || w == "--detailed") t.mode = w.substr(2);
        else if (w.rfind("--", 0) != 0) t.datapath = w;
    }
    const std::regex hop(R"re(^\s*(\d+)\. ([A-Za-z0-9_]+) \([^)]*\): (.*), priority (\d+), uuid ([0-9a-f]{8})$)re");
    const std::regex output(R"re(/\* output to "([^"]*)", type "([^"]*)" \*/)re");
    const std::regex minimal_output(R"re(^\s*output\("([^"]*)"\);)re");
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_match(line, m, hop)) {
            t.hops.push_back({m[2].str(), std::stoi(m[4].str()), m[5].str()});
        } else if (std::regex_search(line, m, output)) {
            if (m[2].str() != "patch" && m[2].str() != "l3gateway") t.delivered.push_back(m[1].str());
        } else if (t.mode == "minimal" && std::regex_search(line, m, minimal_output)) {
            t.delivered.push_back(m[1].str());
        }
        if (line.find("sample(") != std::string::npos) ++t.samples;
    }
    return t;
}

// Every traces/*.txt under `root`, sorted.
inline std::vector<std::filesystem::path> ovn_trace_files(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() == ".txt" && entry.path().parent_path().filename() == "traces")
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

// Bundles loaded once per test run.
inline std::shared_ptr<const Bundle> bundle_at(const std::filesystem::path& dir) {
    static std::map<std::string, std::shared_ptr<const Bundle>> cache;
    auto& b = cache[dir.string()];
    if (!b) b = Bundle::load(dir.string());
    return b;
}

// The request ovn-trace's command makes: its packet with its --ct states (none given:
// ovn-trace's default for every ct action), without ovnsim's defaults.
inline TraceRequest request_of(const OvnTraceFile& t, PipelineHandoff handoff) {
    TraceRequest r;
    r.packet.datapath = t.datapath;
    r.packet.microflow = t.microflow;
    r.packet.source = t.path.string();
    r.options.forced_ct = t.ct;
    r.options.lb_dst = t.lb_dst;
    r.options.fill_defaults = false;
    r.options.handoff = handoff;
    return r;
}

// The trace's packet with ovnsim's modelled conntrack and defaults.
inline TraceRequest modelled_request(const OvnTraceFile& t, Conversation conversation = Conversation::single) {
    TraceRequest r;
    r.packet.datapath = t.datapath;
    r.packet.microflow = t.microflow;
    r.conversation = conversation;
    return r;
}

// The hops ovn-trace prints (it leaves out tables whose flow is `1` / `next;`).
inline std::vector<OvnTraceHop> printed_hops(const PacketResult& p) {
    std::vector<OvnTraceHop> out;
    for (const TraceHop& h : p.hops) {
        if (h.ovn_trace_omits) continue;
        char uuid[9] = "";
        if (h.flow_uuid) std::snprintf(uuid, sizeof uuid, "%08x", *h.flow_uuid);
        out.push_back({std::string(h.stage), h.priority, uuid});
    }
    return out;
}

inline std::vector<OvnTraceHop> without_uuids(std::vector<OvnTraceHop> hops) {
    for (auto& h : hops) h.uuid.clear();
    return hops;
}

}  // namespace ovnsim::test

namespace doctest {
template <>
struct StringMaker<std::vector<ovnsim::test::OvnTraceHop>> {
    static String convert(const std::vector<ovnsim::test::OvnTraceHop>& hops) {
        std::ostringstream os;
        for (const auto& h : hops) os << "\n    " << h.stage << " " << h.priority << " " << h.uuid;
        return os.str().c_str();
    }
};
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& v) {
        std::string out = "[";
        for (const auto& s : v) out += "\"" + s + "\" ";
        return (out + "]").c_str();
    }
};
}  // namespace doctest
