// `ovnsim cost BUNDLE [--json] [--predict] [--write-baseline FILE] [--baseline FILE
// [--tolerance PCT]]`: logical flows per datapath, pipeline and stage, the sampling
// overhead, each ACL's and owner's flows; the northd model beside the dump; the CI gate.
#include <iostream>
#include <optional>

#include "cli/bundle_argument.hpp"
#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "sim/cost_bundle.hpp"
#include "sim/flow_baseline.hpp"
#include "sim/report/cost_bundle_report.hpp"
#include "sim/report/cost_check_report.hpp"
#include "sim/report/cost_report.hpp"
#include "sim/whatif_edits.hpp"

namespace ovnsim::cli {
namespace {

struct CostOptions {
    std::string bundle;
    bool json = false;
    bool predict = false;
    bool per_datapath = false;
    std::size_t top = 10;
    std::string ovn_version;
    std::string sample_with_registers;
    std::string write_baseline;
    std::string baseline;
    double tolerance = 0;
};

NorthdOverrides overrides_of(const CostOptions& options) {
    NorthdOverrides overrides;
    if (!options.ovn_version.empty()) overrides.family = parse_ovn_family_option(options.ovn_version, "--ovn-version");
    if (!options.sample_with_registers.empty()) {
        overrides.sample_with_registers = parse_on_off(options.sample_with_registers, "--sample-with-registers");
    }
    return overrides;
}

int run_cost(const CostOptions& options) {
    const NorthdOverrides overrides = overrides_of(options);
    const auto bundle = Bundle::load(options.bundle);
    const MeasuredCost cost = measure_bundle_cost(*bundle);
    int status = kExitOk;

    std::optional<BundlePrediction> prediction;
    if (options.predict) {
        prediction = predict_bundle(*bundle, overrides);
        if (!prediction->comparison.all_equal()) status = kExitCheckFailed;
    }
    nlohmann::json json =
        options.json ? bundle_cost_json(*bundle, cost, prediction ? &*prediction : nullptr) : nlohmann::json();
    std::string text = options.json ? "" : format_cost(cost, {options.top, options.per_datapath});
    if (prediction && !options.json) {
        text += "\n" + format_prediction(prediction->comparison, prediction->config, options.per_datapath);
        for (const auto& warning : prediction->predicted.warnings) text += "warning: " + warning + "\n";
    }

    const FlowBaseline current = baseline_of(cost, bundle->path());
    if (!options.baseline.empty()) {
        const BaselineCheck check = check_against_baseline(read_flow_baseline(options.baseline), current, options.tolerance);
        if (!check.passed()) status = kExitCheckFailed;
        if (options.json) json["baseline"] = baseline_check_json(check);
        else text += "\n" + format_baseline_check(check, options.baseline);
    }
    if (!options.write_baseline.empty()) {
        write_flow_baseline(current, options.write_baseline);
        if (!options.json) text += "\nBaseline written to " + options.write_baseline + "\n";
    }

    if (options.json) std::cout << json.dump(2) << '\n';
    else std::cout << text;
    return status;
}

const CommandRegistration kCost(20, [](CLI::App& app) {
    auto options = std::make_shared<CostOptions>();
    auto* cmd = app.add_subcommand(
        "cost", "Logical flow cost: per stage and datapath, sampling overhead, per ACL and owner; the northd model "
                "(--predict) and a CI baseline gate");
    add_bundle_argument(*cmd, options->bundle);
    cmd->add_flag("--json", options->json, "JSON: measured, sampling_flows, by_acl, by_owner (+ predicted, baseline)");
    cmd->add_flag("--predict", options->predict,
                  "Model northd's ACL flows from the NB tables and compare them with the dump, stage by stage; exit 1 "
                  "when a stage differs");
    cmd->add_option("--ovn-version", options->ovn_version, "OVN release family to model (default: detected)");
    cmd->add_option("--sample-with-registers", options->sample_with_registers,
                    "on|off: the chassis feature to model (default: from sb/Chassis)");
    cmd->add_flag("--per-datapath", options->per_datapath, "Print every datapath's stages");
    cmd->add_option("--top", options->top, "ACLs and owners listed in the text output (default 10)");
    cmd->add_option("--write-baseline", options->write_baseline, "Write the flow counts to FILE (JSON)");
    cmd->add_option("--baseline", options->baseline,
                    "Compare with a baseline FILE; exit 1 when a count grew past the tolerance");
    cmd->add_option("--tolerance", options->tolerance, "Allowed growth over the baseline, in percent (default 0)")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([options] { set_exit_status(run_cost(*options)); });
});

}  // namespace
}  // namespace ovnsim::cli
