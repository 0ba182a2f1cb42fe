#pragma once
// What a collector prints for a sampled ACL. The wording belongs to the CMS that created the
// ACL, so decoders are pluggable: each AclMessageDecoder says whether it owns an ACL (by
// the CMS's external_ids) and builds that CMS's message. AclMessageDecoders tries them in
// order; the generic decoder, last, owns every ACL and names it in ovnsim's own words.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/nb_rows.hpp"
#include "sim/sampling_ids.hpp"

namespace ovnsim {

struct AclMessage {
    std::string decoder;  // the decoder that built it: "ovn-kubernetes", "ovnsim"
    std::string text;     // what the decoder prints; empty when it fails
    std::optional<std::string> error;  // the decoder's own error, word for word
    std::vector<std::string> notes;    // quirks of the decoder worth knowing
};

class AclMessageDecoder {
public:
    virtual ~AclMessageDecoder() = default;
    virtual std::string_view name() const = 0;
    virtual bool owns(const NbAcl& acl) const = 0;
    virtual AclMessage message(const NbAcl& acl) const = 0;
    // Something the CMS's own decoder does differently for `app_id` of this bundle (e.g. it
    // assumes fixed Sampling_App ids); nothing by default.
    virtual std::optional<std::string> app_id_note(SampleApp /*app*/, std::uint8_t /*app_id*/) const {
        return std::nullopt;
    }
};

// ovnsim's readable form: "Allowed by ACL <name or uuid> (allow-related, from-lport,
// priority 2000, match: ...)".
class GenericAclMessages final : public AclMessageDecoder {
public:
    std::string_view name() const override { return "ovnsim"; }
    bool owns(const NbAcl&) const override { return true; }
    AclMessage message(const NbAcl& acl) const override;
};

class AclMessageDecoders {
public:
    // OVN-Kubernetes, then the generic decoder.
    static AclMessageDecoders standard();

    void add(std::unique_ptr<AclMessageDecoder> decoder);
    // The first decoder owning `acl` (the generic one when no other does).
    const AclMessageDecoder& decoder_for(const NbAcl& acl) const;
    AclMessage message(const NbAcl& acl) const { return decoder_for(acl).message(acl); }

private:
    std::vector<std::unique_ptr<AclMessageDecoder>> decoders_;
    GenericAclMessages generic_;
};

// "allow-related", "from-lport": the NB spellings.
std::string_view acl_direction_name(AclDirection direction);
// How an ACL is named in messages: `"name"` when it has one, else its UUID.
std::string acl_display_name(const NbAcl& acl);

}  // namespace ovnsim
