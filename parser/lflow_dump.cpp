// The dump-flows reader: walks the lines once, dispatching each to the header grammar, the
// flow grammar plus body scanner, or the trailer bookkeeping.
#include "parser/lflow_dump.hpp"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "parser/lflow_dump_grammar.hpp"
#include "parser/lflow_dump_scan.hpp"

namespace ovnsim {
namespace {

using dump_scan::chomp_cr;

class DumpReader {
public:
    DumpReader(std::shared_ptr<const TextFile> file, Diagnostics* problems) : problems_(problems) {
        dump_.file = std::move(file);
        text_ = dump_.file->text();
        line_begin_ = text_.data();
    }

    LflowDump read() {
        if (text_.empty()) {
            report({1, 1}, "empty file: expected `ovn-sbctl dump-flows` output");
            return std::move(dump_);
        }
        dump_.flows.reserve(text_.size() / 200);
        const char* const end = text_.data() + text_.size();
        for (line_begin_ = text_.data(); line_begin_ < end && !stopped_; ++line_no_) {
            const char* newline = static_cast<const char*>(std::memchr(line_begin_, '\n', static_cast<std::size_t>(end - line_begin_)));
            if (newline == nullptr) newline = end;
            newline = read_line(chomp_cr({line_begin_, static_cast<std::size_t>(newline - line_begin_)}), newline);
            line_begin_ = newline + 1;
        }
        if (dump_.datapaths.empty() && !failed_) {
            report({1, 1}, "no `Datapath:` header: not `ovn-sbctl dump-flows` output");
        }
        return std::move(dump_);
    }

private:
    // Reads the record starting at `line`; returns the newline (or end of text) that ends it.
    const char* read_line(std::string_view line, const char* newline) {
        if (line.starts_with("  table=") || line.starts_with("  uuid=")) {
            if (trailer_) return read_trailer_line(line, newline);
            return read_flow(line, newline);
        }
        if (line.starts_with("Datapath:")) {
            if (trailer_) {
                fail(line.data(), "`Datapath:` header after the `--vflows` sections");
            } else {
                read_header(line);
            }
            return newline;
        }
        if (auto section = dump_scan::trailer_section(line)) {
            trailer_ = true;
            section_ = *section;
            in_vips_ = false;
            return newline;
        }
        if (trailer_) return read_trailer_line(line, newline);
        if (line.empty()) return newline;
        if (line.starts_with("    ") && !dump_.flows.empty()) {
            ++dump_.openflow_lines;
            return newline;
        }
        fail(line.data(), "unrecognised line: expected `Datapath:`, a flow line (`  table=`, `  uuid=`) or a `--vflows` section");
        return newline;
    }

    void read_header(std::string_view line) {
        dump_grammar::DatapathHeader header;
        dump_grammar::SyntaxError error;
        if (!dump_grammar::parse_datapath_header(line, header, error)) {
            fail(error.where, "bad `Datapath:` header: expected " + error.expected);
            block_ = Block::Bad;
            return;
        }
        const auto [it, inserted] = datapath_by_uuid_.try_emplace(header.uuid, dump_.datapaths.size());
        if (inserted) {
            dump_.datapaths.push_back({std::string(header.name), std::string(header.name2), std::string(header.uuid),
                                       {line_no_, 1}});
        } else {
            const DumpDatapath& seen = dump_.datapaths[it->second];
            if (seen.name != header.name || seen.name2 != header.name2) {
                fail(line.data(), "datapath " + seen.uuid + " is named \"" + std::string(header.name) + "\" here but \"" +
                                      seen.name + "\" at line " + std::to_string(seen.loc.line));
                block_ = Block::Bad;
                return;
            }
        }
        block_ = Block::Good;
        datapath_ = static_cast<std::uint32_t>(it->second);
        pipeline_ = header.pipeline;
    }

    const char* read_flow(std::string_view line, const char* newline) {
        dump_grammar::FlowPrefix prefix;
        dump_grammar::SyntaxError syntax;
        if (!dump_grammar::parse_flow_prefix(line, prefix, syntax)) {
            fail(syntax.where, "bad flow line: expected " + syntax.expected);
            return skip_continuation_lines(newline);
        }
        dump_scan::FlowBody body;
        dump_scan::BodyError body_error;
        const char* const text_end = text_.data() + text_.size();
        if (!dump_scan::scan_flow_body(prefix.match_begin, text_end, body, body_error)) {
            fail(body_error.where, body_error.message);
            return skip_continuation_lines(newline);
        }
        if (block_ == Block::Good) {
            add_flow(prefix, body);
        } else if (block_ == Block::None) {
            fail(line.data(), "flow line before any `Datapath:` header");
            block_ = Block::Bad;  // its followers are not reported again
        }
        line_no_ += body.match_newlines + body.actions_newlines;
        return body.end;
    }

    void add_flow(const dump_grammar::FlowPrefix& prefix, const dump_scan::FlowBody& body) {
        DumpFlow flow;
        flow.datapath = datapath_;
        flow.pipeline = pipeline_;
        flow.table = prefix.table;
        flow.priority = prefix.priority;
        flow.stage = intern_stage(prefix.stage);
        flow.has_uuid = prefix.has_uuid;
        flow.uuid = prefix.uuid;
        flow.match = body.match;
        flow.actions = body.actions;
        flow.line = line_no_;
        flow.match_column = column(body.match.data());
        flow.actions_line = line_no_ + body.match_newlines;
        flow.actions_column = body.match_newlines == 0 ? column(body.actions.data())
                                                       : dump_.loc_in(flow, body.actions.data()).column;
        dump_.flows.push_back(flow);
    }

