#include "sim/whatif_edit_text.hpp"

#include "parser/source_location.hpp"
#include "sim/ovn_version.hpp"

namespace ovnsim {
namespace {

void check_at_most(std::size_t value, std::size_t limit, const char* option) {
    if (value > limit) {
        throw InputError(option, {}, std::to_string(value) + " is more than " + std::to_string(limit));
    }
}

}  // namespace

WhatIfEdits parse_whatif_edits(const WhatIfEditText& text) {
    WhatIfEdits edits;
    edits.kind = parse_sample_kind(text.which, "--which");
    if (text.sample_all) edits.sample.push_back(AclSelector::all());
    for (const auto& s : text.sample) edits.sample.push_back(AclSelector::parse(s, "--sample"));
    for (const auto& s : text.unsample) edits.unsample.push_back(AclSelector::parse(s, "--unsample"));
    if (text.collectors && !text.collector.empty()) {
        throw InputError("--collectors", {}, "give either --collectors N or --collector set_id=S,..., not both");
    }
    if (text.collectors) check_at_most(*text.collectors, kMaxWhatIfCollectors, "--collectors");
    edits.collectors = text.collectors;
    for (const auto& c : text.collector) edits.collector_specs.push_back(parse_collector_spec(c, "--collector"));
    if (text.add_acls) check_at_most(*text.add_acls, kMaxWhatIfAddedAcls, "--add-acls");
    edits.add_acls = text.add_acls;
    if (!text.template_acl.empty()) edits.template_acl = AclSelector::parse(text.template_acl, "--template");
    edits.sample_with_registers = text.sample_with_registers;
    if (!text.ovn_version.empty()) edits.family = parse_ovn_family_option(text.ovn_version, "--ovn-version");
    return edits;
}

}  // namespace ovnsim
