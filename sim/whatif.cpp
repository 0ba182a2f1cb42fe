#include "sim/whatif.hpp"

#include <charconv>

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

PredictOptions counts_only() { return PredictOptions{false}; }

AclSelector by_uuid(const NbAcl& acl) { return AclSelector::parse("uuid=" + acl.uuid.to_string(), ""); }

// `nb` with no ACL sampled but `count` sampled copies of the ACL `template_uuid`.
NbModel with_sampled_copies(const NbModel& nb, const NbAcl& template_acl, std::uint64_t count, SampleKind kind) {
    NbModel out(nb);
    std::vector<std::string> ignored;
    WhatIfEdits edits;
    edits.unsample = {AclSelector::all()};
    edits.sample = {by_uuid(template_acl)};
    edits.kind = kind;
    apply_nb_edits(out, edits, ignored);
    const NbAcl* copied = out.acl(template_acl.uuid);
    add_acl_copies(out, *copied, count, ignored);
    WhatIfEdits unsample_template;
    unsample_template.unsample = {by_uuid(template_acl)};
    apply_nb_edits(out, unsample_template, ignored);
    return out;
}

}  // namespace

WhatIfResult run_whatif(const NbModel& nb, const NorthdConfig& config, const WhatIfEdits& edits) {
    WhatIfResult result;
    result.before = predict_acl_flows(nb, config, counts_only());
    NbModel edited(nb);
    apply_nb_edits(edited, edits, result.log);
    const NorthdConfig after_config = apply_config_edits(config, edits);
    if (after_config.features.sample_with_registers != config.features.sample_with_registers) {
        result.log.push_back(std::string("chassis feature ovn-sample-with-registers: ") +
                             (after_config.features.sample_with_registers ? "on" : "off"));
    }
    if (after_config.family != config.family) {
        result.log.push_back("OVN " + std::string(to_string(config.family)) + " -> " +
                             std::string(to_string(after_config.family)));
    }
    result.after = predict_acl_flows(edited, after_config, counts_only());
    for (const DatapathFlows& dp : result.after.datapaths) {
        const DatapathFlows* old = result.before.datapath(dp.name());
        const std::uint64_t added = old ? dp.flows_not_in(*old) : dp.total();
        const std::uint64_t removed = old ? old->flows_not_in(dp) : 0;
        result.added += added;
        result.removed += removed;
        if (added + removed > 0) ++result.changed_switches;
    }
    return result;
}

std::vector<SweepMode> sweep_modes() {
    return {
        {"per-ACL, 2 collectors", "per_acl_2_collectors", 2, true},
        {"per-ACL, 1 collector, no registers", "per_acl_1_collector_no_registers", 1, false},
        {"shared, 1 collector", "shared_1_collector", 1, true},
    };
}

SweepResult run_sweep(const NbModel& nb, const NorthdConfig& config, const std::vector<std::uint64_t>& counts,
                      const std::optional<AclSelector>& template_selector, SampleKind kind) {
    SweepResult result;
    const NbAcl& source = template_acl(nb, template_selector);
    result.template_acl = source;
    result.template_acl.sample_new = result.template_acl.sample_est = nullptr;
    result.template_acl.switches.clear();
    result.template_acl.port_groups.clear();
    result.modes = sweep_modes();
    for (const std::uint64_t count : counts) {
        const NbModel sampled = with_sampled_copies(nb, source, count, kind);
        SweepRow row;
        row.sampled_acls = count;
        for (const SweepMode& mode : result.modes) {
            NbModel priced(sampled);
            std::vector<std::string> ignored;
            set_collector_count(priced, mode.collectors, ignored);
            NorthdConfig mode_config = config;
            mode_config.features.sample_with_registers = mode.sample_with_registers;
            const PredictedFlows flows = predict_acl_flows(priced, mode_config, counts_only());
            row.sampling_flows.push_back(flows.sampling_flows());
            row.total_flows.push_back(flows.total());
        }
        result.rows.push_back(std::move(row));
    }
    return result;
}

std::vector<std::uint64_t> parse_sweep(std::string_view text, std::string_view option) {
    const auto fail = [&]() -> std::vector<std::uint64_t> {
        throw InputError(std::string(option), {},
                         "expected acls=N[,N...] with counts from 0 to 1000000, not '" + std::string(text) + "'");
    };
    if (!text.starts_with("acls=")) return fail();
    std::string_view rest = text.substr(5);
    std::vector<std::uint64_t> counts;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        std::uint64_t value = 0;
        const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
        if (ec != std::errc() || end != item.data() + item.size() || value > 1000000) return fail();
        counts.push_back(value);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    if (counts.empty()) return fail();
    return counts;
}

}  // namespace ovnsim
