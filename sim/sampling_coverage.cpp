#include "sim/sampling_coverage.hpp"

#include <algorithm>
#include <tuple>
#include <unordered_map>

#include "sim/bundle.hpp"
#include "sim/sampling_shadowing.hpp"

namespace ovnsim {
namespace {

using Modes = std::unordered_map<const NbSample*, FlowModeDecision>;

std::string opposite_stage(const std::string& stage) {
    return stage == "ls_out_acl_sample" ? "ls_in_acl_sample" : "ls_out_acl_sample";
}

SampleFiring silent(std::string stage, std::string why) {
    SampleFiring firing;
    firing.stage = std::move(stage);
    firing.when = std::move(why);
    return firing;
}

// Why the flows of `sample` cannot sample for `acl`, if they cannot (§5.4, §5.8, §9).
std::optional<std::string> why_flows_do_not_sample(const NbAcl& acl, const NbSample& sample, SampleFlowMode mode,
                                                   std::uint8_t app_id, std::string_view app_type) {
    if (sample.collector_uuids.empty()) return "its Sample has no collectors: northd's flow only does ` next;`";
    if (mode == SampleFlowMode::shared && acl.label != 0) {
        return "label " + std::to_string(acl.label) +
               " overrides the sample ids and leaves the collector registers 0: the shared flows never match";
    }
    if (mode == SampleFlowMode::per_acl && app_id == 0) {  // labelled ACLs too: northd checks the row first
        return "no Sampling_App of type " + std::string(app_type) +
               ": northd gives the per-ACL flow an empty action, which drops the packets it matches";
    }
    for (const NbSampleCollector* collector : sample.collectors) {
        if (collector->probability == 0) {
            return "collector " + std::to_string(collector->id) +
                   " has probability 0: ovn-controller refuses the flow, nothing is sampled";
        }
    }
    return std::nullopt;
}

void set_ids(SampleFiring& firing, const NbAcl& acl, const NbSample& sample, SampleApp app, std::uint8_t app_id) {
    firing.sample = &sample;
    firing.app = acl.label != 0 ? SampleApp::unknown : app;
    firing.app_id = acl.label != 0 ? 0 : app_id;
    firing.obs_point = static_cast<std::uint32_t>(acl.label != 0 ? acl.label : sample.metadata);
}

std::string ids_suffix(const NbAcl& acl, std::uint8_t app_id) {
    if (acl.label != 0) return " (label " + std::to_string(acl.label) + " replaces the Sample ids)";
    if (app_id == 0) return " (no Sampling_App row: the shared flow samples with obs_domain app 0)";
    return "";
}

class AclCoverageBuilder {
public:
    AclCoverageBuilder(const SamplingCoverage& coverage, const Modes& modes) : coverage_(coverage), modes_(modes) {}

    void build(AclCoverage& out) const {
        const NbAcl& acl = *out.acl;
        out.stage = acl_sample_stage(acl);
        out.obs_stage = acl_obs_stage(acl);
        if (out.shadowed_by) {
            const std::string why = "shadowed: ACL " + acl_display_name(*out.shadowed_by) +
                                    " has the same direction and match text and always decides first";
            out.new_traffic = silent(out.stage, why);
            out.established = silent(out.stage, why);
            out.reply = silent(opposite_stage(out.stage), why);
            return;
        }
        out.new_traffic = new_firing(out);
        out.established = established_firing(out, out.stage, "established packets in the original direction");
        out.reply = established_firing(out, opposite_stage(out.stage), "reply packets of those connections");
        if (out.new_traffic.fires && !out.established.fires && !out.reply.fires) {
            out.first_packet_only = out.established.when;
        }
    }

private:
    const FlowModeDecision& mode_of(const NbSample& sample) const { return modes_.at(&sample); }

    bool applies(const AclCoverage& c) const { return !coverage_.scope_known || !c.switches.empty(); }

    // The firing of `sample`'s flows in `stage`: ids and mode set, `fires` unless the flows
    // cannot sample (then `when` says why; else the caller says when).
    SampleFiring sample_flows(const AclCoverage& c, std::string stage, const NbSample& sample, SampleApp app,
                              std::uint8_t app_id) const {
        SampleFiring firing = silent(std::move(stage), "");
        firing.mode = mode_of(sample).mode;
        set_ids(firing, *c.acl, sample, app, app_id);
        if (auto why = why_flows_do_not_sample(*c.acl, sample, *firing.mode, app_id, to_string(app))) {
            firing.when = std::move(*why);
        } else {
            firing.fires = true;
        }
        return firing;
    }

