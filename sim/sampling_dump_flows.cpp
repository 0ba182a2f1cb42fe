#include "sim/sampling_dump_flows.hpp"

#include <charconv>
#include <string>

#include "parser/action_ast.hpp"

namespace ovnsim {
namespace {

// Every N in `... <prefix>N ...` where N is a decimal number ending at a non-digit.
void numbers_after(std::string_view text, std::string_view prefix, std::set<std::uint32_t>& out) {
    for (std::size_t at = text.find(prefix); at != std::string_view::npos; at = text.find(prefix, at + 1)) {
        const char* first = text.data() + at + prefix.size();
        std::uint32_t value = 0;
        const auto [end, ec] = std::from_chars(first, text.data() + text.size(), value);
        if (ec == std::errc() && end != first) out.insert(value);
    }
}

void collect_sample_actions(const ActionList& actions, std::set<std::uint32_t>& collector_sets) {
    for (const Action& action : actions) {
        if (const auto* sample = std::get_if<SampleAction>(&action.node)) {
            if (sample->collector_set) collector_sets.insert(*sample->collector_set);
        }
    }
}

}  // namespace

bool is_acl_sample_stage(std::string_view stage) {
    return stage == "ls_in_acl_sample" || stage == "ls_in_acl_after_lb_sample" || stage == "ls_out_acl_sample";
}

DumpSampleFlows scan_sample_flows(const LflowDump& dump) {
    DumpSampleFlows out;
    for (const DumpFlow& flow : dump.flows) {
        if (!is_acl_sample_stage(dump.stage_name(flow))) continue;
        ++out.flows;
        if (flow.match.find("(ct.est || ct.rel)") != std::string_view::npos) {
            ++out.established_flows;
            out.guarded_established_flows += flow.match.find("flags.pkt_sampled == 0") != std::string_view::npos;
        }
        numbers_after(flow.match, "reg3 == ", out.per_acl_new_points);
        numbers_after(flow.match, "ct_label.obs_point_id == ", out.per_acl_est_points);
        numbers_after(flow.match, "reg8[0..7] == ", out.shared_collector_ids);
        numbers_after(flow.match, "ct_mark.obs_collector_id == ", out.shared_collector_ids);
        try {
            const ActionList actions = parse_actions(flow.actions, TextOrigin{dump.path(), dump.actions_loc(flow)});
            if (actions.empty()) {
                if (out.empty_action_flows++ == 0) out.first_empty_action = &flow;
            }
            collect_sample_actions(actions, out.collector_sets);
        } catch (const InputError&) {
            // A flow ovnsim cannot parse says nothing about sampling; `ovnsim parse` reports it.
        }
    }
    return out;
}

}  // namespace ovnsim
