#include "sim/ovnk_message_decoder.hpp"

#include "sim/ovnk_acl_event.hpp"

namespace ovnsim {

bool OvnkMessageDecoder::owns(const NbAcl& acl) const {
    return ovsdb_option(acl.external_ids, ovnk::kOwnerTypeKey) != nullptr;
}

AclMessage OvnkMessageDecoder::message(const NbAcl& acl) const {
    AclMessage result;
    result.decoder = std::string(name());
    ovnk::AclEventResult event = ovnk::acl_event(acl);
    if (!event.event) {
        result.error = std::move(event.error);
        return result;
    }
    result.text = ovnk::event_message(*event.event);
    if (!ovnk::has_message_for_actor(event.event->actor)) {
        result.notes.push_back("OVN-Kubernetes has no message for owner type \"" + event.event->actor +
                               "\": its decoder prints nothing after \"by\"");
    }
    return result;
}

std::optional<std::string> OvnkMessageDecoder::app_id_note(SampleApp app, std::uint8_t app_id) const {
    const auto unknown = [app_id] {
        return "ovnkube-observ decodes only its own app ids (2 acl-new, 3 acl-est): for app id " +
               std::to_string(app_id) + " it reports \"unknown app ID: " + std::to_string(app_id) + "\"";
    };
    switch (app) {
        case SampleApp::acl_new:
            if (app_id != ovnk::kAclNewSamplingId) return unknown();
            break;
        case SampleApp::acl_est:
            if (app_id != ovnk::kAclEstSamplingId) return unknown();
            break;
        case SampleApp::drop:
        case SampleApp::unknown: return unknown();
    }
    return std::nullopt;
}

}  // namespace ovnsim
