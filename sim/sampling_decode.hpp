#pragma once
// Decoding the ids a collector receives (obs_domain_id, obs_point_id) back to the NB rows
// and the message, following OVN-Kubernetes' DecodeCookieIDs (ovnk-observability.md
// §A2.4) and going further where it stops: drop samples (logical flow cookies and
// ovn-controller's physical-stage drops), labelled ACLs, datapath keys, and an explanation
// for every id that decodes to nothing.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "parser/lflow_dump.hpp"
#include "sim/sampling_ids.hpp"
#include "sim/sampling_messages.hpp"
#include "sim/sampling_physical_drops.hpp"

namespace ovnsim {

class Bundle;
struct SbDatapathBinding;
struct SbLogicalFlow;

struct DecodedSample {
    std::uint32_t obs_domain_id = 0;
    std::uint32_t obs_point_id = 0;
    bool obs_point_known = true;  // false: a $cookie the bundle has no flow uuid for
    std::uint8_t app_id = 0;
    std::optional<std::uint32_t> datapath_key;  // unknown only when decorating without one
    SampleApp app = SampleApp::unknown;
    const NbSamplingApp* app_row = nullptr;

    const SbDatapathBinding* datapath = nullptr;  // the SB row with that tunnel key
    std::string datapath_name;                     // its name, when known

    const NbSample* sample = nullptr;  // the Sample whose metadata is obs_point_id
    std::vector<const NbAcl*> acls;    // the ACLs the ids lead to
    std::optional<AclMessage> acl_message;  // for exactly one ACL

    // Drop samples: the logical flows whose cookie is obs_point_id, or the physical drop.
    const LflowDump* dump = nullptr;  // the dump drop_flows point into
    std::vector<const DumpFlow*> drop_flows;
    std::vector<const SbLogicalFlow*> drop_sb_flows;
    std::optional<PhysicalDrop> physical_drop;

    std::string message;              // what the sample means, in one line; empty when unknown
    std::vector<std::string> errors;  // why the ids do not decode; empty when they do
    std::vector<std::string> notes;   // further facts worth knowing

    bool decoded() const { return errors.empty(); }
};

// Holds indexes over the bundle's NB rows (built once); safe to use from several threads.
class SampleDecoder {
public:
    explicit SampleDecoder(const Bundle& bundle, AclMessageDecoders messages = AclMessageDecoders::standard());
    ~SampleDecoder();
    SampleDecoder(const SampleDecoder&) = delete;
    SampleDecoder& operator=(const SampleDecoder&) = delete;

    DecodedSample decode(std::uint32_t obs_domain_id, std::uint32_t obs_point_id) const;
    // The same for a sample whose datapath key is not known (nullopt): no datapath checks.
    DecodedSample decode(std::uint8_t app_id, std::optional<std::uint32_t> datapath_key,
                         std::uint32_t obs_point_id) const;

    const Bundle& bundle() const { return bundle_; }
    const AclMessageDecoders& messages() const { return messages_; }

private:
    struct Indexes;
    void decode_acl_sample(DecodedSample& out) const;
    void decode_label(DecodedSample& out) const;
    void decode_drop(DecodedSample& out) const;
    void decode_unknown_app(DecodedSample& out) const;
    void describe_datapath(DecodedSample& out) const;
    void describe_single_acl(DecodedSample& out) const;
    std::optional<std::uint8_t> debug_drop_domain() const;

    const Bundle& bundle_;
    AclMessageDecoders messages_;
    std::unique_ptr<Indexes> indexes_;
};

}  // namespace ovnsim
