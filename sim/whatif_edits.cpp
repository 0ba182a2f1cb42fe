#include "sim/whatif_edits.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_set>

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// New rows need UUIDs no existing row has, and Samples a metadata no Sample has;
// deterministic so that runs repeat.
class RowMint {
public:
    explicit RowMint(const NbModel& nb) {
        for (const auto& r : nb.acls) used_.insert(r.uuid);
        for (const auto& r : nb.samples) {
            used_.insert(r.uuid);
            metadata_ = std::max(metadata_, r.metadata);
        }
        for (const auto& r : nb.sample_collectors) used_.insert(r.uuid);
        for (const auto& r : nb.sampling_apps) used_.insert(r.uuid);
    }
    Uuid next() {
        for (;;) {
            ++counter_;
            const Uuid uuid{splitmix64(counter_), splitmix64(~counter_)};
            if (used_.insert(uuid).second) return uuid;
        }
    }
    std::int64_t next_metadata() { return ++metadata_; }

private:
    std::int64_t metadata_ = 0;
    std::unordered_set<Uuid, UuidHash> used_;
    std::uint64_t counter_ = 0;
};

std::optional<std::int64_t> integer(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::int64_t free_collector_id(const NbModel& nb) {
    std::set<std::int64_t> used;
    for (const auto& c : nb.sample_collectors) used.insert(c.id);
    for (std::int64_t id = 1; id <= 255; ++id) {
        if (!used.contains(id)) return id;
    }
    throw InputError("Sample_Collector", {}, "cannot add a collector: all 255 ids are in use");
}

const Uuid& add_collector(NbModel& nb, RowMint& mint, std::int64_t set_id, std::int64_t probability,
                          std::vector<std::string>& log) {
    NbSampleCollector collector;
    collector.uuid = mint.next();
    collector.id = free_collector_id(nb);
    collector.name = "whatif-" + std::to_string(collector.id);
    collector.set_id = set_id;
    collector.probability = probability;
    log.push_back("created Sample_Collector id=" + std::to_string(collector.id) + " set_id=" + std::to_string(set_id) +
                  " probability=" + std::to_string(probability));
    nb.sample_collectors.push_back(std::move(collector));
    nb.loaded_tables.insert("Sample_Collector");
    return nb.sample_collectors.back().uuid;
}

std::vector<Uuid> collectors_by_id(const NbModel& nb) {
    std::vector<const NbSampleCollector*> sorted;
    for (const auto& c : nb.sample_collectors) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->id < b->id; });
    std::vector<Uuid> out;
    for (const auto* c : sorted) out.push_back(c->uuid);
    return out;
}

// OVSDB keeps a set's members in UUID order; northd prints a Sample's collectors in it.
void assign_collectors(NbModel& nb, std::vector<Uuid> collectors) {
    std::sort(collectors.begin(), collectors.end());
    for (NbSample& sample : nb.samples) sample.collector_uuids = collectors;
}

void ensure_sampling_app(NbModel& nb, RowMint& mint, const std::string& type, std::int64_t preferred,
                         std::vector<std::string>& log) {
    if (nb.sampling_app(type) != nullptr) return;
    std::set<std::int64_t> used;
    for (const auto& app : nb.sampling_apps) used.insert(app.id);
    std::int64_t id = preferred;
    while (used.contains(id)) ++id;
    nb.sampling_apps.push_back(NbSamplingApp{mint.next(), {}, type, id, {}});
    nb.loaded_tables.insert("Sampling_App");
    log.push_back("created Sampling_App " + type + " id=" + std::to_string(id));
}

// Every collector by id; one is created when there is none.
std::vector<Uuid> default_collectors(NbModel& nb, RowMint& mint, std::vector<std::string>& log) {
    if (nb.sample_collectors.empty()) add_collector(nb, mint, 1, 65535, log);
    return collectors_by_id(nb);
}

Uuid add_sample(NbModel& nb, RowMint& mint, std::vector<Uuid> collectors) {
    std::sort(collectors.begin(), collectors.end());
    NbSample sample;
    sample.uuid = mint.next();
    sample.metadata = mint.next_metadata();
    sample.collector_uuids = std::move(collectors);
    nb.samples.push_back(std::move(sample));
    nb.loaded_tables.insert("Sample");
    return nb.samples.back().uuid;
}

