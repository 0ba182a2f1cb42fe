// `_ovnsim`: the compiled half of the Python package `ovnsim` (bindings/ovnsim/). One thin
// layer over the library the CLI uses: each method calls the library and hands back what its
// JSON report says, as Python dicts and lists; bindings/ovnsim/ wraps them in typed results.
// The C++ InputError becomes `ovnsim.InputError` (a ValueError) with file, line, column and
// message attributes.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "parser/source_location.hpp"
#include "sim/bundle.hpp"
#include "sim/bundle_check.hpp"
#include "sim/bundle_summary.hpp"
#include "sim/bundle_tables.hpp"
#include "sim/flow_selection.hpp"
#include "sim/flow_stats.hpp"
#include "sim/report/acl_table_report.hpp"
#include "sim/report/bundle_check_report.hpp"
#include "sim/report/bundle_summary_report.hpp"
#include "sim/report/cost_bundle_report.hpp"
#include "sim/report/flow_stats_report.hpp"
#include "sim/report/port_packet_json.hpp"
#include "sim/report/sample_report.hpp"
#include "sim/report/sampling_coverage_report.hpp"
#include "sim/report/trace_json.hpp"
#include "sim/report/trace_samples.hpp"
#include "sim/sample_lint.hpp"
#include "sim/sampling_decode.hpp"
#include "sim/sampling_coverage.hpp"
#include "sim/trace_request_text.hpp"
#include "sim/trace_session.hpp"
#include "sim/whatif_edit_text.hpp"

namespace py = pybind11;

