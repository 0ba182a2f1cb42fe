#include "sim/sampling_ids.hpp"

#include <cstdio>

#include "sim/nb_model.hpp"

namespace ovnsim {

std::string hex32(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

std::string_view to_string(SampleApp app) {
    switch (app) {
        case SampleApp::acl_new: return "acl-new";
        case SampleApp::acl_est: return "acl-est";
        case SampleApp::drop: return "drop";
        case SampleApp::unknown: break;
    }
    return "unknown";
}

SampleAppLookup find_sample_app(const NbModel& nb, std::uint8_t app_id) {
    if (app_id == 0) return {};
    for (const NbSamplingApp& row : nb.sampling_apps) {
        if (row.id != app_id) continue;
        if (row.type == "acl-new") return {SampleApp::acl_new, &row};
        if (row.type == "acl-est") return {SampleApp::acl_est, &row};
        if (row.type == "drop") return {SampleApp::drop, &row};
        return {SampleApp::unknown, &row};
    }
    return {};
}

}  // namespace ovnsim
