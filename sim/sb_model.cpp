#include "sim/sb_model.hpp"

#include <charconv>

#include "sim/sb_rows_from_ovsdb.hpp"

namespace ovnsim {
namespace {

std::string describe(std::string_view table, const Uuid& uuid, std::string_view column) {
    return std::string(table) + " " + uuid.to_string() + " " + std::string(column);
}

}  // namespace

std::optional<std::uint32_t> SbLogicalFlow::stage_hint() const {
    const std::string_view hint = external("stage-hint");
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(hint.data(), hint.data() + hint.size(), value, 16);
    if (hint.empty() || ec != std::errc() || end != hint.data() + hint.size()) return std::nullopt;
    return value;
}

const std::vector<std::string>& SbModel::table_names() {
    static const std::vector<std::string> names = {"Address_Set",      "Chassis",         "Datapath_Binding",
                                                   "Load_Balancer",    "Logical_DP_Group", "Logical_Flow",
                                                   "Multicast_Group",  "Port_Binding",    "Port_Group"};
    return names;
}

SbModel::SbModel(const OvsdbDatabase& database) {
    read_sb_rows(database, *this);
    resolve();
}

SbModel::SbModel(const OvsdbTableLookup& tables) {
    read_sb_rows(tables, *this);
    resolve();
}

SbModel::SbModel(const SbModel& other)
    : datapaths(other.datapaths),
      port_bindings(other.port_bindings),
      chassis(other.chassis),
      address_sets(other.address_sets),
      port_groups(other.port_groups),
      dp_groups(other.dp_groups),
      logical_flows(other.logical_flows),
      multicast_groups(other.multicast_groups),
      load_balancers(other.load_balancers),
      loaded_tables(other.loaded_tables) {
    resolve();
}

SbModel& SbModel::operator=(const SbModel& other) {
    if (this != &other) *this = SbModel(other);
    return *this;
}

void SbModel::resolve() {
    problems_.clear();
    datapath_index_.rebuild(datapaths);
    port_index_.rebuild(port_bindings);
    chassis_index_.rebuild(chassis);
    dp_group_index_.rebuild(dp_groups);
    flow_index_.rebuild(logical_flows);
    lb_index_.rebuild(load_balancers);
    datapath_names_.rebuild(datapaths, [](const SbDatapathBinding& r) { return r.name; });
    datapath_names2_.rebuild(datapaths, [](const SbDatapathBinding& r) { return r.name2; });
    port_names_.rebuild(port_bindings, [](const SbPortBinding& r) { return r.logical_port; });
    chassis_names_.rebuild(chassis, [](const SbChassis& r) { return r.name; });
    address_set_names_.rebuild(address_sets, [](const SbAddressSet& r) { return r.name; });
    port_group_names_.rebuild(port_groups, [](const SbPortGroup& r) { return r.name; });
    datapath_keys_.clear();
    for (const auto& dp : datapaths) datapath_keys_.emplace(dp.tunnel_key, &dp);

    ReferenceResolver refs(problems_);
    const bool have_datapaths = has_table("Datapath_Binding"), have_chassis = has_table("Chassis"),
               have_ports = has_table("Port_Binding"), have_dp_groups = has_table("Logical_DP_Group");

    for (auto& dp : datapaths) dp.ports.clear();
    for (auto& pb : port_bindings) {
        pb.datapath = nullptr;
        if (pb.datapath_uuid) {
            SbDatapathBinding* dp = refs.resolve(datapath_index_, have_datapaths, *pb.datapath_uuid, pb.origin,
                                                 describe("Port_Binding", pb.uuid, "datapath"), "Datapath_Binding");
            if (dp != nullptr) {
                dp->ports.push_back(&pb);
                pb.datapath = dp;
            }
        }
        // Chassis is a weak reference: it may rightly point nowhere for a moment.
        pb.chassis = pb.chassis_uuid ? refs.resolve(chassis_index_, have_chassis, *pb.chassis_uuid, pb.origin,
                                                    describe("Port_Binding", pb.uuid, "chassis"), "Chassis")
                                     : nullptr;
    }
    for (auto& pb : port_bindings) {
        pb.peer = nullptr;
        const std::string* peer = pb.peer_name();
        if (peer == nullptr) continue;
        pb.peer = port_names_.find(*peer);
        if (pb.peer == nullptr) {
            refs.dangling(pb.origin, describe("Port_Binding", pb.uuid, "options:peer"), "Port_Binding", "named " + *peer);
        }
    }
    for (auto& group : dp_groups) {
        group.datapaths.clear();
        refs.resolve_each(datapath_index_, have_datapaths, group.datapath_uuids, group.origin,
                          describe("Logical_DP_Group", group.uuid, "datapaths"), "Datapath_Binding",
                          [&](const SbDatapathBinding& dp) { group.datapaths.push_back(&dp); });
    }
    flows_by_hint_.clear();
    for (auto& flow : logical_flows) {
        flow.datapath = flow.logical_datapath_uuid
                            ? refs.resolve(datapath_index_, have_datapaths, *flow.logical_datapath_uuid, flow.origin,
                                           describe("Logical_Flow", flow.uuid, "logical_datapath"), "Datapath_Binding")
                            : nullptr;
        flow.dp_group = flow.logical_dp_group_uuid
                            ? refs.resolve(dp_group_index_, have_dp_groups, *flow.logical_dp_group_uuid, flow.origin,
                                           describe("Logical_Flow", flow.uuid, "logical_dp_group"), "Logical_DP_Group")
                            : nullptr;
        if (const auto hint = flow.stage_hint()) flows_by_hint_.emplace(*hint, &flow);
    }
    for (auto& group : multicast_groups) {
        group.ports.clear();
        group.datapath = group.datapath_uuid
                             ? refs.resolve(datapath_index_, have_datapaths, *group.datapath_uuid, group.origin,
                                            describe("Multicast_Group", group.uuid, "datapath"), "Datapath_Binding")
                             : nullptr;
        refs.resolve_each(port_index_, have_ports, group.port_uuids, group.origin,
                          describe("Multicast_Group", group.uuid, "ports"), "Port_Binding",
                          [&](const SbPortBinding& pb) { group.ports.push_back(&pb); });
    }
}

const SbDatapathBinding* SbModel::datapath(std::string_view name) const {
    if (const auto* dp = datapath_names_.find(name)) return dp;
    return name.empty() ? nullptr : datapath_names2_.find(name);
}

const SbDatapathBinding* SbModel::datapath_by_tunnel_key(std::int64_t key) const {
    const auto it = datapath_keys_.find(key);
    return it == datapath_keys_.end() ? nullptr : it->second;
}

const SbPortBinding* SbModel::port_binding_by_key(const SbDatapathBinding& datapath, std::int64_t tunnel_key) const {
    for (const SbPortBinding* pb : datapath.ports) {
        if (pb->tunnel_key == tunnel_key) return pb;
    }
    return nullptr;
}

std::vector<const SbLogicalFlow*> SbModel::logical_flows_by_stage_hint(std::uint32_t hint) const {
    std::vector<const SbLogicalFlow*> out;
    const auto [first, last] = flows_by_hint_.equal_range(hint);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

const SbMulticastGroup* SbModel::multicast_group(const SbDatapathBinding& datapath, std::string_view name) const {
    for (const auto& group : multicast_groups) {
        if (group.datapath == &datapath && group.name == name) return &group;
    }
    return nullptr;
}

}  // namespace ovnsim