namespace ovnsim::python {
namespace {

py::object to_python(const nlohmann::json& json) {
    switch (json.type()) {
    case nlohmann::json::value_t::null: return py::none();
    case nlohmann::json::value_t::boolean: return py::bool_(json.get<bool>());
    case nlohmann::json::value_t::number_integer: return py::int_(json.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return py::int_(json.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return py::float_(json.get<double>());
    case nlohmann::json::value_t::string: return py::str(json.get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
        py::list list(json.size());
        std::size_t i = 0;
        for (const auto& item : json) list[i++] = to_python(item);
        return list;
    }
    case nlohmann::json::value_t::object: {
        py::dict dict;
        for (const auto& [key, value] : json.items()) dict[py::str(key)] = to_python(value);
        return dict;
    }
    default: throw std::logic_error("ovnsim: a report holds a JSON value Python cannot take");
    }
}

std::string hex8(std::uint32_t value) {
    char text[9];
    std::snprintf(text, sizeof text, "%08x", value);
    return text;
}

// Columns of a flow table: one list per field, ready for a DataFrame.
py::dict flow_columns(const LflowDump& dump, const std::vector<const DumpFlow*>& flows) {
    py::list datapath, pipeline, table, stage, priority, match, actions, uuid, line;
    for (const DumpFlow* flow : flows) {
        datapath.append(dump.datapaths[flow->datapath].name);
        pipeline.append(std::string(to_string(flow->pipeline)));
        table.append(flow->table);
        stage.append(std::string(dump.stage_name(*flow)));
        priority.append(flow->priority);
        match.append(std::string(flow->match));
        actions.append(std::string(flow->actions));
        uuid.append(flow->has_uuid ? py::object(py::str(hex8(flow->uuid))) : py::object(py::none()));
        line.append(flow->line);
    }
    py::dict columns;
    columns["datapath"] = datapath;
    columns["pipeline"] = pipeline;
    columns["table"] = table;
    columns["stage"] = stage;
    columns["priority"] = priority;
    columns["match"] = match;
    columns["actions"] = actions;
    columns["uuid"] = uuid;
    columns["line"] = line;
    return columns;
}

// Runs `work` without the GIL (other Python threads go on meanwhile); `work` touches no
// Python object.
template <typename Work>
auto released(Work&& work) {
    py::gil_scoped_release release;
    return work();
}

// A loaded bundle, and what its questions build once and keep: the sample decoder's indexes
// and the trace engine's compiled flows (both built under the GIL, on first use).
class BundleHandle {
public:
    explicit BundleHandle(std::shared_ptr<const Bundle> bundle) : bundle_(std::move(bundle)) {}

    static BundleHandle load(const std::string& path) {
        return BundleHandle(released([&] { return Bundle::load(path); }));
    }

    const std::string& path() const { return bundle_->path(); }
    bool has_nb() const { return bundle_->has_nb(); }
    bool has_sb() const { return bundle_->has_sb(); }

    py::object stats() const {
        auto json = flow_counts_json(count_flows(bundle_->flows()));
        json["nb"] = bundle_summary_json(summarize_bundle(*bundle_));
        return to_python(json);
    }

    py::dict flows(std::optional<std::string> stage, std::optional<std::string> datapath) const {
        const auto selected = select_flows(bundle_->flows(), {std::move(stage), std::move(datapath)});
        return flow_columns(bundle_->dump(), selected);
    }

    py::object acls() const { return to_python(acl_table_json(required_nb(*bundle_, "acls()"))); }

    py::object cost(bool predict, const std::string& ovn_version, std::optional<bool> sample_with_registers) const {
        NorthdOverrides overrides;
        if (!ovn_version.empty()) overrides.family = parse_ovn_family_option(ovn_version, "ovn_version");
        overrides.sample_with_registers = sample_with_registers;
        return to_python(released([&] { return bundle_cost_json(*bundle_, predict, overrides); }));
    }

    py::object whatif(const WhatIfEditText& text) const {
        const WhatIfEdits edits = parse_whatif_edits(text);
        return to_python(released([&] { return bundle_whatif_json(*bundle_, edits); }));
    }

    py::object sweep(const std::vector<std::uint64_t>& counts, const WhatIfEditText& text) const {
        const WhatIfEdits edits = parse_whatif_edits(text);
        return to_python(released([&] { return bundle_sweep_json(*bundle_, edits, counts); }));
    }

    py::object trace(const std::string& datapath, const std::string& microflow, const ConversationText& conversation,
                     const TraceOptionText& options) const {
        TraceRequest request;
        request.packet.datapath = datapath;
        request.packet.microflow = microflow;
        request.packet.source = "microflow";
        return to_python(run_trace_request(std::move(request), conversation, options));
    }

    py::object trace_ports(const std::string& from, const std::string& to, const std::string& protocol,
                           std::optional<std::uint16_t> source_port, std::optional<std::uint16_t> destination_port,
                           const ConversationText& conversation, const TraceOptionText& options) const {
        const PortPacketRequest ports{from, to, parse_port_protocol(protocol, "proto"), source_port, destination_port};
        const PortPacket built = build_port_packet(*bundle_, ports);
        TraceRequest request;
        request.packet.datapath = built.datapath;
        request.packet.microflow = built.microflow;
        request.packet.source = "src/dst";
        nlohmann::json json = run_trace_request(std::move(request), conversation, options);
        json["built_packet"] = port_packet_json(built, ports);
        return to_python(json);
    }

    py::object decode(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) const {
        const SampleDecoder& decoder = sample_decoder();
        nlohmann::json results = nlohmann::json::array();
        for (const auto& [domain, point] : pairs) results.push_back(decoded_sample_json(decoder.decode(domain, point)));
        return to_python(results);
    }

    py::object samples() const {
        required_nb(*bundle_, "samples()");
        const SamplingCoverage coverage = sampling_coverage(*bundle_);
        return to_python(sampling_coverage_json(*bundle_, coverage, lint_sampling(*bundle_, coverage)));
    }

private:
    nlohmann::json run_trace_request(TraceRequest request, const ConversationText& conversation,
                                     const TraceOptionText& options) const {
        apply_conversation(conversation, request, "then");
        request.options = make_trace_options(options, "ct");
        if (!engine_) engine_ = make_trace_engine(bundle_);
        return released([&] {
            const TraceResult result = TraceSession(engine_).run(request);
            nlohmann::json json = trace_result_json(result);
            SampleDecorations(*bundle_).add_to(result, json);
            return json;
        });
    }

    const SampleDecoder& sample_decoder() const {
        if (!decoder_) {
            required_nb(*bundle_, "decode()");
            decoder_ = std::make_unique<SampleDecoder>(*bundle_);
        }
        return *decoder_;
    }

    std::shared_ptr<const Bundle> bundle_;
    mutable std::unique_ptr<SampleDecoder> decoder_;  // refers to *bundle_
    mutable std::shared_ptr<TraceEngine> engine_;     // shared by the sessions of every trace()
};

py::object check(const std::string& path) {
    return to_python(released([&] { return bundle_check_json(check_bundle(path)); }));
}

void register_input_error(py::module_& m) {
    // Leaked on purpose: the translator may run until the interpreter exits.
    static PyObject* type = PyErr_NewExceptionWithDoc(
        "ovnsim.InputError",
        "Bad input: a file, microflow or argument ovnsim cannot use. Attributes: file, line, column "
        "(0 when unknown) and message; str() is FILE:LINE:COL: message.",
        PyExc_ValueError, nullptr);
    m.attr("InputError") = py::handle(type);
    py::register_exception_translator([](std::exception_ptr thrown) {
        try {
            if (thrown) std::rethrow_exception(thrown);
        } catch (const InputError& e) {
            py::object error = py::handle(type)(e.what());
            error.attr("file") = e.file();
            error.attr("line") = e.loc().line;
            error.attr("column") = e.loc().column;
            error.attr("message") = e.message();
            PyErr_SetObject(type, error.ptr());
        }
    });
}

}  // namespace
}  // namespace ovnsim::python

PYBIND11_MODULE(_ovnsim, m) {
    using namespace ovnsim::python;
    using ovnsim::ConversationText;
    using ovnsim::TraceOptionText;
    using ovnsim::WhatIfEditText;
    m.doc() = "The compiled core of ovnsim; use the `ovnsim` package, which wraps it in typed results.";
    register_input_error(m);

    py::class_<WhatIfEditText>(m, "WhatIfEdits", "What-if edits as `ovnsim whatif` options write them.")
        .def(py::init<>())
        .def_readwrite("sample_all", &WhatIfEditText::sample_all)
        .def_readwrite("sample", &WhatIfEditText::sample)
        .def_readwrite("unsample", &WhatIfEditText::unsample)
        .def_readwrite("which", &WhatIfEditText::which)
        .def_readwrite("collectors", &WhatIfEditText::collectors)
        .def_readwrite("collector", &WhatIfEditText::collector)
        .def_readwrite("add_acls", &WhatIfEditText::add_acls)
        .def_readwrite("template", &WhatIfEditText::template_acl)
        .def_readwrite("sample_with_registers", &WhatIfEditText::sample_with_registers)
        .def_readwrite("ovn_version", &WhatIfEditText::ovn_version);

    py::class_<ConversationText>(m, "Conversation", "What follows the first packet of a trace.")
        .def(py::init<>())
        .def_readwrite("handshake", &ConversationText::handshake)
        .def_readwrite("reply", &ConversationText::reply)
        .def_readwrite("then", &ConversationText::then);

    py::class_<TraceOptionText>(m, "TraceOptions", "How a trace runs, as `ovnsim trace` options write it.")
        .def(py::init<>())
        .def_readwrite("ct", &TraceOptionText::ct)
        .def_readwrite("lb_dst", &TraceOptionText::lb_dst)
        .def_readwrite("trace_generated", &TraceOptionText::trace_generated)
        .def_readwrite("ovn_trace_handoff", &TraceOptionText::ovn_trace_handoff);

    py::class_<BundleHandle>(m, "Bundle", "A loaded bundle (the dump, NB and SB tables read on first use).")
        .def_static("load", &BundleHandle::load, py::arg("path"), "Load a bundle directory or one dump file.")
        .def_property_readonly("path", &BundleHandle::path)
        .def_property_readonly("has_nb", &BundleHandle::has_nb)
        .def_property_readonly("has_sb", &BundleHandle::has_sb)
        .def("stats", &BundleHandle::stats, "`ovnsim stats --json` as a dict.")
        .def("flows", &BundleHandle::flows, py::arg("stage") = py::none(), py::arg("datapath") = py::none(),
             "The selected flows as columns (dict of equal-length lists).")
        .def("acls", &BundleHandle::acls, "Every NB ACL with owner, samples and message (list of dicts).")
        .def("cost", &BundleHandle::cost, py::arg("predict"), py::arg("ovn_version"), py::arg("sample_with_registers"),
             "`ovnsim cost --json [--predict]` as a dict.")
        .def("whatif", &BundleHandle::whatif, py::arg("edits"), "`ovnsim whatif --json` as a dict.")
        .def("sweep", &BundleHandle::sweep, py::arg("counts"), py::arg("edits"),
             "`ovnsim whatif --sweep --json` as a dict.")
        .def("trace", &BundleHandle::trace, py::arg("datapath"), py::arg("microflow"), py::arg("conversation"),
             py::arg("options"), "`ovnsim trace --json DATAPATH MICROFLOW` as a dict.")
        .def("trace_ports", &BundleHandle::trace_ports, py::arg("source"), py::arg("destination"),
             py::arg("protocol"), py::arg("source_port"), py::arg("destination_port"), py::arg("conversation"),
             py::arg("options"), "`ovnsim trace --json --from --to` as a dict (with built_packet).")
        .def("decode", &BundleHandle::decode, py::arg("pairs"),
             "`ovnsim decode --json` results for (obs_domain_id, obs_point_id) pairs (list of dicts).")
        .def("samples", &BundleHandle::samples, "`ovnsim samples --json` as a dict.");

    m.def("check", &check, py::arg("path"), "`ovnsim parse` of a bundle as a dict (never raises for bad input).");
}
