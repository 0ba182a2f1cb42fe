#pragma once
// The OVN-Kubernetes AclMessageDecoder: owns the ACLs that carry its owner-type external_id
// and prints what ovnkube-observ / NetObserv print for them.
#include "sim/sampling_messages.hpp"

namespace ovnsim {

class OvnkMessageDecoder final : public AclMessageDecoder {
public:
    std::string_view name() const override { return "ovn-kubernetes"; }
    bool owns(const NbAcl& acl) const override;
    AclMessage message(const NbAcl& acl) const override;
    // Its decoder switches on its own app ids (2 acl-new, 3 acl-est) and knows no other.
    std::optional<std::string> app_id_note(SampleApp app, std::uint8_t app_id) const override;
};

}  // namespace ovnsim
