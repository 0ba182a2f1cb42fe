#include "sim/sampling_messages.hpp"

#include "sim/ovnk_message_decoder.hpp"

namespace ovnsim {
namespace {

std::string_view verdict_word(const NbAcl& acl) {
    switch (acl.action) {
        case AclAction::allow:
        case AclAction::allow_related:
        case AclAction::allow_stateless: return "Allowed";
        case AclAction::drop: return "Dropped";
        case AclAction::reject: return "Rejected";
        case AclAction::pass: return "Passed to the next tier";
        case AclAction::unknown: break;
    }
    return "Decided";
}

}  // namespace

std::string_view acl_direction_name(AclDirection direction) {
    return direction == AclDirection::from_lport ? "from-lport" : "to-lport";
}

std::string acl_display_name(const NbAcl& acl) {
    if (acl.name && !acl.name->empty()) return "\"" + *acl.name + "\"";
    return acl.uuid.to_string();
}

AclMessage GenericAclMessages::message(const NbAcl& acl) const {
    std::string text = std::string(verdict_word(acl)) + " by ACL " + acl_display_name(acl) + " (" + acl.action_name +
                       ", " + std::string(acl_direction_name(acl.direction));
    if (acl.apply_after_lb()) text += " after-lb";
    text += ", priority " + std::to_string(acl.priority);
    if (acl.tier != 0) text += ", tier " + std::to_string(acl.tier);
    text += ", match: " + acl.match + ")";
    return AclMessage{std::string(name()), std::move(text), std::nullopt, {}};
}

AclMessageDecoders AclMessageDecoders::standard() {
    AclMessageDecoders decoders;
    decoders.add(std::make_unique<OvnkMessageDecoder>());
    return decoders;
}

void AclMessageDecoders::add(std::unique_ptr<AclMessageDecoder> decoder) { decoders_.push_back(std::move(decoder)); }

const AclMessageDecoder& AclMessageDecoders::decoder_for(const NbAcl& acl) const {
    for (const auto& decoder : decoders_) {
        if (decoder->owns(acl)) return *decoder;
    }
    return generic_;
}

}  // namespace ovnsim
