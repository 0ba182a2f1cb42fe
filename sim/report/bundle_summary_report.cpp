#include "sim/report/bundle_summary_report.hpp"

namespace ovnsim {
namespace {

std::string count(std::size_t n, const char* singular, const char* plural) {
    return std::to_string(n) + ' ' + (n == 1 ? singular : plural);
}

}  // namespace

std::string format_bundle_summary(const BundleSummary& s) {
    if (!s.has_nb) return "\nNB: no tables in this bundle (add nb/<Table>.txt or .json listings)\n";
    std::string out = "\nNB: " + count(s.acls, "ACL", "ACLs") + " (" + std::to_string(s.sampled_acls) +
                      " sampled), " + count(s.samples, "Sample", "Samples") + ", " +
                      count(s.sample_collectors, "Sample_Collector", "Sample_Collectors") + ", " +
                      count(s.sampling_apps, "Sampling_App", "Sampling_Apps") + '\n';
    out += "    " + count(s.logical_switches, "switch", "switches") + ", " +
           count(s.logical_switch_ports, "switch port", "switch ports") + ", " +
           count(s.logical_routers, "router", "routers") + ", " +
           count(s.port_groups, "port group", "port groups") + ", " +
           count(s.address_sets, "address set", "address sets") + ", " +
           count(s.load_balancers, "load balancer", "load balancers") + '\n';
    return out;
}

nlohmann::json bundle_summary_json(const BundleSummary& s) {
    if (!s.has_nb) return nullptr;
    return {
        {"acls", s.acls},
        {"sampled_acls", s.sampled_acls},
        {"samples", s.samples},
        {"sample_collectors", s.sample_collectors},
        {"sampling_apps", s.sampling_apps},
        {"port_groups", s.port_groups},
        {"address_sets", s.address_sets},
        {"logical_switches", s.logical_switches},
        {"logical_switch_ports", s.logical_switch_ports},
        {"logical_routers", s.logical_routers},
        {"load_balancers", s.load_balancers},
        {"tables", s.nb_tables},
    };
}

}  // namespace ovnsim
