// The X3 grammar of count-flows lines and the checks that tie them together.
#include "parser/count_flows.hpp"

#include <cstring>
#include <functional>

#include "parser/lflow_dump_grammar.hpp"
#include "parser/lflow_dump_scan.hpp"
#include "parser/lflow_dump_x3_rules.hpp"

namespace ovnsim {
namespace {

using namespace ovnsim::dump_x3;

// `  table=0 (ls_in_check_port_sec) lflows=6`
struct StageLine {
    std::uint16_t table = 0;
    std::string_view stage;
    std::uint64_t flows = 0;
};

// `Total number of logical flows in the datapath "ls1" (uuid) Pipeline: ingress = 100`
struct DatapathTotalLine {
    std::string_view name;
    std::string_view name2;
    std::string_view uuid;
    Pipeline pipeline = Pipeline::Ingress;
    std::uint64_t total = 0;
};

struct stage_tag;
struct total_tag;

template <class Ctx>
StageLine& stage_line(Ctx& ctx) {
    return x3::get<stage_tag>(ctx).get();
}
template <class Ctx>
DatapathTotalLine& total_line(Ctx& ctx) {
    return x3::get<total_tag>(ctx).get();
}

const auto table_number = x3::rule<class table_number_r, std::uint16_t>{"table number (0-65535)"} =
    x3::uint_parser<std::uint16_t>{};
const auto count = x3::rule<class count_r, std::uint64_t>{"a flow count"} = x3::ulong_long;

const auto set_table = [](auto& ctx) { stage_line(ctx).table = x3::_attr(ctx); };
const auto set_stage = [](auto& ctx) {
    auto stage = view(x3::_attr(ctx));
    while (!stage.empty() && stage.back() == ' ') stage.remove_suffix(1);
    stage_line(ctx).stage = stage;
};
const auto set_flows = [](auto& ctx) { stage_line(ctx).flows = x3::_attr(ctx); };
const auto stage_grammar = x3::lit("  table=") > table_number[set_table] > *x3::lit(' ') > x3::lit('(') >
                           x3::raw[*(x3::char_ - ')')][set_stage] > x3::lit(") lflows=") > count[set_flows] > x3::eoi;

const auto set_name = [](auto& ctx) { total_line(ctx).name = view(x3::_attr(ctx)); };
const auto set_name2 = [](auto& ctx) { total_line(ctx).name2 = view(x3::_attr(ctx)); };
const auto set_uuid = [](auto& ctx) { total_line(ctx).uuid = view(x3::_attr(ctx)); };
const auto set_pipeline = [](auto& ctx) { total_line(ctx).pipeline = x3::_attr(ctx); };
const auto set_total = [](auto& ctx) { total_line(ctx).total = x3::_attr(ctx); };
const auto datapath_names = quoted_name[set_name] > -(x3::lit(" aka ") > quoted_name[set_name2]);
const auto datapath_total_grammar = x3::lit("Total number of logical flows in the datapath ") > -datapath_names >
                                    x3::lit(" (") > uuid[set_uuid] > x3::lit(") Pipeline: ") >
                                    pipeline[set_pipeline] > x3::lit(" = ") > count[set_total] > x3::eoi;

const auto grand_total_grammar = x3::lit("Total number of logical flows = ") > count > x3::eoi;

class CountFlowsReader {
public:
    explicit CountFlowsReader(std::shared_ptr<const TextFile> file) : file_(std::move(file)) {}

    FlowCounts read() {
        const std::string_view text = file_->text();
        const char* const end = text.data() + text.size();
        for (const char* p = text.data(); p < end; ++line_no_) {
            const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
            if (newline == nullptr) newline = end;
            line_begin_ = p;
            read_line(dump_scan::chomp_cr({p, static_cast<std::size_t>(newline - p)}));
            p = newline + 1;
        }
        if (!have_grand_total_) {
            fail_at({line_no_, 1}, "no `Total number of logical flows = N` line: not complete count-flows output");
        }
        return std::move(counts_);
    }

private:
    void read_line(std::string_view line) {
        if (line.empty()) return;
        if (have_grand_total_) fail(line.data(), "text after the `Total number of logical flows` line");
        if (line.starts_with("Datapath:")) return read_header(line);
        if (line.starts_with("  table=")) return read_stage(line);
        if (line.starts_with("Total number of logical flows in")) return read_datapath_total(line);
        if (line.starts_with("Total number of logical flows =")) return read_grand_total(line);
        fail(line.data(), "unrecognised line: expected count-flows output");
    }