void unsample(NbModel& nb, const WhatIfEdits& edits, std::vector<std::string>& log) {
    std::size_t changed = 0;
    for (NbAcl& acl : nb.acls) {
        if (!std::any_of(edits.unsample.begin(), edits.unsample.end(), [&](auto& s) { return s.matches(acl); })) continue;
        const bool had = acl.sample_new_uuid || acl.sample_est_uuid;
        if (edits.kind != SampleKind::established) acl.sample_new_uuid.reset();
        if (edits.kind != SampleKind::new_connections) acl.sample_est_uuid.reset();
        if (had) ++changed;
    }
    log.push_back("unsampled " + std::to_string(changed) + " ACL" + (changed == 1 ? "" : "s"));
}

// An ACL keeps its Sample; one sampled only for new (or established) connections gets the
// same Sample for the other kind, as OVN-Kubernetes does.
void sample(NbModel& nb, RowMint& mint, const WhatIfEdits& edits, std::vector<std::string>& log) {
    ensure_sampling_app(nb, mint, "acl-new", 2, log);
    ensure_sampling_app(nb, mint, "acl-est", 3, log);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < nb.acls.size(); ++i) {
        if (!std::any_of(edits.sample.begin(), edits.sample.end(), [&](auto& s) { return s.matches(nb.acls[i]); })) {
            continue;
        }
        const bool want_new = edits.kind != SampleKind::established, want_est = edits.kind != SampleKind::new_connections;
        const NbAcl& acl = nb.acls[i];
        if ((!want_new || acl.sample_new_uuid) && (!want_est || acl.sample_est_uuid)) continue;
        std::optional<Uuid> existing = acl.sample_new_uuid ? acl.sample_new_uuid : acl.sample_est_uuid;
        const Uuid sample_uuid = existing ? *existing : add_sample(nb, mint, default_collectors(nb, mint, log));
        if (want_new && !nb.acls[i].sample_new_uuid) nb.acls[i].sample_new_uuid = sample_uuid;
        if (want_est && !nb.acls[i].sample_est_uuid) nb.acls[i].sample_est_uuid = sample_uuid;
        ++changed;
    }
    log.push_back("sampled " + std::to_string(changed) + " more ACL" + (changed == 1 ? "" : "s"));
}

}  // namespace

SampleKind parse_sample_kind(std::string_view text, std::string_view option) {
    if (text == "new") return SampleKind::new_connections;
    if (text == "est") return SampleKind::established;
    if (text == "both") return SampleKind::both;
    throw InputError(std::string(option), {}, "expected new, est or both, not '" + std::string(text) + "'");
}

bool parse_on_off(std::string_view text, std::string_view option) {
    if (text == "on" || text == "true" || text == "yes") return true;
    if (text == "off" || text == "false" || text == "no") return false;
    throw InputError(std::string(option), {}, "expected on or off, not '" + std::string(text) + "'");
}

CollectorSpec parse_collector_spec(std::string_view text, std::string_view option) {
    CollectorSpec spec;
    bool have_set_id = false;
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string_view term = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const std::size_t eq = term.find('=');
        const auto value = eq == std::string_view::npos ? std::nullopt : integer(term.substr(eq + 1));
        const std::string_view key = term.substr(0, eq);
        if (value && key == "set_id" && *value >= 1 && *value <= 4294967295LL) {
            spec.set_id = *value;
            have_set_id = true;
        } else if (value && key == "probability" && *value >= 0 && *value <= 65535) {
            spec.probability = *value;
        } else {
            throw InputError(std::string(option), {},
                             "expected set_id=S[,probability=P] (S 1..4294967295, P 0..65535), not '" +
                                 std::string(text) + "'");
        }
    }
    if (!have_set_id) throw InputError(std::string(option), {}, "set_id=S is required");
    return spec;
}

const NbAcl& template_acl(const NbModel& nb, const std::optional<AclSelector>& selector) {
    const auto first = [&](auto predicate) -> const NbAcl* {
        for (const NbAcl& acl : nb.acls) {
            if (predicate(acl)) return &acl;
        }
        return nullptr;
    };
    const NbAcl* found = nullptr;
    if (selector) {
        found = first([&](const NbAcl& acl) { return selector->matches(acl); });
        if (found == nullptr) throw InputError("--template", {}, "no ACL matches '" + selector->text() + "'");
        return *found;
    }
    found = first([](const NbAcl& a) { return a.sample_new && a.action == AclAction::allow_related; });
    if (!found) found = first([](const NbAcl& a) { return a.sample_new || a.sample_est; });
    if (!found) found = first([](const NbAcl&) { return true; });
    if (!found) throw InputError("--add-acls", {}, "the bundle has no ACL to copy");
    return *found;
}

