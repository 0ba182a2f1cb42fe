#include "sim/bundle_summary.hpp"

#include <algorithm>

namespace ovnsim {

BundleSummary summarize_bundle(const Bundle& bundle) {
    BundleSummary s;
    s.has_nb = bundle.has_nb();
    if (!s.has_nb) return s;
    const NbModel& nb = bundle.nb();
    s.acls = nb.acls.size();
    s.sampled_acls = static_cast<std::size_t>(std::count_if(nb.acls.begin(), nb.acls.end(), [](const NbAcl& acl) {
        return acl.sample_new_uuid.has_value() || acl.sample_est_uuid.has_value();
    }));
    s.samples = nb.samples.size();
    s.sample_collectors = nb.sample_collectors.size();
    s.sampling_apps = nb.sampling_apps.size();
    s.port_groups = nb.port_groups.size();
    s.address_sets = nb.address_sets.size();
    s.logical_switches = nb.logical_switches.size();
    s.logical_switch_ports = nb.logical_switch_ports.size();
    s.logical_routers = nb.logical_routers.size();
    s.load_balancers = nb.load_balancers.size();
    s.nb_tables.assign(nb.loaded_tables.begin(), nb.loaded_tables.end());
    return s;
}

}  // namespace ovnsim