    void read_header(std::string_view line) {
        if (in_block_) fail(line.data(), "`Datapath:` header before the previous datapath's total");
        dump_grammar::DatapathHeader header;
        dump_grammar::SyntaxError error;
        if (!dump_grammar::parse_datapath_header(line, header, error)) {
            fail(error.where, "bad `Datapath:` header: expected " + error.expected);
        }
        counts_.pipelines.push_back({std::string(header.name), std::string(header.name2), std::string(header.uuid),
                                     header.pipeline, {}, 0});
        in_block_ = true;
    }

    void read_stage(std::string_view line) {
        if (!in_block_) fail(line.data(), "table line outside a `Datapath:` block");
        StageLine stage;
        parse(line, x3::with<stage_tag>(std::ref(stage))[stage_grammar]);
        auto& block = counts_.pipelines.back();
        if (!block.stages.empty() && stage.table <= block.stages.back().table) {
            fail(line.data(), "table " + std::to_string(stage.table) + " listed after table " +
                                  std::to_string(block.stages.back().table));
        }
        block.stages.push_back({stage.table, std::string(stage.stage), stage.flows});
    }

    void read_datapath_total(std::string_view line) {
        if (!in_block_) fail(line.data(), "datapath total outside a `Datapath:` block");
        DatapathTotalLine total;
        parse(line, x3::with<total_tag>(std::ref(total))[datapath_total_grammar]);
        auto& block = counts_.pipelines.back();
        if (total.uuid != block.datapath_uuid || total.pipeline != block.pipeline || total.name != block.datapath_name ||
            total.name2 != block.datapath_name2) {
            fail(line.data(), "total of another datapath or pipeline than its block's header");
        }
        std::uint64_t sum = 0;
        for (const auto& stage : block.stages) sum += stage.flows;
        if (sum != total.total) {
            fail(line.data() + line.rfind(' ') + 1, "datapath total " + std::to_string(total.total) + " is not the sum of its tables (" +
                                     std::to_string(sum) + ")");
        }
        block.total = total.total;
        in_block_ = false;
    }

    void read_grand_total(std::string_view line) {
        if (in_block_) fail(line.data(), "grand total before the last datapath's total");
        std::uint64_t total = 0;
        parse(line, grand_total_grammar, total);
        const char* number = line.data() + line.rfind(' ') + 1;
        std::uint64_t sum = 0;
        for (const auto& block : counts_.pipelines) sum += block.total;
        if (sum != total) {
            fail(number, "total " + std::to_string(total) + " is not the sum of the datapath totals (" +
                             std::to_string(sum) + ")");
        }
        counts_.total = total;
        have_grand_total_ = true;
    }

    template <class Grammar, class... Attribute>
    void parse(std::string_view line, const Grammar& grammar, Attribute&... attribute) {
        const char* it = line.data();
        const char* const end = line.data() + line.size();
        try {
            if (x3::parse(it, end, grammar, attribute...)) return;
            fail(it, "unrecognised line: expected count-flows output");
        } catch (const x3::expectation_failure<const char*>& e) {
            fail(e.where(), "expected " + expected_text(e.which()));
        }
    }

    [[noreturn]] void fail(const char* at, const std::string& message) const {
        fail_at({line_no_, static_cast<std::uint32_t>(at - line_begin_ + 1)}, message);
    }
    [[noreturn]] void fail_at(SourceLoc loc, const std::string& message) const {
        throw InputError(file_->path(), loc, message);
    }

    std::shared_ptr<const TextFile> file_;
    FlowCounts counts_;
    const char* line_begin_ = nullptr;
    std::uint32_t line_no_ = 1;
    bool in_block_ = false;
    bool have_grand_total_ = false;
};

}  // namespace

FlowCounts parse_count_flows(std::shared_ptr<const TextFile> file) {
    return CountFlowsReader(std::move(file)).read();
}

FlowCounts read_count_flows(const std::string& path) {
    return parse_count_flows(TextFile::read(path));
}

}  // namespace ovnsim
