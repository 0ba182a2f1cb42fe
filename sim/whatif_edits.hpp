#pragma once
// What-if edits: transformations of the NB model (and of the northd configuration) that
// the northd model then prices. Edits apply in this order: unsample, sample, add ACLs,
// collectors; then the chassis feature and the OVN family.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/nb_model.hpp"
#include "sim/northd_model/northd_config.hpp"
#include "sim/whatif_selector.hpp"

namespace ovnsim {

enum class SampleKind { new_connections, established, both };
// "new", "est", "both"; throws InputError naming `option` otherwise.
SampleKind parse_sample_kind(std::string_view text, std::string_view option);

// "on" / "off" (also true/false, yes/no); throws InputError naming `option` otherwise.
bool parse_on_off(std::string_view text, std::string_view option);

struct CollectorSpec {
    std::int64_t set_id = 0;
    std::int64_t probability = 65535;
};
// "set_id=S,probability=P" (probability optional, default 65535).
CollectorSpec parse_collector_spec(std::string_view text, std::string_view option);

struct WhatIfEdits {
    std::vector<AclSelector> sample;    // --sample, --sample-all
    std::vector<AclSelector> unsample;  // --unsample
    SampleKind kind = SampleKind::both; // which of sample_new / sample_est they touch
    std::optional<std::size_t> collectors;       // --collectors N: every Sample gets N collectors
    std::vector<CollectorSpec> collector_specs;  // --collector: every Sample gets exactly these
    std::optional<std::size_t> add_acls;         // --add-acls N copies of the template
    std::optional<AclSelector> template_acl;     // --template; default: a sampled allow-related ACL
    std::optional<bool> sample_with_registers;   // --sample-with-registers
    std::optional<OvnFamily> family;             // --ovn-version
};

// Applies the NB edits; appends a sentence per change to `log`. Throws InputError when an
// edit cannot apply (no template ACL, more than 255 collectors).
void apply_nb_edits(NbModel& nb, const WhatIfEdits& edits, std::vector<std::string>& log);

// The configuration after the edits (features, family and its table layout).
NorthdConfig apply_config_edits(NorthdConfig config, const WhatIfEdits& edits);

// The ACL --add-acls copies: the first ACL `selector` matches, or by default the first
// sampled allow-related ACL, else the first sampled ACL, else the first ACL. Throws
// InputError when there is none.
const NbAcl& template_acl(const NbModel& nb, const std::optional<AclSelector>& selector);

// Adds `count` copies of `acl` (its owners, match with a distinguishing comment so northd
// does not merge them, and their own Samples when `acl` has any).
void add_acl_copies(NbModel& nb, const NbAcl& acl, std::size_t count, std::vector<std::string>& log);

// Every Sample's collectors become the first `count` Sample_Collectors by id, created as needed.
void set_collector_count(NbModel& nb, std::size_t count, std::vector<std::string>& log);

}  // namespace ovnsim
