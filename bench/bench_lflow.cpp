// Times one job on one lflow dump and prints its wall time, throughput and peak RSS.
//   stats       read the dump (mmap), build the model and compute the flow counts, as
//               `ovnsim stats` does (target: at least 300 MB/s on one core)
//   full-parse  read the dump and parse every match and action into ASTs (target: 60 MB/s)
// Peak RSS must stay below 10x the dump size. Run each job in its own process (run.sh
// does) so that peak RSS is the job's own.
//
// usage: ovnsim_bench_lflow stats|full-parse DUMP [REPEAT]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/full_parse_hook.hpp"
#include "sim/flow_stats.hpp"
#include "sim/report/flow_stats_report.hpp"

namespace {

using ovnsim::LflowDump;

struct Job {
    const char* label;
    double target_mb_per_s;
    // Runs the job once; returns the number of flows (or ASTs) it handled.
    std::function<std::size_t(const std::string& path)> run;
};

std::size_t stats_job(const std::string& path) {
    const auto flows = ovnsim::LogicalFlows::from_dump(ovnsim::read_lflow_dump(path));
    const auto counts = ovnsim::count_flows(flows);
    const auto text = ovnsim::format_count_flows(counts);
    if (text.empty() || counts.total != flows.flow_count()) std::abort();  // keeps the work observable
    return counts.total;
}

std::size_t full_parse_job(const std::string& path) {
    return ovnsim::bench::parse_all_matches_and_actions(ovnsim::read_lflow_dump(path));
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

int run(const Job& job, const std::string& path, int repeat) {
    const double size_mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
    const std::string name = std::filesystem::path(path).filename().string();
    std::vector<double> seconds;
    std::size_t flows = 0;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        flows = job.run(path);
        const auto stop = std::chrono::steady_clock::now();
        seconds.push_back(std::chrono::duration<double>(stop - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    const double best = seconds.front();
    const double median = seconds[seconds.size() / 2];
    const double rss = peak_rss_mb();
    const double mb_per_s = size_mb / best;
    std::printf("%-14s %s: %.1f MB, %zu flows; wall best %.1f ms, median %.1f ms (%d runs); %.0f MB/s "
                "[target >= %.0f: %s]; peak RSS %.1f MB = %.1fx the dump [target < 10x: %s]\n",
                job.label, name.c_str(), size_mb, flows, best * 1e3, median * 1e3, repeat, mb_per_s,
                job.target_mb_per_s, mb_per_s >= job.target_mb_per_s ? "met" : "MISSED", rss, rss / size_mb,
                rss < 10 * size_mb ? "met" : "MISSED");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3 || argc > 4) {
        std::fprintf(stderr, "usage: %s stats|full-parse DUMP [REPEAT]\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    const int repeat = argc == 4 ? std::max(1, std::atoi(argv[3])) : 5;
    const Job stats{"(a) stats", 300, stats_job};
    const Job full_parse{"(b) full-parse", 60, full_parse_job};
    try {
        if (mode == "stats") return run(stats, argv[2], repeat);
        if (mode == "full-parse") return run(full_parse, argv[2], repeat);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
}
