#pragma once
// Turning a raw "sample fired" event of the simulator into the full report a user reads:
// the ids as the collector receives them, the app, the Sample and Sample_Collector rows,
// the ACL and its message (ovn-reference.md §5, ovnk-observability.md §A2).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/lflow_dump.hpp"
#include "sim/sampling_decode.hpp"

namespace ovnsim {

// What the engine knows when a `sample(...)` action runs, obs_point already resolved
// (reg3 / ct_label.obs_point_id read, $cookie replaced by the flow's cookie). The tracer's
// SampleFired maps onto it field for field:
//   RawSampleEvent{.stage = s.stage, .probability = s.probability, .collector_set = s.collector_set,
//                  .obs_domain = s.obs_domain, .obs_point = s.obs_point_id, .datapath = s.datapath,
//                  .datapath_key = s.datapath_key, .flow = s.flow}
struct RawSampleEvent {
    std::string_view stage;          // "ls_in_acl_sample"
    std::uint32_t probability = 0;   // 0..65535, as in the action
    std::uint32_t collector_set = 0;
    std::uint8_t obs_domain = 0;     // the action's obs_domain: the Sampling_App id
    std::optional<std::uint32_t> obs_point;  // none: a $cookie without flow uuids
    std::string_view datapath;       // the dump's datapath: SB Datapath_Binding uuid or name
    std::optional<std::uint32_t> datapath_key;  // its tunnel key, when the caller knows it
    const DumpFlow* flow = nullptr;  // the flow whose action sampled, when known
};

struct SampleReport {
    std::string stage;
    std::uint32_t collector_set = 0;
    std::uint32_t probability = 0;
    double probability_percent = 0;
    std::string datapath;  // as the event named it
    const DumpFlow* flow = nullptr;
    DecodedSample decoded;  // ids (obs_domain_id = app << 24 | datapath key), app, Sample, ACL, message
    std::vector<const NbSampleCollector*> collectors;  // Sample_Collector rows with this set_id
    std::vector<std::string> notes;  // about the collector set and the datapath key
};

class SampleDecorator {
public:
    explicit SampleDecorator(const Bundle& bundle, AclMessageDecoders messages = AclMessageDecoders::standard());
    SampleReport decorate(const RawSampleEvent& event) const;
    const SampleDecoder& decoder() const { return decoder_; }

private:
    std::optional<std::uint32_t> datapath_key(const RawSampleEvent& event) const;

    SampleDecoder decoder_;
};

// One-off convenience; a trace with many samples should keep a SampleDecorator.
SampleReport decorate_sample(const Bundle& bundle, const RawSampleEvent& event);

}  // namespace ovnsim
