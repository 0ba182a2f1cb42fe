#include "sim/sampling_decoration.hpp"

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

// The Sample_Collector rows a collector set id stands for: those of the decoded Sample
// when there is one, else every row with that set_id.
std::vector<const NbSampleCollector*> collectors_for(const NbModel& nb, const NbSample* sample, std::uint32_t set_id) {
    std::vector<const NbSampleCollector*> out;
    if (sample) {
        for (const NbSampleCollector* collector : sample->collectors) {
            if (collector->set_id == set_id) out.push_back(collector);
        }
        if (!out.empty()) return out;
    }
    for (const NbSampleCollector& collector : nb.sample_collectors) {
        if (collector.set_id == set_id) out.push_back(&collector);
    }
    return out;
}

// A sample whose obs_point is the flow's cookie, with no flow uuid to read it from: what
// the ids tell without the point.
DecodedSample unknown_point(DecodedSample decoded) {
    DecodedSample out;
    out.obs_domain_id = decoded.obs_domain_id;
    out.app_id = decoded.app_id;
    out.datapath_key = decoded.datapath_key;
    out.app = decoded.app;
    out.app_row = decoded.app_row;
    out.datapath = decoded.datapath;
    out.datapath_name = std::move(decoded.datapath_name);
    out.dump = decoded.dump;
    out.obs_point_known = false;
    out.errors.push_back("obs_point_id unknown: the flow samples with its cookie, and the bundle has no flow "
                         "uuids (use lflows-uuid.txt or sb/Logical_Flow)");
    return out;
}

}  // namespace

SampleDecorator::SampleDecorator(const Bundle& bundle, AclMessageDecoders messages)
    : decoder_(bundle, std::move(messages)) {}

std::optional<std::uint32_t> SampleDecorator::datapath_key(const RawSampleEvent& event) const {
    if (event.datapath_key) return event.datapath_key;
    const Bundle& bundle = decoder_.bundle();
    if (event.datapath.empty() || !bundle.has_sb()) return std::nullopt;
    const SbModel& sb = bundle.sb_without_logical_flows();
    const SbDatapathBinding* datapath = nullptr;
    if (const auto uuid = Uuid::parse(event.datapath)) datapath = sb.datapath(*uuid);
    if (!datapath) datapath = sb.datapath(event.datapath);
    if (!datapath) return std::nullopt;
    return static_cast<std::uint32_t>(datapath->tunnel_key);
}

SampleReport SampleDecorator::decorate(const RawSampleEvent& event) const {
    SampleReport report;
    report.stage = std::string(event.stage);
    report.collector_set = event.collector_set;
    report.probability = event.probability;
    report.probability_percent = probability_percent(event.probability);
    report.datapath = std::string(event.datapath);
    report.flow = event.flow;
    const auto key = datapath_key(event);
    if (event.obs_point) {
        report.decoded = decoder_.decode(event.obs_domain, key, *event.obs_point);
    } else {
        report.decoded = decoder_.decode(event.obs_domain, key, 0);
        report.decoded = unknown_point(std::move(report.decoded));
    }
    if (report.decoded.app == SampleApp::drop && report.decoded.drop_flows.empty() && event.flow) {
        report.decoded.drop_flows.push_back(event.flow);
    }
    if (!key) {
        report.notes.push_back("the datapath's tunnel key is not in this bundle (no SB Datapath_Binding for " +
                               (event.datapath.empty() ? std::string("it") : std::string(event.datapath)) +
                               "): obs_domain_id shows 0 in its low 24 bits");
    }
    const NbModel& nb = decoder_.bundle().nb();
    report.collectors = collectors_for(nb, report.decoded.sample, event.collector_set);
    if (report.collectors.empty()) {
        report.notes.push_back("no Sample_Collector has set_id " + std::to_string(event.collector_set));
    }
    report.notes.push_back("only chassis whose OVS has a Flow_Sample_Collector_Set with id " +
                           std::to_string(event.collector_set) +
                           " send this sample; elsewhere ovn-controller leaves the sample action out");
    return report;
}

SampleReport decorate_sample(const Bundle& bundle, const RawSampleEvent& event) {
    return SampleDecorator(bundle).decorate(event);
}

}  // namespace ovnsim
