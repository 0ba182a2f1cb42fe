#include "sim/sampling_ovn_version.hpp"

#include <charconv>
#include <cstdio>
#include <string_view>

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

bool read_number(std::string_view& text, int& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec != std::errc() || end == text.data()) return false;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    return true;
}

bool has_stage(const LflowDump& dump, std::string_view name) {
    for (const std::string& stage : dump.stage_names) {
        if (stage == name) return true;
    }
    return false;
}

// The family whose first release introduced the newest stage present (ovn-reference.md §4).
std::optional<OvnVersion> version_from_stages(const LflowDump& dump) {
    struct Marker {
        std::string_view stage;
        int major, minor;
    };
    constexpr Marker markers[] = {
        {"ls_in_network_function", 26, 3}, {"ls_in_ct_extract", 25, 9}, {"ls_out_lookup_fdb", 25, 3},
        {"ls_in_acl_sample", 24, 9},       {"ls_in_acl_eval", 23, 6},
    };
    for (const Marker& m : markers) {
        if (has_stage(dump, m.stage)) {
            return OvnVersion{m.major, m.minor, std::nullopt,
                              "the dump's stage names (" + std::string(m.stage) + ")"};
        }
    }
    return std::nullopt;
}

}  // namespace

bool OvnVersion::at_least(int major_, int minor_, int patch_) const {
    if (major != major_) return major > major_;
    if (minor != minor_) return minor > minor_;
    return patch.value_or(0) >= patch_;
}

std::string OvnVersion::to_string() const {
    char text[32];
    std::snprintf(text, sizeof text, "%d.%02d.", major, minor);
    return text + (patch ? std::to_string(*patch) : std::string("x"));
}

std::optional<OvnVersion> parse_northd_version(const std::string& text) {
    std::string_view rest = text;
    OvnVersion version;
    int patch = 0;
    if (!read_number(rest, version.major) || !rest.starts_with('.')) return std::nullopt;
    rest.remove_prefix(1);
    if (!read_number(rest, version.minor) || !rest.starts_with('.')) return std::nullopt;
    rest.remove_prefix(1);
    if (!read_number(rest, patch)) return std::nullopt;
    if (!rest.empty() && !rest.starts_with('-')) return std::nullopt;
    version.patch = patch;
    return version;
}

std::optional<OvnVersion> detect_ovn_version(const Bundle& bundle) {
    if (bundle.has_nb() && bundle.nb().global) {
        if (const std::string* text = ovsdb_option(bundle.nb().global->options, "northd_internal_version")) {
            if (auto version = parse_northd_version(*text)) {
                version->source = "NB_Global northd_internal_version";
                return version;
            }
        }
    }
    return version_from_stages(bundle.dump());
}

}  // namespace ovnsim