    SampleFiring new_firing(const AclCoverage& c) const {
        const NbAcl& acl = *c.acl;
        if (!acl.sample_new) {
            return silent(c.stage, acl.sample_new_uuid ? "its sample_new is not in the Sample table" : "no sample_new");
        }
        if (!applies(c)) return silent(c.stage, "the ACL applies to no logical switch: northd emits no flows for it");
        SampleFiring firing = sample_flows(c, c.stage, *acl.sample_new, SampleApp::acl_new, coverage_.acl_new_app);
        if (!firing.fires) return firing;
        const bool stateful_match = c.stateful && acl.action != AclAction::allow_stateless;
        if (stateful_match) {
            firing.when = c.obs_stage == 2 ? "new connections (packets with ct.new, or untracked)"
                                           : "new connections (the packets with ct.new)";
        } else if (acl.action == AclAction::allow_stateless) {
            firing.when = "every packet the ACL matches (allow-stateless: no conntrack)";
        } else {
            firing.when = "every packet the ACL matches (the switch has no stateful ACL: no conntrack)";
        }
        firing.when += ids_suffix(acl, coverage_.acl_new_app);
        return firing;
    }

    SampleFiring established_firing(const AclCoverage& c, std::string stage, std::string_view what) const {
        const NbAcl& acl = *c.acl;
        const auto no = [&](std::string why) { return silent(stage, std::move(why)); };
        if (!acl.sample_est) {
            return no(acl.sample_est_uuid ? "its sample_est is not in the Sample table" : "no sample_est");
        }
        if (!applies(c)) return no("the ACL applies to no logical switch: northd emits no flows for it");
        if (acl.action == AclAction::allow_stateless) return no("allow-stateless: the connection is not tracked");
        if (!c.stateful) return no("no stateful (allow-related) ACL on the switch: connections are not tracked");
        if (!acl.sample_new && acl.action != AclAction::allow_related) {
            return no(acl.action_name + " without sample_new: northd emits established-traffic flows only with "
                                        "sample_new or for allow-related");
        }
        if (acl.action == AclAction::pass) {
            return no("pass: northd stores no established id for it (reg9 = 0); the connection carries the ids of "
                      "the ACL that decides");
        }
        if (acl.action == AclAction::drop || acl.action == AclAction::reject) {
            return no(acl.action_name + ": the connections it blocks never become established");
        }
        if (acl.persist_established()) {
            return no("persist-established stores the ACL id in ct_label, so ct_label.obs_unused != 0 and the "
                      "established flows never match");
        }
        const bool original = stage == c.stage;
        SampleFiring firing = sample_flows(c, std::move(stage), *acl.sample_est, SampleApp::acl_est,
                                           coverage_.acl_est_app);
        if (!firing.fires) return firing;
        firing.when = std::string(what) + ids_suffix(acl, coverage_.acl_est_app);
        // The reply is allowed by the untiered 65532 flow in the first pass; the original
        // direction goes through every tier up to the ACL's.
        if (acl.tier > 0 && coverage_.dump_flows.established_flows_unguarded() && original) {
            firing.when += ", " + std::to_string(acl.tier + 1) +
                           " times per packet (once per tier pass: the dump's flows lack the flags.pkt_sampled guard "
                           "of 26.03)";
        }
        return firing;
    }

