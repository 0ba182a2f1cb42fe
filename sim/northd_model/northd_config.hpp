#pragma once
// What the northd model needs besides the NB tables: the OVN release family, the chassis
// features northd reads from the SB, the table numbers that appear inside action text, and
// the fair meters (from the NB Meter table, which NbModel does not model).
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "sim/logical_flows.hpp"
#include "sim/ovn_version.hpp"
#include "sim/sb_model.hpp"

namespace ovnsim {

struct NorthdFeatures {
    // OVS can load obs_point_id from a field (NXAST_SAMPLE4, OVS >= 3.4): with one collector
    // the per-ACL sample flows collapse into shared ones.
    bool sample_with_registers = true;
};

// northd's rule (en-global-config.c): a feature holds when every chassis that is not
// remote reports it; with no chassis at all northd assumes every feature.
NorthdFeatures chassis_features(const SbModel& sb);

// Table numbers of the stages whose numbers northd prints inside actions (reject's
// `next(pipeline=egress,table=N)`, the tier loop's jump back to the eval stage).
class StageTables {
public:
    // The layout of `family` (ovn-reference.md §4).
    static StageTables for_family(OvnFamily family);
    // The family's layout, overridden by the numbers `flows` uses for the same stage names.
    static StageTables from_dump(const LogicalFlows& flows, OvnFamily family);

    int table(std::string_view stage) const;  // -1 when unknown

private:
    std::map<std::string, int, std::less<>> tables_;
};

struct NorthdConfig {
    OvnFamily family = kNewestOvnFamily;
    NorthdFeatures features;
    StageTables tables = StageTables::for_family(kNewestOvnFamily);
    std::set<std::string, std::less<>> fair_meters;  // NB Meter rows with fair=true
};

}  // namespace ovnsim
