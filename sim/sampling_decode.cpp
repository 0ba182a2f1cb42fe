#include "sim/sampling_decode.hpp"

#include <algorithm>
#include <mutex>

#include "sim/bundle.hpp"

namespace ovnsim {

struct SampleDecoder::Indexes {
    std::unordered_multimap<const NbSample*, const NbAcl*> by_sample_new;
    std::unordered_multimap<const NbSample*, const NbAcl*> by_sample_est;
    std::unordered_multimap<std::int64_t, const NbAcl*> by_label;
    // Built on the first drop sample: most bundles never need them.
    mutable std::once_flag cookies_once;
    mutable std::unordered_multimap<std::uint32_t, const DumpFlow*> dump_flows_by_cookie;
};

namespace {

std::vector<const NbAcl*> equal_range(const std::unordered_multimap<const NbSample*, const NbAcl*>& index,
                                      const NbSample* sample) {
    std::vector<const NbAcl*> out;
    const auto [first, last] = index.equal_range(sample);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

std::string app_ids_of(const NbModel& nb) {
    std::string out;
    for (const NbSamplingApp& app : nb.sampling_apps) {
        out += (out.empty() ? "" : ", ") + app.type + "=" + std::to_string(app.id);
    }
    return out.empty() ? "no Sampling_App rows" : "Sampling_App " + out;
}

}  // namespace

SampleDecoder::SampleDecoder(const Bundle& bundle, AclMessageDecoders messages)
    : bundle_(bundle), messages_(std::move(messages)), indexes_(std::make_unique<Indexes>()) {
    for (const NbAcl& acl : bundle_.nb().acls) {
        if (acl.sample_new) indexes_->by_sample_new.emplace(acl.sample_new, &acl);
        if (acl.sample_est) indexes_->by_sample_est.emplace(acl.sample_est, &acl);
        if (acl.label != 0) indexes_->by_label.emplace(acl.label, &acl);
    }
}

SampleDecoder::~SampleDecoder() = default;

std::optional<std::uint8_t> SampleDecoder::debug_drop_domain() const {
    const auto& global = bundle_.nb().global;
    if (!global) return std::nullopt;
    const std::string* text = ovsdb_option(global->options, "debug_drop_domain_id");
    if (!text) return std::nullopt;
    try {
        const unsigned long value = std::stoul(*text);
        if (value <= 255) return static_cast<std::uint8_t>(value);
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

DecodedSample SampleDecoder::decode(std::uint32_t obs_domain_id, std::uint32_t obs_point_id) const {
    return decode(app_id_of(obs_domain_id), datapath_key_of(obs_domain_id), obs_point_id);
}

DecodedSample SampleDecoder::decode(std::uint8_t app_id, std::optional<std::uint32_t> datapath_key,
                                    std::uint32_t obs_point_id) const {
    DecodedSample out;
    out.app_id = app_id;
    out.datapath_key = datapath_key;
    out.obs_domain_id = make_obs_domain_id(app_id, datapath_key.value_or(0));
    out.obs_point_id = obs_point_id;
    out.dump = &bundle_.dump();
    if (!bundle_.has_nb()) {
        out.errors.push_back("the bundle has no NB tables (nb/ or nb.db): nothing to decode the ids against");
        return out;
    }
    const SampleAppLookup app = find_sample_app(bundle_.nb(), app_id);
    out.app = app.app;
    out.app_row = app.row;
    const auto debug_domain = debug_drop_domain();
    const bool drop_domain = out.app == SampleApp::drop || (app.row == nullptr && debug_domain == app_id);

    // Tunnel keys start at 1: a zero key is ovn-controller's own drop flows (§9).
    if (drop_domain && datapath_key == 0u) {
        out.app = SampleApp::drop;
        out.physical_drop = describe_physical_drop(obs_point_id, detect_ovn_version(bundle_));
        out.message = "Dropped: " + out.physical_drop->message;
        if (!out.physical_drop->known_table) out.notes.push_back("the table number is not one this tool knows");
        return out;
    }
    describe_datapath(out);
    if (drop_domain) {
        out.app = SampleApp::drop;
        decode_drop(out);
    } else if (out.app == SampleApp::acl_new || out.app == SampleApp::acl_est) {
        decode_acl_sample(out);
    } else if (app_id == 0) {
        decode_label(out);
    } else {
        decode_unknown_app(out);
    }
    return out;
}

void SampleDecoder::describe_datapath(DecodedSample& out) const {
    if (!out.datapath_key || !bundle_.has_sb() || !bundle_.sb().has_table("Datapath_Binding")) return;
    out.datapath = bundle_.sb().datapath_by_tunnel_key(*out.datapath_key);
    if (out.datapath) {
        out.datapath_name = out.datapath->name;
    } else {
        out.notes.push_back("datapath key " + std::to_string(*out.datapath_key) +
                            " is not in this bundle's Datapath_Binding (OVN-Kubernetes ignores the key; "
                            "the sample may come from another cluster or an older topology)");
    }
}

void SampleDecoder::decode_acl_sample(DecodedSample& out) const {
    const NbModel& nb = bundle_.nb();
    const auto samples = nb.samples_by_metadata(out.obs_point_id);
    if (samples.empty()) {
        out.errors.push_back("no Sample with metadata " + std::to_string(out.obs_point_id) +
                             ": the ACL changed or was deleted while a connection still carries the old id");
        return;
    }
    if (samples.size() > 1) {
        out.errors.push_back(std::to_string(samples.size()) + " Samples have metadata " +
                             std::to_string(out.obs_point_id) + " (the NB index allows one)");
        return;
    }
    out.sample = samples.front();
    const bool is_new = out.app == SampleApp::acl_new;
    const auto& index = is_new ? indexes_->by_sample_new : indexes_->by_sample_est;
    out.acls = equal_range(index, out.sample);
    if (out.acls.size() != 1) {
        out.errors.push_back("expected 1 ACL, got " + std::to_string(out.acls.size()));
        const auto& other = is_new ? indexes_->by_sample_est : indexes_->by_sample_new;
        for (const NbAcl* acl : equal_range(other, out.sample)) {
            out.notes.push_back("the Sample is the " + std::string(is_new ? "sample_est" : "sample_new") + " of ACL " +
                                acl->uuid.to_string() + ", but the app id says " + std::string(to_string(out.app)));
        }
        return;
    }
    describe_single_acl(out);
}

void SampleDecoder::decode_label(DecodedSample& out) const {
    const auto [first, last] = indexes_->by_label.equal_range(out.obs_point_id);
    for (auto it = first; it != last; ++it) out.acls.push_back(it->second);
    if (out.acls.size() != 1) {
        out.errors.push_back("unknown app ID: 0, and " + std::to_string(out.acls.size()) + " ACLs have label " +
                             std::to_string(out.obs_point_id) +
                             " (obs_domain app 0 is what a labelled ACL samples with)");
        return;
    }
    out.notes.push_back("obs_domain app id 0: ACL label " + std::to_string(out.obs_point_id) +
                        " replaced the Sample ids (OVN-Kubernetes cannot decode this: unknown app ID: 0)");
    describe_single_acl(out);
}

void SampleDecoder::describe_single_acl(DecodedSample& out) const {
    const NbAcl& acl = *out.acls.front();
    const AclMessageDecoder& decoder = messages_.decoder_for(acl);
    out.acl_message = decoder.message(acl);
    if (out.acl_message->error) {
        out.errors.push_back(*out.acl_message->error);
    } else {
        out.message = out.acl_message->text;
    }
    for (const std::string& note : out.acl_message->notes) out.notes.push_back(note);
    if (out.app_id != 0) {
        if (auto note = decoder.app_id_note(out.app, out.app_id)) out.notes.push_back(*note);
    }
}

void SampleDecoder::decode_drop(DecodedSample& out) const {
    const Indexes& index = *indexes_;
    std::call_once(index.cookies_once, [&] {
        for (const DumpFlow& flow : bundle_.dump().flows) {
            if (flow.has_uuid) index.dump_flows_by_cookie.emplace(flow.uuid, &flow);
        }
    });
    const auto [first, last] = index.dump_flows_by_cookie.equal_range(out.obs_point_id);
    for (auto it = first; it != last; ++it) out.drop_flows.push_back(it->second);
    // sb/Logical_Flow rows are looked up, not read whole.
    const SbLogicalFlowRows* sb_flows = bundle_.has_sb() ? &bundle_.sb_logical_flows() : nullptr;
    if (sb_flows) out.drop_sb_flows = sb_flows->with_uuid_prefix(out.obs_point_id);
    if (out.drop_flows.empty() && out.drop_sb_flows.empty()) {
        const bool has_uuids = !index.dump_flows_by_cookie.empty() || (sb_flows && sb_flows->size() > 0);
        out.errors.push_back(has_uuids ? "no logical flow has cookie " + hex32(out.obs_point_id) +
                                             " (the first 32 bits of its UUID): the flow changed since"
                                       : "the bundle has no logical flow UUIDs (lflows-uuid.txt or "
                                         "sb/Logical_Flow): cannot find the flow with cookie " +
                                             hex32(out.obs_point_id));
        return;
    }
    std::string where;
    if (!out.drop_flows.empty()) {
        const DumpFlow& flow = *out.drop_flows.front();
        where = std::string(bundle_.dump().stage_name(flow)) + ", priority " + std::to_string(flow.priority) +
                ", match (" + std::string(flow.match) + ")";
    } else {
        const SbLogicalFlow& flow = *out.drop_sb_flows.front();
        where = std::string(flow.stage_name()) + ", priority " + std::to_string(flow.priority) + ", match (" +
                flow.match + ")";
    }
    out.message = "Dropped by logical flow " + hex32(out.obs_point_id) + " (" + where + ")";
    for (const SbLogicalFlow* flow : out.drop_sb_flows) {
        if (const auto hint = flow->stage_hint()) {
            for (const NbAcl* acl : bundle_.nb().acls_by_stage_hint(*hint)) out.acls.push_back(acl);
        }
    }
    if (out.acls.size() == 1) {
        out.acl_message = messages_.message(*out.acls.front());
        if (!out.acl_message->text.empty()) out.notes.push_back("the flow belongs to an ACL: " + out.acl_message->text);
    }
}

void SampleDecoder::decode_unknown_app(DecodedSample& out) const {
    const NbModel& nb = bundle_.nb();
    out.errors.push_back("unknown app ID: " + std::to_string(out.app_id) + " (" + app_ids_of(nb) + ")");
    for (const NbSample* sample : nb.samples_by_metadata(out.obs_point_id)) {
        out.sample = sample;
        const auto new_acls = equal_range(indexes_->by_sample_new, sample);
        const auto est_acls = equal_range(indexes_->by_sample_est, sample);
        for (const NbAcl* acl : new_acls) out.acls.push_back(acl);
        for (const NbAcl* acl : est_acls) {
            if (std::find(out.acls.begin(), out.acls.end(), acl) == out.acls.end()) out.acls.push_back(acl);
        }
        out.notes.push_back("a Sample with metadata " + std::to_string(out.obs_point_id) + " exists (" +
                            std::to_string(out.acls.size()) +
                            " ACL(s)): the Sampling_App ids may have changed since the sample was taken");
    }
}

}  // namespace ovnsim
