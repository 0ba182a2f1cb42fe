#pragma once
// Sampling coverage: for every ACL, which samples fire for new, established and reply
// traffic, with which ids, through which flows, and — when a sample cannot fire — why
// (ovn-reference.md §5.3-5.5, §5.8, §9; ovnk-observability.md §A2.6). Derived from the NB
// rows and SB chassis, checked against the dump's sample stages where it can be.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/sampling_acl_scope.hpp"
#include "sim/sampling_dump_flows.hpp"
#include "sim/sampling_flow_mode.hpp"
#include "sim/sampling_ids.hpp"
#include "sim/sampling_messages.hpp"

namespace ovnsim {

class Bundle;

// One kind of traffic an ACL's sample may fire for.
struct SampleFiring {
    bool fires = false;
    std::string stage;  // where the sample action runs
    std::string when;   // when it fires, or why it does not
    const NbSample* sample = nullptr;
    std::optional<SampleFlowMode> mode;
    SampleApp app = SampleApp::unknown;
    std::uint8_t app_id = 0;     // obs_domain's top byte (0 for a labelled ACL)
    std::uint32_t obs_point = 0;
};

struct AclCoverage {
    const NbAcl* acl = nullptr;
    std::vector<const NbLogicalSwitch*> switches;  // those of one statefulness
    bool stateful = false;                         // S of those switches
    std::string stage;                             // the ACL's sample stage
    int obs_stage = 0;                             // 0 from-lport, 1 after-lb, 2 to-lport
    SampleFiring new_traffic, established, reply;
    const NbAcl* shadowed_by = nullptr;            // an ACL that always decides first (same match text)
    std::optional<std::string> first_packet_only;  // why, when only new traffic is sampled
    std::optional<AclMessage> message;             // for ACLs with samples
    bool has_samples() const { return acl->sample_new != nullptr || acl->sample_est != nullptr; }
};

struct SampleUsage {
    const NbSample* sample = nullptr;
    FlowModeDecision mode;
    std::optional<SampleFlowMode> observed;  // what the dump's sample stages show, if anything
    std::vector<const NbAcl*> new_of;        // ACLs using it as sample_new
    std::vector<const NbAcl*> est_of;        // ... as sample_est
};

struct SamplingCoverage {
    std::vector<AclCoverage> acls;  // sorted like ovn-nbctl acl-list
    std::vector<SampleUsage> samples;  // every Sample, by metadata
    ChassisSampleSupport chassis;
    DumpSampleFlows dump_flows;
    std::shared_ptr<const AclScope> scope;
    bool scope_known = false;  // the bundle has the switches and port groups
    std::uint8_t acl_new_app = 0, acl_est_app = 0;  // Sampling_App ids, 0 when absent
};

SamplingCoverage sampling_coverage(const Bundle& bundle,
                                   const AclMessageDecoders& messages = AclMessageDecoders::standard());

// "ls_in_acl_sample", "ls_in_acl_after_lb_sample", "ls_out_acl_sample" for an ACL.
std::string acl_sample_stage(const NbAcl& acl);
int acl_obs_stage(const NbAcl& acl);

}  // namespace ovnsim
