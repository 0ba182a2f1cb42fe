#include "sim/northd_model/bundle_config.hpp"

#include "parser/ovsdb_row_reader.hpp"

namespace ovnsim {
namespace {

std::set<std::string, std::less<>> fair_meter_names(const OvsdbDatabase& nb) {
    std::set<std::string, std::less<>> names;
    const OvsdbTable* meters = nb.table("Meter");
    if (meters == nullptr) return names;
    const OvsdbRowReader reader(*meters);
    const auto name = reader.column("name"), fair = reader.column("fair");
    for (const OvsdbRow& row : meters->rows) {
        if (reader.boolean(row, fair)) names.insert(reader.string(row, name));
    }
    return names;
}

}  // namespace

BundleNorthdConfig northd_config_for(const Bundle& bundle, const NorthdOverrides& overrides) {
    BundleNorthdConfig out;
    const NbModel* nb = bundle.has_nb() ? &bundle.nb() : nullptr;
    out.detected = detect_ovn_family(bundle);
    if (overrides.family) {
        out.config.family = *overrides.family;
        out.family_source = "--ovn-version";
    } else if (out.detected.family) {
        out.config.family = *out.detected.family;
        out.family_source = "detected from " + out.detected.evidence;
    } else {
        throw InputError(bundle.path(), {},
                         "cannot model northd for this bundle: " + out.detected.evidence +
                             " (ACL sampling exists from 24.09); give --ovn-version " + ovn_family_list());
    }

    if (overrides.sample_with_registers) {
        out.config.features.sample_with_registers = *overrides.sample_with_registers;
        out.features_source = "--sample-with-registers";
    } else if (bundle.has_sb() && bundle.sb().has_table("Chassis")) {
        const SbModel& sb = bundle.sb();
        out.config.features = chassis_features(sb);
        out.features_source = sb.chassis.empty() ? "sb/Chassis is empty: northd assumes every feature"
                                                 : "sb/Chassis (" + std::to_string(sb.chassis.size()) + " chassis)";
    } else {
        out.features_source = "no sb/Chassis in the bundle: assumed as northd does without chassis";
    }

    out.config.tables = StageTables::from_dump(bundle.flows(), out.config.family);
    if (out.family_source == "--ovn-version" && out.detected.family != overrides.family) {
        out.config.tables = StageTables::for_family(out.config.family);
    }
    if (nb != nullptr) out.config.fair_meters = fair_meter_names(bundle.nb_database());
    return out;
}

}  // namespace ovnsim
