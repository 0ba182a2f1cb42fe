#include "cli/trace_batch.hpp"

#include <fstream>
#include <sstream>
#include <ostream>

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

}  // namespace

int run_trace_batch(const TraceCliOptions& options, std::ostream& out, std::ostream& err) {
    std::ifstream in(options.batch);
    if (!in) throw InputError(options.batch, {}, "cannot read the batch file");
    const auto bundle = Bundle::load(options.bundle);
    const TraceOutput output = trace_output(options);
    const std::optional<std::string> datapath =
        options.arguments.empty() ? std::nullopt : std::optional<std::string>(options.arguments.front());
    TraceSession session(make_trace_engine(bundle), engine_options(options));
    const SampleDecorations samples(*bundle);

    bool failed = false;
    std::string text;
    for (std::uint32_t number = 1; std::getline(in, text); ++number) {
        try {
            const auto line = parse_line(text, options.batch, number, datapath);
            if (!line) continue;
            TraceRequest request;
            request.packet.datapath = line->datapath;
            request.packet.microflow = line->microflow;
            request.packet.source = options.batch;
            request.packet.source_start = {number, line->column};
            add_conversation(options, request);
            request.options = session.options();
            session.clear_conntrack();
            // A line's output is written only once it traced: a failing line leaves none.
            std::ostringstream text;
            if (output == TraceOutput::json) {
                const TraceResult result = session.run(request);
                nlohmann::json json = trace_result_json(result);
                samples.add_to(result, json);
                json["line"] = number;
                text << json.dump() << '\n';
            } else {
                text << "# " << options.batch << ':' << number << '\n';
                const auto printer = make_trace_printer(output, samples, text);
                session.run(request, printer.get());
                text << '\n';
            }
            out << text.view();
        } catch (const InputError& e) {
            failed = true;
            out.flush();
            err << located(e, options.batch, number) << '\n';
        }
    }
    return failed ? kExitBadInput : kExitOk;
}

}  // namespace ovnsim::cli
