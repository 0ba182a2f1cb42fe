#include "sim/sb_rows_from_ovsdb.hpp"

#include "sim/sb_model.hpp"

namespace ovnsim {
namespace {

using Reader = OvsdbRowReader;

template <typename Row, typename Read>
void read_table(const OvsdbTableLookup& tables, std::string_view table_name, SbModel& model, std::vector<Row>& out,
                Read read) {
    const OvsdbTable* table = tables(table_name);
    if (table == nullptr) return;
    model.loaded_tables.emplace(table_name);
    const Reader reader(*table);
    out.reserve(table->rows.size());
    for (const OvsdbRow& row : table->rows) out.push_back(read(reader, row));
}

// 25.09+ has a `type` column; before, the external_ids key naming the NB row tells.
DatapathKind datapath_kind(const std::string& type, const OvsdbStringMap& external_ids) {
    if (type == "logical-switch" || (type.empty() && ovsdb_option(external_ids, "logical-switch"))) {
        return DatapathKind::logical_switch;
    }
    if (type == "logical-router" || (type.empty() && ovsdb_option(external_ids, "logical-router"))) {
        return DatapathKind::logical_router;
    }
    return DatapathKind::unknown;
}

SbDatapathBinding read_datapath(const Reader& r, const OvsdbRow& row) {
    SbDatapathBinding dp;
    dp.uuid = row.uuid;
    dp.origin = r.origin(row);
    dp.tunnel_key = r.integer(row, r.column("tunnel_key"));
    dp.external_ids = r.string_map(row, r.column("external_ids"));
    if (const auto* name = ovsdb_option(dp.external_ids, "name")) dp.name = *name;
    if (const auto* name2 = ovsdb_option(dp.external_ids, "name2")) dp.name2 = *name2;
    dp.type = r.string(row, r.column("type"));
    dp.kind = datapath_kind(dp.type, dp.external_ids);
    dp.nb_uuid = r.optional_uuid(row, r.column("nb_uuid"));
    return dp;
}

SbPortBinding read_port_binding(const Reader& r, const OvsdbRow& row) {
    SbPortBinding pb;
    pb.uuid = row.uuid;
    pb.origin = r.origin(row);
    pb.logical_port = r.string(row, r.column("logical_port"));
    pb.datapath_uuid = r.optional_uuid(row, r.column("datapath"));
    pb.tunnel_key = r.integer(row, r.column("tunnel_key"));
    pb.type = r.string(row, r.column("type"));
    pb.mac = r.strings(row, r.column("mac"));
    pb.port_security = r.strings(row, r.column("port_security"));
    pb.chassis_uuid = r.optional_uuid(row, r.column("chassis"));
    pb.parent_port = r.optional_string(row, r.column("parent_port"));
    pb.tag = r.optional_integer(row, r.column("tag"));
    pb.up = r.optional_boolean(row, r.column("up"));
    pb.options = r.string_map(row, r.column("options"));
    pb.external_ids = r.string_map(row, r.column("external_ids"));
    return pb;
}

SbChassis read_chassis(const Reader& r, const OvsdbRow& row) {
    SbChassis ch;
    ch.uuid = row.uuid;
    ch.origin = r.origin(row);
    ch.name = r.string(row, r.column("name"));
    ch.hostname = r.string(row, r.column("hostname"));
    ch.other_config = r.string_map(row, r.column("other_config"));
    ch.external_ids = r.string_map(row, r.column("external_ids"));
    return ch;
}

SbAddressSet read_address_set(const Reader& r, const OvsdbRow& row) {
    SbAddressSet set;
    set.uuid = row.uuid;
    set.origin = r.origin(row);
    set.name = r.string(row, r.column("name"));
    set.addresses = r.strings(row, r.column("addresses"));
    return set;
}

SbPortGroup read_port_group(const Reader& r, const OvsdbRow& row) {
    SbPortGroup group;
    group.uuid = row.uuid;
    group.origin = r.origin(row);
    group.name = r.string(row, r.column("name"));
    group.ports = r.strings(row, r.column("ports"));
    return group;
}

SbLogicalDpGroup read_dp_group(const Reader& r, const OvsdbRow& row) {
    SbLogicalDpGroup group;
    group.uuid = row.uuid;
    group.origin = r.origin(row);
    group.datapath_uuids = r.uuids(row, r.column("datapaths"));
    return group;
}

SbLogicalFlow read_flow(const Reader& r, const OvsdbRow& row) {
    SbLogicalFlow flow;
    flow.uuid = row.uuid;
    flow.origin = r.origin(row);
    flow.logical_datapath_uuid = r.optional_uuid(row, r.column("logical_datapath"));
    flow.logical_dp_group_uuid = r.optional_uuid(row, r.column("logical_dp_group"));
    flow.pipeline = r.string(row, r.column("pipeline"));
    flow.table_id = r.integer(row, r.column("table_id"));
    flow.priority = r.integer(row, r.column("priority"));
    flow.match = r.string(row, r.column("match"));
    flow.actions = r.string(row, r.column("actions"));
    flow.controller_meter = r.optional_string(row, r.column("controller_meter"));
    flow.external_ids = r.string_map(row, r.column("external_ids"));
    return flow;
}

SbMulticastGroup read_multicast_group(const Reader& r, const OvsdbRow& row) {
    SbMulticastGroup group;
    group.uuid = row.uuid;
    group.origin = r.origin(row);
    group.name = r.string(row, r.column("name"));
    group.datapath_uuid = r.optional_uuid(row, r.column("datapath"));
    group.tunnel_key = r.integer(row, r.column("tunnel_key"));
    group.port_uuids = r.uuids(row, r.column("ports"));
    return group;
}

SbLoadBalancer read_load_balancer(const Reader& r, const OvsdbRow& row) {
    SbLoadBalancer lb;
    lb.uuid = row.uuid;
    lb.origin = r.origin(row);
    lb.name = r.string(row, r.column("name"));
    lb.vips = r.string_map(row, r.column("vips"));
    lb.protocol = r.optional_string(row, r.column("protocol"));
    lb.datapath_uuids = r.uuids(row, r.column("datapaths"));
    lb.datapath_group_uuid = r.optional_uuid(row, r.column("datapath_group"));
    lb.ls_datapath_group_uuid = r.optional_uuid(row, r.column("ls_datapath_group"));
    lb.lr_datapath_group_uuid = r.optional_uuid(row, r.column("lr_datapath_group"));
    lb.options = r.string_map(row, r.column("options"));
    lb.external_ids = r.string_map(row, r.column("external_ids"));
    return lb;
}

}  // namespace

void read_sb_rows(const OvsdbDatabase& database, SbModel& model) {
    read_sb_rows([&](std::string_view name) { return database.table(name); }, model);
}

void read_sb_rows(const OvsdbTableLookup& db, SbModel& model) {
    read_table(db, "Datapath_Binding", model, model.datapaths, read_datapath);
    read_table(db, "Port_Binding", model, model.port_bindings, read_port_binding);
    read_table(db, "Chassis", model, model.chassis, read_chassis);
    read_table(db, "Address_Set", model, model.address_sets, read_address_set);
    read_table(db, "Port_Group", model, model.port_groups, read_port_group);
    read_table(db, "Logical_DP_Group", model, model.dp_groups, read_dp_group);
    read_table(db, "Logical_Flow", model, model.logical_flows, read_flow);
    read_table(db, "Multicast_Group", model, model.multicast_groups, read_multicast_group);
    read_table(db, "Load_Balancer", model, model.load_balancers, read_load_balancer);
}

SbLogicalFlow sb_logical_flow_from_row(const OvsdbTable& table, const OvsdbRow& row) {
    return read_flow(Reader(table), row);
}

}  // namespace ovnsim
