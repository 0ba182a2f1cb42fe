// `ovnsim whatif BUNDLE [EDITS...] [--json]`: the flows northd would emit before and after
// editing the NB tables (sampling, collectors, synthetic ACLs, chassis feature, release),
// and `--sweep acls=...`: sampling flows against the number of sampled ACLs per flow mode.
#include <iostream>

#include "cli/bundle_argument.hpp"
#include "cli/command.hpp"
#include "cli/exit_status.hpp"
#include "sim/cost_bundle.hpp"
#include "sim/report/whatif_report.hpp"
#include "sim/whatif.hpp"
#include "sim/whatif_edit_text.hpp"

namespace ovnsim::cli {
namespace {

struct WhatIfOptions {
    std::string bundle;
    bool json = false;
    bool csv = false;
    bool sample_all = false;
    std::vector<std::string> sample, unsample, collector;
    std::string which = "both";
    int collectors = -1;
    int add_acls = -1;
    std::string template_acl;
    std::string sample_with_registers;
    std::string ovn_version;
    std::string sweep;
};

WhatIfEdits edits_of(const WhatIfOptions& o) {
    WhatIfEditText text;
    text.sample_all = o.sample_all;
    text.sample = o.sample;
    text.unsample = o.unsample;
    text.which = o.which;
    if (o.collectors >= 0) text.collectors = static_cast<std::size_t>(o.collectors);
    text.collector = o.collector;
    if (o.add_acls >= 0) text.add_acls = static_cast<std::size_t>(o.add_acls);
    text.template_acl = o.template_acl;
    if (!o.sample_with_registers.empty()) {
        text.sample_with_registers = parse_on_off(o.sample_with_registers, "--sample-with-registers");
    }
    text.ovn_version = o.ovn_version;
    return parse_whatif_edits(text);
}

int run_whatif_command(const WhatIfOptions& options) {
    if (options.csv && options.sweep.empty()) throw InputError("--csv", {}, "--csv goes with --sweep");
    const WhatIfEdits edits = edits_of(options);
    const auto bundle = Bundle::load(options.bundle);
    if (!options.sweep.empty()) {
        const SweepResult sweep = sweep_bundle(*bundle, edits, parse_sweep(options.sweep, "--sweep"));
        if (options.json) std::cout << sweep_json(sweep).dump(2) << '\n';
        else if (options.csv) std::cout << sweep_csv(sweep);
        else std::cout << format_sweep(sweep);
        return kExitOk;
    }
    const WhatIfResult result = whatif_bundle(*bundle, edits);
    if (options.json) std::cout << whatif_json(result).dump(2) << '\n';
    else std::cout << format_whatif(result);
    return kExitOk;
}

const CommandRegistration kWhatIf(30, [](CLI::App& app) {
    auto o = std::make_shared<WhatIfOptions>();
    auto* cmd = app.add_subcommand("whatif",
                                   "Price NB edits with the northd model: flows per stage before, after and the delta; "
                                   "--sweep for sampling cost against the number of sampled ACLs");
    add_bundle_argument(*cmd, o->bundle);
    cmd->add_flag("--json", o->json, "JSON output");
    cmd->add_flag("--sample-all", o->sample_all, "Sample every ACL");
    cmd->add_option("--sample", o->sample,
                    "Sample the ACLs a SELECTOR picks: all, or name=GLOB,owner=GLOB,owner-type=GLOB,priority=A-B,"
                    "action=A,direction=D,uuid=PREFIX,match=TEXT (match last); repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--unsample", o->unsample, "Stop sampling the ACLs a SELECTOR picks; repeatable")
        ->allow_extra_args(false);
    cmd->add_option("--which", o->which, "What --sample/--unsample touch: new, est or both (default both)");
    cmd->add_option("--collectors", o->collectors, "Every Sample gets N collectors (created as needed)")
        ->check(CLI::Range(0, 255));
    cmd->add_option("--collector", o->collector,
                    "Every Sample gets exactly these collectors: set_id=S[,probability=P] (repeatable)")
        ->allow_extra_args(false);
    cmd->add_option("--sample-with-registers", o->sample_with_registers,
                    "on|off: whether every chassis can sample from registers (OVS >= 3.4)");
    cmd->add_option("--add-acls", o->add_acls, "Add N synthetic copies of the --template ACL")
        ->check(CLI::Range(0, 1000000));
    cmd->add_option("--template", o->template_acl,
                    "SELECTOR of the ACL to copy (default: the first sampled allow-related ACL)");
    cmd->add_option("--ovn-version", o->ovn_version, "Price the result as this OVN release family");
    cmd->add_option("--sweep", o->sweep,
                    "acls=N[,N...]: sampling flows for N sampled copies of the template, per flow mode");
    cmd->add_flag("--csv", o->csv, "With --sweep: CSV output");
    cmd->callback([o] { set_exit_status(run_whatif_command(*o)); });
});

}  // namespace
}  // namespace ovnsim::cli
