#pragma once
// The OVN Northbound database as typed rows with references resolved (ACL -> Sample ->
// Sample_Collector, ACL -> owning switches and port groups, Port_Group -> ports and ACLs,
// Logical_Switch -> ports, ACLs and load balancers, LSP <-> switch and router port, LRP ->
// router and peer), built from an OvsdbDatabase whatever files its tables came from.
//
// The row vectors are public: edit them (what-if) and call resolve() to recompute the
// pointers, indexes and problems. Copying a model resolves the copy.
#include <set>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_table.hpp"
#include "sim/nb_rows.hpp"
#include "sim/nb_sb_references.hpp"

namespace ovnsim {

class NbModel {
public:
    // The tables the model reads; other tables of the database are ignored.
    static const std::vector<std::string>& table_names();

    NbModel() = default;
    // Throws InputError (FILE:LINE:COL of the cell) for a value of the wrong type or an
    // unknown ACL direction. Dangling references are not errors: see problems().
    explicit NbModel(const OvsdbDatabase& database);
    // From the tables `tables` gives (a table it does not give is absent).
    explicit NbModel(const OvsdbTableLookup& tables);
    NbModel(const NbModel& other);
    NbModel& operator=(const NbModel& other);
    NbModel(NbModel&&) = default;
    NbModel& operator=(NbModel&&) = default;

    std::vector<NbAcl> acls;
    std::vector<NbSample> samples;
    std::vector<NbSampleCollector> sample_collectors;
    std::vector<NbSamplingApp> sampling_apps;
    std::vector<NbPortGroup> port_groups;
    std::vector<NbAddressSet> address_sets;
    std::vector<NbLogicalSwitch> logical_switches;
    std::vector<NbLogicalSwitchPort> logical_switch_ports;
    std::vector<NbLogicalRouter> logical_routers;
    std::vector<NbLogicalRouterPort> logical_router_ports;
    std::vector<NbLoadBalancer> load_balancers;
    std::vector<NbLoadBalancerGroup> load_balancer_groups;
    std::optional<NbGlobal> global;
    std::set<std::string, std::less<>> loaded_tables;  // tables present in the source

    void resolve();
    bool has_table(std::string_view table) const { return loaded_tables.contains(table); }
    // Dangling references (weak references may dangle in real databases).
    const Diagnostics& problems() const { return problems_; }

    const NbAcl* acl(const Uuid& uuid) const { return acl_index_.find(uuid); }
    const NbSample* sample(const Uuid& uuid) const { return sample_index_.find(uuid); }
    const NbSampleCollector* sample_collector(const Uuid& uuid) const { return collector_index_.find(uuid); }
    const NbPortGroup* port_group(const Uuid& uuid) const { return port_group_index_.find(uuid); }
    const NbLogicalSwitch* logical_switch(const Uuid& uuid) const { return switch_index_.find(uuid); }
    const NbLogicalSwitchPort* logical_switch_port(const Uuid& uuid) const { return lsp_index_.find(uuid); }
    const NbLogicalRouter* logical_router(const Uuid& uuid) const { return router_index_.find(uuid); }
    const NbLogicalRouterPort* logical_router_port(const Uuid& uuid) const { return lrp_index_.find(uuid); }
    const NbLoadBalancer* load_balancer(const Uuid& uuid) const { return lb_index_.find(uuid); }

    const NbPortGroup* port_group(std::string_view name) const { return port_group_names_.find(name); }
    const NbAddressSet* address_set(std::string_view name) const { return address_set_names_.find(name); }
    const NbLogicalSwitch* logical_switch(std::string_view name) const { return switch_names_.find(name); }
    const NbLogicalSwitchPort* logical_switch_port(std::string_view name) const { return lsp_names_.find(name); }
    const NbLogicalRouter* logical_router(std::string_view name) const { return router_names_.find(name); }
    const NbLogicalRouterPort* logical_router_port(std::string_view name) const { return lrp_names_.find(name); }
    // Sampling_App by type ("drop", "acl-new", "acl-est").
    const NbSamplingApp* sampling_app(std::string_view type) const;
    // Sample_Collector by its id column (1..255).
    const NbSampleCollector* sample_collector_by_id(std::int64_t id) const;
    // Samples whose metadata (obs_point_id) is `metadata`; OVN indexes it, so at most one
    // unless the source is inconsistent.
    std::vector<const NbSample*> samples_by_metadata(std::int64_t metadata) const;
    // ACLs named `name` (ACL names are not unique).
    std::vector<const NbAcl*> acls_named(std::string_view name) const;
    // ACLs whose UUID starts with these 32 bits: a logical flow's stage-hint.
    std::vector<const NbAcl*> acls_by_stage_hint(std::uint32_t hint) const;
    // The same from text: 8 hex digits (a stage-hint as printed) or any longer UUID prefix.
    std::vector<const NbAcl*> acls_by_uuid_prefix(std::string_view hex) const;

private:
    Diagnostics problems_;
    RowIndex<NbAcl> acl_index_;
    RowIndex<NbSample> sample_index_;
    RowIndex<NbSampleCollector> collector_index_;
    RowIndex<NbPortGroup> port_group_index_;
    RowIndex<NbLogicalSwitch> switch_index_;
    RowIndex<NbLogicalSwitchPort> lsp_index_;
    RowIndex<NbLogicalRouter> router_index_;
    RowIndex<NbLogicalRouterPort> lrp_index_;
    RowIndex<NbLoadBalancer> lb_index_;
    RowIndex<NbLoadBalancerGroup> lb_group_index_;
    NameIndex<NbPortGroup> port_group_names_;
    NameIndex<NbAddressSet> address_set_names_;
    NameIndex<NbLogicalSwitch> switch_names_;
    NameIndex<NbLogicalSwitchPort> lsp_names_;
    NameIndex<NbLogicalRouter> router_names_;
    NameIndex<NbLogicalRouterPort> lrp_names_;
    std::unordered_multimap<std::uint32_t, const NbAcl*> acls_by_hint_;
    std::unordered_multimap<std::int64_t, const NbSample*> samples_by_metadata_;
};

}  // namespace ovnsim