void add_acl_copies(NbModel& nb, const NbAcl& acl, std::size_t count, std::vector<std::string>& log) {
    RowMint mint(nb);
    const NbAcl source = acl;  // `acl` lives in nb.acls, which grows
    std::vector<Uuid> collectors_new, collectors_est;
    if (source.sample_new) for (auto* c : source.sample_new->collectors) collectors_new.push_back(c->uuid);
    if (source.sample_est) for (auto* c : source.sample_est->collectors) collectors_est.push_back(c->uuid);
    const bool one_sample = source.sample_new_uuid && source.sample_new_uuid == source.sample_est_uuid;
    const auto owns = [&](const std::vector<Uuid>& acls) {
        return std::find(acls.begin(), acls.end(), source.uuid) != acls.end();
    };
    std::vector<std::vector<Uuid>*> owners;
    for (NbLogicalSwitch& ls : nb.logical_switches) if (owns(ls.acl_uuids)) owners.push_back(&ls.acl_uuids);
    for (NbPortGroup& pg : nb.port_groups) if (owns(pg.acl_uuids)) owners.push_back(&pg.acl_uuids);

    nb.acls.reserve(nb.acls.size() + count);
    for (std::size_t k = 1; k <= count; ++k) {
        NbAcl copy = source;
        copy.uuid = mint.next();
        copy.match = source.match + " /* ovnsim copy " + std::to_string(k) + " */";
        if (source.sample_new) copy.sample_new_uuid = add_sample(nb, mint, collectors_new);
        if (source.sample_est) copy.sample_est_uuid = one_sample ? copy.sample_new_uuid : add_sample(nb, mint, collectors_est);
        for (std::vector<Uuid>* acls : owners) acls->push_back(copy.uuid);
        nb.acls.push_back(std::move(copy));
    }
    log.push_back("added " + std::to_string(count) + " copies of ACL " + source.uuid.to_string() + " (" +
                  source.match + "), each with a distinguishing comment in its match" +
                  (source.sample_new || source.sample_est ? " and its own Sample" : ""));
    nb.resolve();
}

void set_collector_count(NbModel& nb, std::size_t count, std::vector<std::string>& log) {
    RowMint mint(nb);
    std::int64_t max_set_id = 0;
    for (const auto& c : nb.sample_collectors) max_set_id = std::max(max_set_id, c.set_id);
    while (nb.sample_collectors.size() < count) add_collector(nb, mint, ++max_set_id, 65535, log);
    std::vector<Uuid> chosen = collectors_by_id(nb);
    chosen.resize(count);
    assign_collectors(nb, std::move(chosen));
    log.push_back("every Sample now has " + std::to_string(count) + " collector" + (count == 1 ? "" : "s"));
    nb.resolve();
}

void apply_nb_edits(NbModel& nb, const WhatIfEdits& edits, std::vector<std::string>& log) {
    if (!edits.unsample.empty()) {
        unsample(nb, edits, log);
        nb.resolve();
    }
    if (!edits.sample.empty()) {
        RowMint mint(nb);
        sample(nb, mint, edits, log);
        nb.resolve();
    }
    if (edits.add_acls) add_acl_copies(nb, template_acl(nb, edits.template_acl), *edits.add_acls, log);
    if (edits.collectors) set_collector_count(nb, *edits.collectors, log);
    if (!edits.collector_specs.empty()) {
        RowMint mint(nb);
        std::vector<Uuid> chosen;
        for (const CollectorSpec& spec : edits.collector_specs) {
            const auto it = std::find_if(nb.sample_collectors.begin(), nb.sample_collectors.end(), [&](auto& c) {
                return c.set_id == spec.set_id && c.probability == spec.probability;
            });
            chosen.push_back(it != nb.sample_collectors.end() ? it->uuid
                                                             : add_collector(nb, mint, spec.set_id, spec.probability, log));
        }
        assign_collectors(nb, std::move(chosen));
        log.push_back("every Sample now uses the " + std::to_string(edits.collector_specs.size()) + " given collector" +
                      (edits.collector_specs.size() == 1 ? "" : "s"));
        nb.resolve();
    }
}

NorthdConfig apply_config_edits(NorthdConfig config, const WhatIfEdits& edits) {
    if (edits.sample_with_registers) config.features.sample_with_registers = *edits.sample_with_registers;
    if (edits.family && *edits.family != config.family) {
        config.family = *edits.family;
        config.tables = StageTables::for_family(config.family);
    }
    return config;
}

}  // namespace ovnsim
