#include "cli/trace_batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <fstream>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/exit_status.hpp"
#include "cli/trace_output.hpp"
#include "parser/source_location.hpp"
#include "sim/bundle.hpp"
#include "sim/report/trace_json.hpp"
#include "sim/trace_session.hpp"

namespace ovnsim::cli {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t skip_blanks(const std::string& s, std::size_t i) {
    while (i < s.size() && is_blank(s[i])) ++i;
    return i;
}

struct BatchLine {
    std::string datapath;
    std::string microflow;
    std::uint32_t column = 1;  // of the microflow
};

// nullopt for a line to skip; throws InputError for a line without a microflow.
std::optional<BatchLine> parse_line(std::string text, const std::string& file, std::uint32_t number,
                                    const std::optional<std::string>& datapath) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::size_t start = skip_blanks(text, 0);
    if (start == text.size() || text[start] == '#') return std::nullopt;
    std::size_t end = text.size();
    while (end > start && is_blank(text[end - 1])) --end;
    BatchLine line;
    if (datapath) {
        line.datapath = *datapath;
    } else {
        std::size_t name_end = start;
        while (name_end < end && !is_blank(text[name_end])) ++name_end;
        line.datapath = text.substr(start, name_end - start);
        start = skip_blanks(text, name_end);
        if (start >= end)
            throw InputError(file, {number, static_cast<std::uint32_t>(name_end + 1)},
                             "expected DATAPATH and MICROFLOW separated by blanks (or DATAPATH on the command line)");
    }
    line.microflow = text.substr(start, end - start);
    line.column = static_cast<std::uint32_t>(start + 1);
    return line;
}

std::string located(const InputError& e, const std::string& file, std::uint32_t number) {
    if (e.file() == file && e.loc().line != 0) return e.what();
    return format_diagnostic(file, {number, 0}, e.what());
}

// What one line of the batch prints: its trace, or its error.
struct LineOutput {
    std::string out;
    std::string err;
};

// Traces lines with one session of the shared engine (a fresh conntrack per line).
class LineTracer {
public:
    LineTracer(const TraceCliOptions& options, const std::shared_ptr<TraceEngine>& engine,
               const SampleDecorations& samples)
        : options_(options), output_(trace_output(options)), session_(engine, engine_options(options)),
          samples_(samples),
          datapath_(options.arguments.empty() ? std::nullopt
                                              : std::optional<std::string>(options.arguments.front())) {}

    LineOutput trace(const std::string& text, std::uint32_t number) {
        LineOutput result;
        try {
            const auto line = parse_line(text, options_.batch, number, datapath_);
            if (!line) return result;
            TraceRequest request;
            request.packet.datapath = line->datapath;
            request.packet.microflow = line->microflow;
            request.packet.source = options_.batch;
            request.packet.source_start = {number, line->column};
            add_conversation(options_, request);
            request.options = session_.options();
            session_.clear_conntrack();
            std::ostringstream out;
            if (output_ == TraceOutput::json) {
                const TraceResult traced = session_.run(request);
                nlohmann::json json = trace_result_json(traced);
                samples_.add_to(traced, json);
                json["line"] = number;
                out << json.dump() << '\n';
            } else {
                out << "# " << options_.batch << ':' << number << '\n';
                const auto printer = make_trace_printer(output_, samples_, out);
                session_.run(request, printer.get());
                out << '\n';
            }
            result.out = std::move(out).str();
        } catch (const InputError& e) {
            result.err = located(e, options_.batch, number) + '\n';
        }
        return result;
    }

private:
    const TraceCliOptions& options_;
    TraceOutput output_;
    TraceSession session_;
    const SampleDecorations& samples_;
    std::optional<std::string> datapath_;
};

// Lines are traced a block at a time on every thread and printed in file order, so the
// output is the same whatever the number of threads.
constexpr std::size_t kBlock = 256;

}  // namespace

int run_trace_batch(const TraceCliOptions& options, std::ostream& out, std::ostream& err) {
    std::ifstream in(options.batch);
    if (!in) throw InputError(options.batch, {}, "cannot read the batch file");
    std::vector<std::string> lines;
    for (std::string text; std::getline(in, text);) lines.push_back(std::move(text));

    const auto bundle = Bundle::load(options.bundle);
    const auto engine = make_trace_engine(bundle);
    const SampleDecorations samples(*bundle);
    const unsigned jobs = std::max(1u, options.jobs != 0 ? options.jobs : std::thread::hardware_concurrency());
    std::vector<LineTracer> tracers;
    tracers.reserve(jobs);
    for (unsigned j = 0; j < std::min<std::size_t>(jobs, std::max<std::size_t>(lines.size(), 1)); ++j)
        tracers.emplace_back(options, engine, samples);

    bool failed = false;
    std::vector<LineOutput> block;
    for (std::size_t first = 0; first < lines.size(); first += kBlock) {
        const std::size_t count = std::min(kBlock, lines.size() - first);
        block.assign(count, {});
        std::atomic<std::size_t> next = 0;
        std::vector<std::exception_ptr> crashes(tracers.size());
        const auto work = [&](std::size_t t) {
            try {
                for (std::size_t i; (i = next++) < count;)
                    block[i] = tracers[t].trace(lines[first + i], static_cast<std::uint32_t>(first + i + 1));
            } catch (...) {
                crashes[t] = std::current_exception();  // not bad input: main() reports it
                next = count;
            }
        };
        {
            std::vector<std::jthread> threads;
            for (std::size_t t = 1; t < tracers.size(); ++t) threads.emplace_back(work, t);
            work(0);
        }
        for (const std::exception_ptr& crash : crashes)
            if (crash) std::rethrow_exception(crash);
        for (const LineOutput& line : block) {
            out << line.out;
            if (!line.err.empty()) {
                failed = true;
                out.flush();
                err << line.err;
            }
        }
    }
    return failed ? kExitBadInput : kExitOk;
}

}  // namespace ovnsim::cli
