#include "sim/report/trace_samples.hpp"

#include <mutex>

#include "sim/report/sample_report.hpp"
#include "sim/sampling_decoration.hpp"

namespace ovnsim {
namespace {

RawSampleEvent raw_sample_event(const SampleFired& s) {
    RawSampleEvent e;
    e.stage = s.stage;
    e.probability = s.probability;
    e.collector_set = s.collector_set;
    e.obs_domain = s.obs_domain;
    e.obs_point = s.obs_point_id;
    e.datapath = s.datapath;
    e.datapath_key = s.datapath_key;
    e.flow = s.flow;
    return e;
}

std::vector<std::string> decoration_lines(const SampleReport& report) {
    const DecodedSample& d = report.decoded;
    std::vector<std::string> lines;
    if (!d.message.empty()) lines.push_back(std::string(to_string(d.app)) + ": " + d.message);
    for (const std::string& error : d.errors) lines.push_back("not decoded: " + error);
    return lines;
}

}  // namespace

// Shared by the threads of a parallel --batch: the decorator is built once.
struct SampleDecorations::Lazy {
    explicit Lazy(const Bundle& b) : bundle(b) {}

    const Bundle& bundle;
    std::once_flag once;
    std::unique_ptr<SampleDecorator> decorator;

    SampleReport decorate(const SampleFired& s) {
        std::call_once(once, [this] { decorator = std::make_unique<SampleDecorator>(bundle); });
        return decorator->decorate(raw_sample_event(s));
    }
};

SampleDecorations::SampleDecorations(const Bundle& bundle) {
    if (bundle.has_nb()) lazy_ = std::make_shared<Lazy>(bundle);
}

SampleDescriber SampleDecorations::describer() const {
    if (!lazy_) return {};
    return [lazy = lazy_](const SampleFired& s) { return decoration_lines(lazy->decorate(s)); };
}

void SampleDecorations::add_to(const TraceResult& result, nlohmann::json& json) const {
    if (!lazy_) return;
    for (std::size_t p = 0; p < result.packets.size(); ++p) {
        const auto& samples = result.packets[p].samples;
        for (std::size_t i = 0; i < samples.size(); ++i)
            json["packets"][p]["samples"][i]["decoded"] = sample_report_json(lazy_->decorate(samples[i]));
    }
}

}  // namespace ovnsim