    std::uint32_t intern_stage(std::string_view stage) {
        if (stage == last_stage_text_) return last_stage_;
        const auto [it, inserted] = stage_by_name_.try_emplace(stage, dump_.stage_names.size());
        if (inserted) dump_.stage_names.emplace_back(stage);
        last_stage_text_ = stage;
        last_stage_ = static_cast<std::uint32_t>(it->second);
        return last_stage_;
    }

    // --vflows: records of two-space lines; a load balancer's `vips:` lines belong to it;
    // four-space lines after a record are its OpenFlow flows (--ovs).
    const char* read_trailer_line(std::string_view line, const char* newline) {
        if (line.empty()) {
            in_vips_ = false;
        } else if (line.starts_with("    ")) {
            if (in_vips_) extend_record(line);
            else if (!dump_.trailer.empty()) ++dump_.openflow_lines;
            else fail(line.data(), "OpenFlow line before any `--vflows` record");
        } else if (line.size() > 2 && line.starts_with("  ") && line[2] != ' ') {
            if (section_ == TrailerSection::LoadBalancers && line == "  vips:" && !dump_.trailer.empty()) {
                in_vips_ = true;
                extend_record(line);
            } else {
                in_vips_ = false;
                auto text = line.substr(2);
                while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
                dump_.trailer.push_back({section_, text, line_no_});
            }
        } else {
            fail(line.data(), "unrecognised line in the `--vflows` section \"" + std::string(to_string(section_)) + "\"");
        }
        return newline;
    }

    void extend_record(std::string_view line) {
        auto& record = dump_.trailer.back();
        const char* const end = line.data() + line.size();
        record.text = {record.text.data(), static_cast<std::size_t>(end - record.text.data())};
    }

    // After a bad flow line: the lines that do not start a record of their own belong to it.
    const char* skip_continuation_lines(const char* newline) {
        const char* const end = text_.data() + text_.size();
        while (newline < end && !dump_scan::starts_record({newline + 1, static_cast<std::size_t>(end - newline - 1)})) {
            const char* next = static_cast<const char*>(std::memchr(newline + 1, '\n', static_cast<std::size_t>(end - newline - 1)));
            newline = next != nullptr ? next : end;
            ++line_no_;
        }
        return newline;
    }

    std::uint32_t column(const char* at) const { return static_cast<std::uint32_t>(at - line_begin_ + 1); }

    // A problem at `at`, in the current record (which may span lines).
    void fail(const char* at, std::string message) {
        const auto offset = static_cast<std::size_t>(at - line_begin_);
        const SourceLoc loc = locate(std::string_view(line_begin_, offset), offset);
        report({line_no_ + loc.line - 1, loc.column}, std::move(message));
    }

    void report(SourceLoc where, std::string message) {
        failed_ = true;
        if (problems_ == nullptr) throw InputError(dump_.path(), where, std::move(message));
        if (problems_->size() + 1 >= kMaxLflowDumpDiagnostics) {
            problems_->push_back({dump_.path(), where, "too many problems; the rest of the file is not checked"});
            stopped_ = true;
            return;
        }
        problems_->push_back({dump_.path(), where, std::move(message)});
    }

    LflowDump dump_;
    std::string_view text_;
    Diagnostics* problems_;
    bool failed_ = false;
    bool stopped_ = false;

    const char* line_begin_ = nullptr;
    std::uint32_t line_no_ = 1;

    enum class Block { None, Good, Bad };  // the `Datapath:` header the next flows belong to
    Block block_ = Block::None;
    std::uint32_t datapath_ = 0;
    Pipeline pipeline_ = Pipeline::Ingress;
    std::unordered_map<std::string_view, std::size_t> datapath_by_uuid_;  // views into the file

    std::unordered_map<std::string_view, std::size_t> stage_by_name_;  // views into the file
    std::string_view last_stage_text_ = "\n";  // never a stage name
    std::uint32_t last_stage_ = 0;

    bool trailer_ = false;
    TrailerSection section_ = TrailerSection::PortBindings;
    bool in_vips_ = false;
};

}  // namespace

std::string_view to_string(Pipeline pipeline) {
    return pipeline == Pipeline::Ingress ? "ingress" : "egress";
}

std::string_view to_string(TrailerSection section) {
    switch (section) {
        case TrailerSection::PortBindings: return "Port Bindings";
        case TrailerSection::MacBindings: return "MAC Bindings";
        case TrailerSection::McGroups: return "MC Groups";
        case TrailerSection::Chassis: return "Chassis";
        case TrailerSection::LoadBalancers: return "Load Balancers";
    }
    return "?";
}

SourceLoc LflowDump::loc_in(const DumpFlow& flow, const char* at) const {
    const char* const line_begin = flow.match.data() - (flow.match_column - 1);
    const SourceLoc loc = locate(std::string_view(line_begin, static_cast<std::size_t>(at - line_begin)),
                                 static_cast<std::size_t>(at - line_begin));
    return {flow.line + loc.line - 1, loc.column};
}

LflowDump parse_lflow_dump(std::shared_ptr<const TextFile> file) {
    return DumpReader(std::move(file), nullptr).read();
}

LflowDump parse_lflow_dump(std::shared_ptr<const TextFile> file, Diagnostics& problems) {
    return DumpReader(std::move(file), &problems).read();
}

LflowDump read_lflow_dump(const std::string& path) {
    return parse_lflow_dump(TextFile::read(path));
}

}  // namespace ovnsim
