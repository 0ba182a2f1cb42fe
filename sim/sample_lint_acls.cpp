// Findings about sampled ACLs.
#include <algorithm>

#include "sim/bundle.hpp"
#include "sim/sample_lint.hpp"

namespace ovnsim {
namespace {

void add_unique(std::vector<const NbAcl*>& acls, const NbAcl* acl) {
    if (std::find(acls.begin(), acls.end(), acl) == acls.end()) acls.push_back(acl);
}

// Per-ACL flows need the app row even for a labelled ACL, which samples with obs_domain 0.
bool needs_app(const SampleFiring& firing) {
    return firing.mode == SampleFlowMode::per_acl && firing.sample && !firing.sample->collector_uuids.empty();
}

// §9: per-ACL flows without their Sampling_App row have an empty action, which drops.
void missing_sampling_app(const Bundle& bundle, const SamplingCoverage& coverage, std::vector<SampleFinding>& out) {
    std::vector<const NbAcl*> new_acls, est_acls, shared_acls;
    for (const AclCoverage& c : coverage.acls) {
        const NbAcl& acl = *c.acl;
        if (coverage.acl_new_app == 0 && c.new_traffic.mode) {
            add_unique(needs_app(c.new_traffic) ? new_acls : shared_acls, &acl);
        }
        if (coverage.acl_est_app == 0 && c.established.mode) {
            add_unique(needs_app(c.established) ? est_acls : shared_acls, &acl);
        }
    }
    std::string evidence;
    if (const DumpFlow* flow = coverage.dump_flows.first_empty_action) {
        evidence = "; the dump has " + std::to_string(coverage.dump_flows.empty_action_flows) +
                   " sample-stage flow(s) with an empty action (first at " + bundle.dump().path() + ":" +
                   std::to_string(flow->line) + ")";
    }
    if (!new_acls.empty()) {
        out.push_back({FindingSeverity::error, "missing-sampling-app",
                       "no Sampling_App of type acl-new: the per-ACL new-connection sample flows of " +
                           acl_list_text(new_acls) + " get an empty action, which drops the packets they match" +
                           evidence,
                       new_acls.front()->origin, new_acls, nullptr, nullptr});
    }
    if (!est_acls.empty()) {
        out.push_back({FindingSeverity::error, "missing-sampling-app",
                       "no Sampling_App of type acl-est: the per-ACL established-traffic sample flows of " +
                           acl_list_text(est_acls) +
                           " get an empty action, which drops every established packet in both directions" +
                           evidence,
                       est_acls.front()->origin, est_acls, nullptr, nullptr});
    }
    if (!shared_acls.empty()) {
        const std::string types = coverage.acl_new_app == 0 && coverage.acl_est_app == 0 ? "acl-new and acl-est"
                                  : coverage.acl_new_app == 0                            ? "acl-new"
                                                                                         : "acl-est";
        out.push_back({FindingSeverity::warning, "missing-sampling-app",
                       "no Sampling_App of type " + types +
                           ": the shared sample flows of " + acl_list_text(shared_acls) +
                           " sample with obs_domain app 0, which no collector can decode",
                       shared_acls.front()->origin, shared_acls, nullptr, nullptr});
    }
}

void label_overrides(const NbAcl& acl, std::vector<SampleFinding>& out) {
    if (acl.label == 0 || (!acl.sample_new && !acl.sample_est)) return;
    const std::string label = std::to_string(acl.label);
    out.push_back({FindingSeverity::warning, "label-overrides-sample",
                   "ACL " + acl_display_name(acl) + " has label " + label +
                       ", which replaces its Sample ids: per-ACL flows sample with obs_domain app 0 and obs_point " +
                       label + ", shared flows never match",
                   acl.origin, {&acl}, acl.sample_new ? acl.sample_new : acl.sample_est, nullptr});
}

void shadowed_samples(const SamplingCoverage& coverage, std::vector<SampleFinding>& out) {
    std::vector<const NbAcl*> reported;
    for (const AclCoverage& c : coverage.acls) {
        if (!c.shadowed_by || !c.has_samples()) continue;
        if (std::find(reported.begin(), reported.end(), c.acl) != reported.end()) continue;
        reported.push_back(c.acl);
        const NbAcl& acl = *c.acl;
        const NbAcl& other = *c.shadowed_by;
        out.push_back({FindingSeverity::warning, "shadowed-sample",
                       "the samples of ACL " + acl_display_name(acl) + " never fire: ACL " + acl_display_name(other) +
                           " (" + other.action_name + ", priority " + std::to_string(other.priority) + ", tier " +
                           std::to_string(other.tier) +
                           ") has the same direction and match text and decides first wherever it applies "
                           "(only identical match text is detected)",
                       acl.origin, {&acl, &other}, acl.sample_new ? acl.sample_new : acl.sample_est, nullptr});
    }
}

void not_applied(const SamplingCoverage& coverage, std::vector<SampleFinding>& out) {
    if (!coverage.scope_known) return;
    for (const AclCoverage& c : coverage.acls) {
        if (!c.switches.empty() || !c.has_samples()) continue;
        out.push_back({FindingSeverity::info, "acl-not-applied",
                       "ACL " + acl_display_name(*c.acl) +
                           " has samples but applies to no logical switch (no owner, or port groups without ports)",
                       c.acl->origin, {c.acl}, nullptr, nullptr});
    }
}

}  // namespace

void lint_acls(const Bundle& bundle, const SamplingCoverage& coverage, std::vector<SampleFinding>& out) {
    missing_sampling_app(bundle, coverage, out);
    for (const NbAcl& acl : bundle.nb().acls) label_overrides(acl, out);
    shadowed_samples(coverage, out);
    not_applied(coverage, out);
}

}  // namespace ovnsim
