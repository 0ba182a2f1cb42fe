#pragma once
// The ids a sample carries to its collector (ovn-reference.md §5.6, ovnk-observability.md
// §A2.1): obs_domain_id = (Sampling_App id << 24) | (datapath tunnel key & 0xffffff),
// obs_point_id = Sample.metadata (or the ACL label, or a logical flow's cookie for drops).
#include <cstdint>
#include <string>
#include <string_view>

namespace ovnsim {

class NbModel;
struct NbSamplingApp;

inline constexpr std::uint32_t kDatapathKeyMask = 0xFFFFFF;
inline constexpr std::uint32_t kMaxProbability = 65535;

constexpr std::uint32_t make_obs_domain_id(std::uint8_t app_id, std::uint32_t datapath_key) {
    return (static_cast<std::uint32_t>(app_id) << 24) | (datapath_key & kDatapathKeyMask);
}
constexpr std::uint8_t app_id_of(std::uint32_t obs_domain_id) { return static_cast<std::uint8_t>(obs_domain_id >> 24); }
constexpr std::uint32_t datapath_key_of(std::uint32_t obs_domain_id) { return obs_domain_id & kDatapathKeyMask; }

// P / 65535 as a percentage.
constexpr double probability_percent(std::uint32_t probability) { return probability * 100.0 / kMaxProbability; }

// "0x2a000001": how ids are shown.
std::string hex32(std::uint32_t value);

// What a Sampling_App id stands for. Id 0 is no app: a labelled ACL samples with
// obs_domain 0 and its label as obs_point.
enum class SampleApp : std::uint8_t { acl_new, acl_est, drop, unknown };
std::string_view to_string(SampleApp app);  // "acl-new", "acl-est", "drop", "unknown"

// The app whose Sampling_App row has `app_id` (nullptr row and `unknown` when none has).
struct SampleAppLookup {
    SampleApp app = SampleApp::unknown;
    const NbSamplingApp* row = nullptr;
};
SampleAppLookup find_sample_app(const NbModel& nb, std::uint8_t app_id);

}  // namespace ovnsim
