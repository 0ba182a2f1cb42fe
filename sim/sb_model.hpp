#pragma once
// The OVN Southbound database as typed rows with references resolved (Port_Binding ->
// datapath, chassis and patch peer; Logical_Flow -> datapath or datapath group;
// Multicast_Group -> datapath and ports), built from an OvsdbDatabase whatever files its
// tables came from. Same conventions as NbModel: public rows, resolve() after edits.
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parser/ovsdb_table.hpp"
#include "sim/nb_sb_references.hpp"
#include "sim/sb_rows.hpp"

namespace ovnsim {

class SbModel {
public:
    static const std::vector<std::string>& table_names();

    SbModel() = default;
    // Throws InputError (FILE:LINE:COL of the cell) for a value of the wrong type.
    explicit SbModel(const OvsdbDatabase& database);
    // From the tables `tables` gives (a table it does not give is absent).
    explicit SbModel(const OvsdbTableLookup& tables);
    SbModel(const SbModel& other);
    SbModel& operator=(const SbModel& other);
    SbModel(SbModel&&) = default;
    SbModel& operator=(SbModel&&) = default;

    std::vector<SbDatapathBinding> datapaths;
    std::vector<SbPortBinding> port_bindings;
    std::vector<SbChassis> chassis;
    std::vector<SbAddressSet> address_sets;
    std::vector<SbPortGroup> port_groups;
    std::vector<SbLogicalDpGroup> dp_groups;
    std::vector<SbLogicalFlow> logical_flows;
    std::vector<SbMulticastGroup> multicast_groups;
    std::vector<SbLoadBalancer> load_balancers;
    std::set<std::string, std::less<>> loaded_tables;

    void resolve();
    bool has_table(std::string_view table) const { return loaded_tables.contains(table); }
    const Diagnostics& problems() const { return problems_; }

    const SbDatapathBinding* datapath(const Uuid& uuid) const { return datapath_index_.find(uuid); }
    // By external_ids:name (or name2 when no datapath has that name).
    const SbDatapathBinding* datapath(std::string_view name) const;
    const SbDatapathBinding* datapath_by_tunnel_key(std::int64_t key) const;
    const SbPortBinding* port_binding(const Uuid& uuid) const { return port_index_.find(uuid); }
    const SbPortBinding* port_binding(std::string_view logical_port) const { return port_names_.find(logical_port); }
    const SbPortBinding* port_binding_by_key(const SbDatapathBinding& datapath, std::int64_t tunnel_key) const;
    const SbChassis* chassis_by_uuid(const Uuid& uuid) const { return chassis_index_.find(uuid); }
    const SbChassis* chassis_named(std::string_view name) const { return chassis_names_.find(name); }
    const SbAddressSet* address_set(std::string_view name) const { return address_set_names_.find(name); }
    const SbPortGroup* port_group(std::string_view name) const { return port_group_names_.find(name); }
    const SbLogicalDpGroup* dp_group(const Uuid& uuid) const { return dp_group_index_.find(uuid); }
    const SbLogicalFlow* logical_flow(const Uuid& uuid) const { return flow_index_.find(uuid); }
    std::vector<const SbLogicalFlow*> logical_flows_by_stage_hint(std::uint32_t hint) const;
    const SbMulticastGroup* multicast_group(const SbDatapathBinding& datapath, std::string_view name) const;
    const SbLoadBalancer* load_balancer(const Uuid& uuid) const { return lb_index_.find(uuid); }

private:
    Diagnostics problems_;
    RowIndex<SbDatapathBinding> datapath_index_;
    RowIndex<SbPortBinding> port_index_;
    RowIndex<SbChassis> chassis_index_;
    RowIndex<SbLogicalDpGroup> dp_group_index_;
    RowIndex<SbLogicalFlow> flow_index_;
    RowIndex<SbLoadBalancer> lb_index_;
    NameIndex<SbDatapathBinding> datapath_names_;
    NameIndex<SbDatapathBinding> datapath_names2_;
    NameIndex<SbPortBinding> port_names_;
    NameIndex<SbChassis> chassis_names_;
    NameIndex<SbAddressSet> address_set_names_;
    NameIndex<SbPortGroup> port_group_names_;
    std::unordered_map<std::int64_t, const SbDatapathBinding*> datapath_keys_;
    std::unordered_multimap<std::uint32_t, const SbLogicalFlow*> flows_by_hint_;
};

}  // namespace ovnsim
