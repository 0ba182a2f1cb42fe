// Findings about Sample and Sample_Collector rows.
#include <algorithm>
#include <map>

#include "sim/bundle.hpp"
#include "sim/sample_lint.hpp"
#include "sim/sampling_ovn_version.hpp"

namespace ovnsim {
namespace {

bool used(const SampleUsage& usage) { return !usage.new_of.empty() || !usage.est_of.empty(); }

void add_unique(std::vector<const NbAcl*>& acls, const NbAcl* acl) {
    if (std::find(acls.begin(), acls.end(), acl) == acls.end()) acls.push_back(acl);
}

std::vector<const NbAcl*> acls_of(const SampleUsage& usage) {
    std::vector<const NbAcl*> acls = usage.new_of;
    for (const NbAcl* acl : usage.est_of) add_unique(acls, acl);
    return acls;
}

std::string sample_name(const NbSample& sample) {
    return "Sample " + sample.uuid.to_string() + " (metadata " + std::to_string(sample.metadata) + ")";
}

std::string collector_name(const NbSampleCollector& collector) {
    std::string text = "Sample_Collector ";
    if (!collector.name.empty()) text += collector.name + " ";
    return text + "(id " + std::to_string(collector.id) + ", set_id " + std::to_string(collector.set_id) + ")";
}

void no_collectors(const Bundle& bundle, const SampleUsage& usage, std::vector<SampleFinding>& out) {
    const NbSample& sample = *usage.sample;
    if (sample.collector_uuids.empty()) {
        out.push_back({FindingSeverity::warning, "sample-no-collectors",
                       sample_name(sample) + " has no collectors: the sample flows of its " +
                           acl_list_text(acls_of(usage)) + " only do ` next;`, nothing is sampled",
                       sample.origin, acls_of(usage), &sample, nullptr});
    } else if (sample.collectors.size() < sample.collector_uuids.size() &&
               bundle.nb().has_table("Sample_Collector")) {
        out.push_back({FindingSeverity::warning, "dangling-collector",
                       sample_name(sample) + " references " +
                           std::to_string(sample.collector_uuids.size() - sample.collectors.size()) +
                           " Sample_Collector row(s) that are not in the table",
                       sample.origin, acls_of(usage), &sample, nullptr});
    }
}

void zero_probability(const std::vector<SampleUsage>& samples, std::vector<SampleFinding>& out) {
    std::map<const NbSampleCollector*, std::vector<const NbAcl*>> users;
    for (const SampleUsage& usage : samples) {
        for (const NbSampleCollector* collector : usage.sample->collectors) {
            if (collector->probability != 0) continue;
            for (const NbAcl* acl : acls_of(usage)) add_unique(users[collector], acl);
        }
    }
    for (const auto& [collector, acls] : users) {
        if (acls.empty()) continue;
        out.push_back({FindingSeverity::error, "zero-probability",
                       collector_name(*collector) +
                           " has probability 0: northd writes sample(probability=0,...), which ovn-controller "
                           "refuses to parse, so the flows sampling to it are not installed (" +
                           acl_list_text(acls) + ")",
                       collector->origin, acls, nullptr, collector});
    }
}

void duplicate_metadata(const Bundle& bundle, const SamplingCoverage& coverage, std::vector<SampleFinding>& out) {
    std::map<std::int64_t, std::vector<const NbSample*>> by_metadata;
    for (const NbSample& sample : bundle.nb().samples) by_metadata[sample.metadata].push_back(&sample);
    for (const auto& [metadata, samples] : by_metadata) {
        if (samples.size() < 2) continue;
        out.push_back({FindingSeverity::warning, "duplicate-metadata",
                       std::to_string(samples.size()) + " Samples have metadata " + std::to_string(metadata) +
                           " (the NB index allows one): a collector cannot tell them apart",
                       samples[1]->origin, {}, samples[1], nullptr});
    }
    for (const SampleUsage& usage : coverage.samples) {
        for (const auto* column : {&usage.new_of, &usage.est_of}) {
            if (column->size() < 2) continue;
            const bool is_new = column == &usage.new_of;
            out.push_back({FindingSeverity::warning, "duplicate-metadata",
                           sample_name(*usage.sample) + " is the " + (is_new ? "sample_new" : "sample_est") +
                               " of " + acl_list_text(*column) +
                               ": a collector cannot tell them apart (OVN-Kubernetes reports \"expected 1 ACL, got " +
                               std::to_string(column->size()) + "\")",
                           usage.sample->origin, *column, usage.sample, nullptr});
        }
    }
}

// §9: 24.09.3 prints collector_set in full; earlier northd printed set_id as 8 bits.
// The dump decides when it shows the collector; else the release, when known.
void truncated_collector_sets(const Bundle& bundle, const SamplingCoverage& coverage,
                              std::vector<SampleFinding>& out) {
    const auto version = detect_ovn_version(bundle);
    std::map<const NbSampleCollector*, std::vector<const NbAcl*>> users;
    for (const SampleUsage& usage : coverage.samples) {
        for (const NbSampleCollector* collector : usage.sample->collectors) {
            if (collector->set_id <= 255) continue;
            for (const NbAcl* acl : acls_of(usage)) add_unique(users[collector], acl);
        }
    }
    const auto& printed = coverage.dump_flows.collector_sets;
    for (const auto& [collector, acls] : users) {
        if (acls.empty()) continue;
        const auto full = static_cast<std::uint32_t>(collector->set_id);
        const std::uint32_t truncated = full & 0xFF;
        const bool other_has_truncated = bundle.nb().sample_collectors.end() !=
            std::find_if(bundle.nb().sample_collectors.begin(), bundle.nb().sample_collectors.end(),
                         [&](const NbSampleCollector& c) { return c.set_id == truncated; });
        const std::string name = collector_name(*collector);
        const std::string effect = ": its samples go to collector set " + std::to_string(truncated) + " (" +
                                   acl_list_text(acls) + ")";
        if (printed.contains(full)) continue;  // this northd prints it in full
        if (printed.contains(truncated) && !other_has_truncated) {
            out.push_back({FindingSeverity::error, "collector-set-truncated",
                           name + ": the dump's sample actions print collector_set=" + std::to_string(truncated) +
                               ", the set_id truncated to 8 bits" + effect,
                           collector->origin, acls, nullptr, collector});
        } else if (version && !version->at_least(24, 9, 3)) {
            out.push_back({FindingSeverity::error, "collector-set-truncated",
                           name + ": OVN " + version->to_string() + " (from " + version->source +
                               ") is older than 24.09.3, whose northd printed set_id as 8 bits" + effect,
                           collector->origin, acls, nullptr, collector});
        } else if (!version) {
            out.push_back({FindingSeverity::warning, "collector-set-truncated",
                           name + ": set_id above 255, and neither the dump nor the OVN release tells whether this "
                               "northd truncates it to 8 bits (releases before 24.09.3 do)",
                           collector->origin, acls, nullptr, collector});
        }
    }
}

void mode_mismatch(const SampleUsage& usage, std::vector<SampleFinding>& out) {
    if (!usage.observed || *usage.observed == usage.mode.mode || !used(usage)) return;
    out.push_back({FindingSeverity::warning, "flow-mode-mismatch",
                   sample_name(*usage.sample) + ": the dump has " + std::string(to_string(*usage.observed)) +
                       " sample flows for it, but the rule predicts " + std::string(to_string(usage.mode.mode)) +
                       " (" + usage.mode.reason + "): the bundle's SB Chassis rows are not those northd saw",
                   usage.sample->origin, acls_of(usage), usage.sample, nullptr});
}

}  // namespace

void lint_samples(const Bundle& bundle, const SamplingCoverage& coverage, std::vector<SampleFinding>& out) {
    for (const SampleUsage& usage : coverage.samples) {
        if (!used(usage)) continue;
        no_collectors(bundle, usage, out);
        mode_mismatch(usage, out);
    }
    zero_probability(coverage.samples, out);
    duplicate_metadata(bundle, coverage, out);
    truncated_collector_sets(bundle, coverage, out);
}

}  // namespace ovnsim
