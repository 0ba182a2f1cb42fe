#include "sim/nb_model.hpp"

#include <algorithm>

#include "sim/nb_rows_from_ovsdb.hpp"

namespace ovnsim {
namespace {

std::string describe(std::string_view table, const Uuid& uuid, std::string_view column) {
    return std::string(table) + " " + uuid.to_string() + " " + std::string(column);
}

// Lowercase hex digits of a UUID prefix without dashes, or nullopt if it has other characters.
std::optional<std::string> hex_digits(std::string_view text) {
    std::string digits;
    for (const char c : text) {
        if (c == '-') continue;
        const char lower = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f'))) return std::nullopt;
        digits += lower;
    }
    if (digits.size() > 32) return std::nullopt;
    return digits;
}

std::string uuid_hex_digits(const Uuid& uuid) {
    std::string text = uuid.to_string();
    text.erase(std::remove(text.begin(), text.end(), '-'), text.end());
    return text;
}

}  // namespace

const std::vector<std::string>& NbModel::table_names() {
    static const std::vector<std::string> names = {
        "ACL",           "Address_Set",    "Load_Balancer",       "Load_Balancer_Group", "Logical_Router",
        "Logical_Router_Port", "Logical_Switch", "Logical_Switch_Port", "NB_Global",   "Port_Group",
        "Sample",        "Sample_Collector", "Sampling_App"};
    return names;
}

NbModel::NbModel(const OvsdbDatabase& database) {
    read_nb_rows(database, *this);
    resolve();
}

NbModel::NbModel(const OvsdbTableLookup& tables) {
    read_nb_rows(tables, *this);
    resolve();
}

NbModel::NbModel(const NbModel& other)
    : acls(other.acls),
      samples(other.samples),
      sample_collectors(other.sample_collectors),
      sampling_apps(other.sampling_apps),
      port_groups(other.port_groups),
      address_sets(other.address_sets),
      logical_switches(other.logical_switches),
      logical_switch_ports(other.logical_switch_ports),
      logical_routers(other.logical_routers),
      logical_router_ports(other.logical_router_ports),
      load_balancers(other.load_balancers),
      load_balancer_groups(other.load_balancer_groups),
      global(other.global),
      loaded_tables(other.loaded_tables) {
    resolve();
}

NbModel& NbModel::operator=(const NbModel& other) {
    if (this != &other) *this = NbModel(other);
    return *this;
}

void NbModel::resolve() {
    problems_.clear();
    acl_index_.rebuild(acls);
    sample_index_.rebuild(samples);
    collector_index_.rebuild(sample_collectors);
    port_group_index_.rebuild(port_groups);
    switch_index_.rebuild(logical_switches);
    lsp_index_.rebuild(logical_switch_ports);
    router_index_.rebuild(logical_routers);
    lrp_index_.rebuild(logical_router_ports);
    lb_index_.rebuild(load_balancers);
    lb_group_index_.rebuild(load_balancer_groups);
    port_group_names_.rebuild(port_groups, [](const NbPortGroup& r) { return r.name; });
    address_set_names_.rebuild(address_sets, [](const NbAddressSet& r) { return r.name; });
    switch_names_.rebuild(logical_switches, [](const NbLogicalSwitch& r) { return r.name; });
    lsp_names_.rebuild(logical_switch_ports, [](const NbLogicalSwitchPort& r) { return r.name; });
    router_names_.rebuild(logical_routers, [](const NbLogicalRouter& r) { return r.name; });
    lrp_names_.rebuild(logical_router_ports, [](const NbLogicalRouterPort& r) { return r.name; });

    ReferenceResolver refs(problems_);
    const bool have_samples = has_table("Sample"), have_collectors = has_table("Sample_Collector"),
               have_acls = has_table("ACL"), have_lsps = has_table("Logical_Switch_Port"),
               have_lrps = has_table("Logical_Router_Port"), have_lbs = has_table("Load_Balancer"),
               have_lb_groups = has_table("Load_Balancer_Group");

    for (NbSample& sample : samples) {
        sample.collectors.clear();
        refs.resolve_each(collector_index_, have_collectors, sample.collector_uuids, sample.origin,
                          describe("Sample", sample.uuid, "collectors"), "Sample_Collector",
                          [&](const NbSampleCollector& c) { sample.collectors.push_back(&c); });
    }
    for (NbAcl& acl : acls) {
        acl.switches.clear();
        acl.port_groups.clear();
        acl.sample_new = acl.sample_new_uuid ? refs.resolve(sample_index_, have_samples, *acl.sample_new_uuid, acl.origin,
                                                            describe("ACL", acl.uuid, "sample_new"), "Sample")
                                             : nullptr;
        acl.sample_est = acl.sample_est_uuid ? refs.resolve(sample_index_, have_samples, *acl.sample_est_uuid, acl.origin,
                                                            describe("ACL", acl.uuid, "sample_est"), "Sample")
                                             : nullptr;
    }
    for (NbLogicalSwitchPort& lsp : logical_switch_ports) {
        lsp.logical_switch = nullptr;
        lsp.port_groups.clear();
        lsp.router_port = nullptr;
    }
    for (NbLogicalRouterPort& lrp : logical_router_ports) {
        lrp.router = nullptr;
        lrp.peer_port = nullptr;
        lrp.switch_port = nullptr;
    }
    for (NbLogicalSwitch& ls : logical_switches) {
        ls.ports.clear();
        ls.acls.clear();
        ls.load_balancers.clear();
        ls.load_balancer_groups.clear();
        refs.resolve_each(lsp_index_, have_lsps, ls.port_uuids, ls.origin, describe("Logical_Switch", ls.uuid, "ports"),
                          "Logical_Switch_Port", [&](NbLogicalSwitchPort& lsp) {
                              ls.ports.push_back(&lsp);
                              lsp.logical_switch = &ls;
                          });
        refs.resolve_each(acl_index_, have_acls, ls.acl_uuids, ls.origin, describe("Logical_Switch", ls.uuid, "acls"),
                          "ACL", [&](NbAcl& acl) {
                              ls.acls.push_back(&acl);
                              acl.switches.push_back(&ls);
                          });
        refs.resolve_each(lb_index_, have_lbs, ls.load_balancer_uuids, ls.origin,
                          describe("Logical_Switch", ls.uuid, "load_balancer"), "Load_Balancer",
                          [&](const NbLoadBalancer& lb) { ls.load_balancers.push_back(&lb); });
        refs.resolve_each(lb_group_index_, have_lb_groups, ls.load_balancer_group_uuids, ls.origin,
                          describe("Logical_Switch", ls.uuid, "load_balancer_group"), "Load_Balancer_Group",
                          [&](const NbLoadBalancerGroup& g) { ls.load_balancer_groups.push_back(&g); });
    }
    for (NbPortGroup& pg : port_groups) {
        pg.ports.clear();
        pg.acls.clear();
        refs.resolve_each(lsp_index_, have_lsps, pg.port_uuids, pg.origin, describe("Port_Group", pg.uuid, "ports"),
                          "Logical_Switch_Port", [&](NbLogicalSwitchPort& lsp) {
                              pg.ports.push_back(&lsp);
                              lsp.port_groups.push_back(&pg);
                          });
        refs.resolve_each(acl_index_, have_acls, pg.acl_uuids, pg.origin, describe("Port_Group", pg.uuid, "acls"), "ACL",
                          [&](NbAcl& acl) {
                              pg.acls.push_back(&acl);
                              acl.port_groups.push_back(&pg);
                          });
    }
    for (NbLogicalRouter& lr : logical_routers) {
        lr.ports.clear();
        lr.load_balancers.clear();
        lr.load_balancer_groups.clear();
        refs.resolve_each(lrp_index_, have_lrps, lr.port_uuids, lr.origin, describe("Logical_Router", lr.uuid, "ports"),
                          "Logical_Router_Port", [&](NbLogicalRouterPort& lrp) {
                              lr.ports.push_back(&lrp);
                              lrp.router = &lr;
                          });
        refs.resolve_each(lb_index_, have_lbs, lr.load_balancer_uuids, lr.origin,
                          describe("Logical_Router", lr.uuid, "load_balancer"), "Load_Balancer",
                          [&](const NbLoadBalancer& lb) { lr.load_balancers.push_back(&lb); });
        refs.resolve_each(lb_group_index_, have_lb_groups, lr.load_balancer_group_uuids, lr.origin,
                          describe("Logical_Router", lr.uuid, "load_balancer_group"), "Load_Balancer_Group",
                          [&](const NbLoadBalancerGroup& g) { lr.load_balancer_groups.push_back(&g); });
    }
    for (NbLogicalRouterPort& lrp : logical_router_ports) {
        if (!lrp.peer) continue;
        lrp.peer_port = lrp_names_.find(*lrp.peer);
        if (lrp.peer_port == nullptr) {
            refs.dangling(lrp.origin, describe("Logical_Router_Port", lrp.uuid, "peer"), "Logical_Router_Port",
                          "named " + *lrp.peer);
        }
    }
    for (NbLogicalSwitchPort& lsp : logical_switch_ports) {
        const std::string* name = lsp.type == "router" ? lsp.router_port_name() : nullptr;
        if (name == nullptr) continue;
        NbLogicalRouterPort* lrp = lrp_names_.find(*name);
        if (lrp != nullptr) {
            lsp.router_port = lrp;
            lrp->switch_port = &lsp;
        } else if (have_lrps) {
            refs.dangling(lsp.origin, describe("Logical_Switch_Port", lsp.uuid, "options:router-port"),
                          "Logical_Router_Port", "named " + *name);
        }
    }
    for (NbLoadBalancerGroup& group : load_balancer_groups) {
        group.load_balancers.clear();
        refs.resolve_each(lb_index_, have_lbs, group.load_balancer_uuids, group.origin,
                          describe("Load_Balancer_Group", group.uuid, "load_balancer"), "Load_Balancer",
                          [&](const NbLoadBalancer& lb) { group.load_balancers.push_back(&lb); });
    }
    acls_by_hint_.clear();
    for (const NbAcl& acl : acls) acls_by_hint_.emplace(acl.stage_hint(), &acl);
    samples_by_metadata_.clear();
    for (const NbSample& sample : samples) samples_by_metadata_.emplace(sample.metadata, &sample);
}

const NbSamplingApp* NbModel::sampling_app(std::string_view type) const {
    for (const auto& app : sampling_apps) {
        if (app.type == type) return &app;
    }
    return nullptr;
}

const NbSampleCollector* NbModel::sample_collector_by_id(std::int64_t id) const {
    for (const auto& collector : sample_collectors) {
        if (collector.id == id) return &collector;
    }
    return nullptr;
}

std::vector<const NbSample*> NbModel::samples_by_metadata(std::int64_t metadata) const {
    std::vector<const NbSample*> out;
    const auto [first, last] = samples_by_metadata_.equal_range(metadata);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

std::vector<const NbAcl*> NbModel::acls_named(std::string_view name) const {
    std::vector<const NbAcl*> out;
    for (const auto& acl : acls) {
        if (acl.name && *acl.name == name) out.push_back(&acl);
    }
    return out;
}

std::vector<const NbAcl*> NbModel::acls_by_stage_hint(std::uint32_t hint) const {
    std::vector<const NbAcl*> out;
    const auto [first, last] = acls_by_hint_.equal_range(hint);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

std::vector<const NbAcl*> NbModel::acls_by_uuid_prefix(std::string_view hex) const {
    const auto digits = hex_digits(hex);
    if (!digits || digits->empty()) return {};
    std::vector<const NbAcl*> candidates;
    if (digits->size() >= 8) {
        candidates = acls_by_stage_hint(static_cast<std::uint32_t>(std::stoul(digits->substr(0, 8), nullptr, 16)));
    } else {
        for (const auto& acl : acls) candidates.push_back(&acl);
    }
    std::vector<const NbAcl*> out;
    for (const NbAcl* acl : candidates) {
        if (uuid_hex_digits(acl->uuid).starts_with(*digits)) out.push_back(acl);
    }
    return out;
}

}  // namespace ovnsim
