#include "sim/nb_rows_from_ovsdb.hpp"

#include "sim/nb_model.hpp"

namespace ovnsim {
namespace {

using Reader = OvsdbRowReader;

AclDirection acl_direction(const Reader& r, const OvsdbRow& row, const Reader::Column& column) {
    const std::string direction = r.string(row, column);
    if (direction == "from-lport") return AclDirection::from_lport;
    if (direction == "to-lport") return AclDirection::to_lport;
    r.fail(row, column, "expected from-lport or to-lport, got \"" + direction + "\"");
}

AclAction acl_action(std::string_view action) {
    if (action == "allow") return AclAction::allow;
    if (action == "allow-related") return AclAction::allow_related;
    if (action == "allow-stateless") return AclAction::allow_stateless;
    if (action == "drop") return AclAction::drop;
    if (action == "reject") return AclAction::reject;
    if (action == "pass") return AclAction::pass;
    return AclAction::unknown;
}

// Calls `read(reader, row)` for every row of `table_name`, if the database has it.
template <typename Row, typename Read>
void read_table(const OvsdbTableLookup& tables, std::string_view table_name, NbModel& model, std::vector<Row>& out,
                Read read) {
    const OvsdbTable* table = tables(table_name);
    if (table == nullptr) return;
    model.loaded_tables.emplace(table_name);
    const Reader reader(*table);
    out.reserve(table->rows.size());
    for (const OvsdbRow& row : table->rows) out.push_back(read(reader, row));
}

NbAcl read_acl(const Reader& r, const OvsdbRow& row) {
    NbAcl acl;
    acl.uuid = row.uuid;
    acl.origin = r.origin(row);
    acl.name = r.optional_string(row, r.column("name"));
    acl.priority = r.integer(row, r.column("priority"));
    acl.direction = acl_direction(r, row, r.column("direction"));
    acl.match = r.string(row, r.column("match"));
    acl.action_name = r.string(row, r.column("action"));
    acl.action = acl_action(acl.action_name);
    acl.log = r.boolean(row, r.column("log"));
    acl.severity = r.optional_string(row, r.column("severity"));
    acl.meter = r.optional_string(row, r.column("meter"));
    acl.label = r.integer(row, r.column("label"));
    acl.tier = r.integer(row, r.column("tier"));
    acl.options = r.string_map(row, r.column("options"));
    acl.external_ids = r.string_map(row, r.column("external_ids"));
    acl.sample_new_uuid = r.optional_uuid(row, r.column("sample_new"));
    acl.sample_est_uuid = r.optional_uuid(row, r.column("sample_est"));
    return acl;
}

NbSample read_sample(const Reader& r, const OvsdbRow& row) {
    NbSample sample;
    sample.uuid = row.uuid;
    sample.origin = r.origin(row);
    sample.metadata = r.integer(row, r.column("metadata"));
    sample.collector_uuids = r.uuids(row, r.column("collectors"));
    return sample;
}

NbSampleCollector read_collector(const Reader& r, const OvsdbRow& row) {
    NbSampleCollector collector;
    collector.uuid = row.uuid;
    collector.origin = r.origin(row);
    collector.id = r.integer(row, r.column("id"));
    collector.name = r.string(row, r.column("name"));
    collector.probability = r.integer(row, r.column("probability"));
    collector.set_id = r.integer(row, r.column("set_id"));
    collector.external_ids = r.string_map(row, r.column("external_ids"));
    return collector;
}

NbSamplingApp read_sampling_app(const Reader& r, const OvsdbRow& row) {
    NbSamplingApp app;
    app.uuid = row.uuid;
    app.origin = r.origin(row);
    app.type = r.string(row, r.column("type"));
    app.id = r.integer(row, r.column("id"));
    app.external_ids = r.string_map(row, r.column("external_ids"));
    return app;
}

NbPortGroup read_port_group(const Reader& r, const OvsdbRow& row) {
    NbPortGroup group;
    group.uuid = row.uuid;
    group.origin = r.origin(row);
    group.name = r.string(row, r.column("name"));
    group.port_uuids = r.uuids(row, r.column("ports"));
    group.acl_uuids = r.uuids(row, r.column("acls"));
    group.external_ids = r.string_map(row, r.column("external_ids"));
    return group;
}

NbAddressSet read_address_set(const Reader& r, const OvsdbRow& row) {
    NbAddressSet set;
    set.uuid = row.uuid;
    set.origin = r.origin(row);
    set.name = r.string(row, r.column("name"));
    set.addresses = r.strings(row, r.column("addresses"));
    set.external_ids = r.string_map(row, r.column("external_ids"));
    return set;
}

NbLogicalSwitch read_switch(const Reader& r, const OvsdbRow& row) {
    NbLogicalSwitch ls;
    ls.uuid = row.uuid;
    ls.origin = r.origin(row);
    ls.name = r.string(row, r.column("name"));
    ls.port_uuids = r.uuids(row, r.column("ports"));
    ls.acl_uuids = r.uuids(row, r.column("acls"));
    ls.load_balancer_uuids = r.uuids(row, r.column("load_balancer"));
    ls.load_balancer_group_uuids = r.uuids(row, r.column("load_balancer_group"));
    ls.other_config = r.string_map(row, r.column("other_config"));
    ls.external_ids = r.string_map(row, r.column("external_ids"));
    return ls;
}

NbLogicalSwitchPort read_switch_port(const Reader& r, const OvsdbRow& row) {
    NbLogicalSwitchPort lsp;
    lsp.uuid = row.uuid;
    lsp.origin = r.origin(row);
    lsp.name = r.string(row, r.column("name"));
    lsp.type = r.string(row, r.column("type"));
    lsp.addresses = r.strings(row, r.column("addresses"));
    lsp.port_security = r.strings(row, r.column("port_security"));
    lsp.parent_name = r.optional_string(row, r.column("parent_name"));
    lsp.tag = r.optional_integer(row, r.column("tag"));
    lsp.enabled = r.optional_boolean(row, r.column("enabled"));
    lsp.up = r.optional_boolean(row, r.column("up"));
    lsp.options = r.string_map(row, r.column("options"));
    lsp.external_ids = r.string_map(row, r.column("external_ids"));
    return lsp;
}

NbLogicalRouter read_router(const Reader& r, const OvsdbRow& row) {
    NbLogicalRouter lr;
    lr.uuid = row.uuid;
    lr.origin = r.origin(row);
    lr.name = r.string(row, r.column("name"));
    lr.enabled = r.optional_boolean(row, r.column("enabled"));
    lr.port_uuids = r.uuids(row, r.column("ports"));
    lr.load_balancer_uuids = r.uuids(row, r.column("load_balancer"));
    lr.load_balancer_group_uuids = r.uuids(row, r.column("load_balancer_group"));
    lr.options = r.string_map(row, r.column("options"));
    lr.external_ids = r.string_map(row, r.column("external_ids"));
    return lr;
}

NbLogicalRouterPort read_router_port(const Reader& r, const OvsdbRow& row) {
    NbLogicalRouterPort lrp;
    lrp.uuid = row.uuid;
    lrp.origin = r.origin(row);
    lrp.name = r.string(row, r.column("name"));
    lrp.mac = r.string(row, r.column("mac"));
    lrp.networks = r.strings(row, r.column("networks"));
    lrp.peer = r.optional_string(row, r.column("peer"));
    lrp.enabled = r.optional_boolean(row, r.column("enabled"));
    lrp.options = r.string_map(row, r.column("options"));
    lrp.external_ids = r.string_map(row, r.column("external_ids"));
    return lrp;
}

NbLoadBalancer read_load_balancer(const Reader& r, const OvsdbRow& row) {
    NbLoadBalancer lb;
    lb.uuid = row.uuid;
    lb.origin = r.origin(row);
    lb.name = r.string(row, r.column("name"));
    lb.vips = r.string_map(row, r.column("vips"));
    lb.protocol = r.optional_string(row, r.column("protocol"));
    lb.selection_fields = r.strings(row, r.column("selection_fields"));
    lb.options = r.string_map(row, r.column("options"));
    lb.external_ids = r.string_map(row, r.column("external_ids"));
    return lb;
}

NbLoadBalancerGroup read_load_balancer_group(const Reader& r, const OvsdbRow& row) {
    NbLoadBalancerGroup group;
    group.uuid = row.uuid;
    group.origin = r.origin(row);
    group.name = r.string(row, r.column("name"));
    group.load_balancer_uuids = r.uuids(row, r.column("load_balancer"));
    return group;
}

NbGlobal read_global(const Reader& r, const OvsdbRow& row) {
    NbGlobal global;
    global.uuid = row.uuid;
    global.origin = r.origin(row);
    global.name = r.string(row, r.column("name"));
    global.nb_cfg = r.integer(row, r.column("nb_cfg"));
    global.options = r.string_map(row, r.column("options"));
    global.external_ids = r.string_map(row, r.column("external_ids"));
    return global;
}

}  // namespace

void read_nb_rows(const OvsdbDatabase& database, NbModel& model) {
    read_nb_rows([&](std::string_view name) { return database.table(name); }, model);
}

void read_nb_rows(const OvsdbTableLookup& db, NbModel& model) {
    read_table(db, "ACL", model, model.acls, read_acl);
    read_table(db, "Sample", model, model.samples, read_sample);
    read_table(db, "Sample_Collector", model, model.sample_collectors, read_collector);
    read_table(db, "Sampling_App", model, model.sampling_apps, read_sampling_app);
    read_table(db, "Port_Group", model, model.port_groups, read_port_group);
    read_table(db, "Address_Set", model, model.address_sets, read_address_set);
    read_table(db, "Logical_Switch", model, model.logical_switches, read_switch);
    read_table(db, "Logical_Switch_Port", model, model.logical_switch_ports, read_switch_port);
    read_table(db, "Logical_Router", model, model.logical_routers, read_router);
    read_table(db, "Logical_Router_Port", model, model.logical_router_ports, read_router_port);
    read_table(db, "Load_Balancer", model, model.load_balancers, read_load_balancer);
    read_table(db, "Load_Balancer_Group", model, model.load_balancer_groups, read_load_balancer_group);
    std::vector<NbGlobal> globals;
    read_table(db, "NB_Global", model, globals, read_global);
    if (!globals.empty()) model.global = std::move(globals.front());  // the schema allows one row
}

NbAcl nb_acl_from_row(const OvsdbTable& table, const OvsdbRow& row) { return read_acl(Reader(table), row); }

}  // namespace ovnsim