    const SamplingCoverage& coverage_;
    const Modes& modes_;
};

// ovn-nbctl acl-list order: direction, before/after LB, tier, priority (descending), match.
bool acl_list_order(const AclCoverage& a, const AclCoverage& b) {
    const NbAcl& x = *a.acl;
    const NbAcl& y = *b.acl;
    const auto key = [](const AclCoverage& c) {
        const NbAcl& acl = *c.acl;
        return std::make_tuple(acl.direction, acl.apply_after_lb(), acl.tier, -acl.priority);
    };
    if (key(a) != key(b)) return key(a) < key(b);
    if (x.match != y.match) return x.match < y.match;
    if (x.uuid != y.uuid) return x.uuid < y.uuid;
    return a.stateful && !b.stateful;
}

std::optional<SampleFlowMode> observed_mode(const NbSample& sample, const DumpSampleFlows& flows) {
    const auto point = static_cast<std::uint32_t>(sample.metadata);
    if (flows.per_acl_new_points.contains(point) || flows.per_acl_est_points.contains(point)) {
        return SampleFlowMode::per_acl;
    }
    if (sample.collectors.size() == 1 &&
        flows.shared_collector_ids.contains(static_cast<std::uint32_t>(sample.collectors.front()->id))) {
        return SampleFlowMode::shared;
    }
    return std::nullopt;
}

std::uint8_t app_id(const NbModel& nb, std::string_view type) {
    const NbSamplingApp* app = nb.sampling_app(type);
    return app ? static_cast<std::uint8_t>(app->id) : 0;
}

}  // namespace

std::string acl_sample_stage(const NbAcl& acl) {
    if (acl.direction == AclDirection::to_lport) return "ls_out_acl_sample";
    return acl.apply_after_lb() ? "ls_in_acl_after_lb_sample" : "ls_in_acl_sample";
}

int acl_obs_stage(const NbAcl& acl) {
    if (acl.direction == AclDirection::to_lport) return 2;
    return acl.apply_after_lb() ? 1 : 0;
}

SamplingCoverage sampling_coverage(const Bundle& bundle, const AclMessageDecoders& messages) {
    SamplingCoverage coverage;
    const NbModel& nb = bundle.nb();
    coverage.chassis = chassis_sample_support(bundle.sb(), bundle.has_sb());
    coverage.dump_flows = scan_sample_flows(bundle.dump());
    coverage.acl_new_app = app_id(nb, "acl-new");
    coverage.acl_est_app = app_id(nb, "acl-est");

    Modes modes;
    std::vector<const NbSample*> samples;
    for (const NbSample& sample : nb.samples) samples.push_back(&sample);
    std::sort(samples.begin(), samples.end(), [](const NbSample* a, const NbSample* b) {
        return std::tie(a->metadata, a->uuid) < std::tie(b->metadata, b->uuid);
    });
    for (const NbSample* sample_ptr : samples) {
        const NbSample& sample = *sample_ptr;
        SampleUsage usage;
        usage.sample = &sample;
        usage.mode = sample_flow_mode(sample, coverage.chassis);
        if (coverage.dump_flows.flows > 0) usage.observed = observed_mode(sample, coverage.dump_flows);
        modes.emplace(&sample, usage.mode);
        coverage.samples.push_back(std::move(usage));
    }
    std::unordered_map<const NbSample*, SampleUsage*> usage_of;
    for (SampleUsage& usage : coverage.samples) usage_of.emplace(usage.sample, &usage);

    coverage.scope = std::make_shared<const AclScope>(nb);
    const AclScope& scope = *coverage.scope;
    coverage.scope_known = scope.known();
    const bool any_stateful = std::any_of(nb.acls.begin(), nb.acls.end(),
                                          [](const NbAcl& acl) { return acl.action == AclAction::allow_related; });
    const auto shadowed = find_shadowed_acls(nb, scope);
    const AclCoverageBuilder builder(coverage, modes);
    for (const NbAcl& acl : nb.acls) {
        if (acl.sample_new) usage_of.at(acl.sample_new)->new_of.push_back(&acl);
        if (acl.sample_est) usage_of.at(acl.sample_est)->est_of.push_back(&acl);
        std::vector<const NbLogicalSwitch*> stateful, stateless;
        for (const NbLogicalSwitch* ls : scope.switches(acl)) {
            (scope.stateful(*ls) ? stateful : stateless).push_back(ls);
        }
        std::vector<AclCoverage> entries;
        if (!stateful.empty()) entries.push_back(AclCoverage{&acl, std::move(stateful), true});
        if (!stateless.empty()) entries.push_back(AclCoverage{&acl, std::move(stateless), false});
        // Without switches the ACL reaches nothing; without the tables, guess S from the whole NB.
        if (entries.empty()) entries.push_back(AclCoverage{&acl, {}, !coverage.scope_known && any_stateful});
        const auto shadow = shadowed.find(&acl);
        for (AclCoverage& entry : entries) {
            if (shadow != shadowed.end()) entry.shadowed_by = shadow->second;
            builder.build(entry);
            if (entry.has_samples()) entry.message = messages.message(acl);
            coverage.acls.push_back(std::move(entry));
        }
    }
    std::sort(coverage.acls.begin(), coverage.acls.end(), acl_list_order);
    return coverage;
}

}  // namespace ovnsim
