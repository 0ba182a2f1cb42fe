#pragma once
// Typed rows of the OVN Southbound tables a simulator needs (ovn-sb.xml; ovn-reference.md
// §1.2). As in nb_rows.hpp, rows keep referenced UUIDs (data) and resolved pointers
// (derived by SbModel::resolve()).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parser/ovsdb_row_reader.hpp"
#include "parser/ovsdb_uuid.hpp"

namespace ovnsim {

struct SbPortBinding;
struct SbChassis;

enum class DatapathKind { logical_switch, logical_router, unknown };

struct SbDatapathBinding {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::int64_t tunnel_key = 0;  // 24 bits: the datapath key in obs_domain_id
    std::string name;             // external_ids:name (the NB switch or router name)
    std::string name2;            // external_ids:name2
    std::string type;             // "logical-switch" / "logical-router" (25.09+), else ""
    DatapathKind kind = DatapathKind::unknown;  // from type, or the external_ids key naming the NB row
    std::optional<Uuid> nb_uuid;  // the NB Logical_Switch / Logical_Router
    OvsdbStringMap external_ids;

    std::vector<const SbPortBinding*> ports;  // Port_Binding rows on this datapath
};

struct SbPortBinding {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string logical_port;
    std::optional<Uuid> datapath_uuid;
    std::int64_t tunnel_key = 0;
    std::string type;  // "" (VIF), "patch", "l3gateway", "localnet", "chassisredirect", ...
    std::vector<std::string> mac;  // "MAC [IP...]" strings, like the NB addresses
    std::vector<std::string> port_security;  // "MAC [IP...]" strings (22.09+; empty before)
    std::optional<Uuid> chassis_uuid;
    std::optional<std::string> parent_port;
    std::optional<std::int64_t> tag;
    std::optional<bool> up;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;

    const SbDatapathBinding* datapath = nullptr;
    const SbChassis* chassis = nullptr;
    const SbPortBinding* peer = nullptr;  // options:peer, for patch and l3gateway ports

    const std::string* peer_name() const { return ovsdb_option(options, "peer"); }
};

struct SbChassis {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::string hostname;
    OvsdbStringMap other_config;
    OvsdbStringMap external_ids;

    // A feature flag ovn-controller reports ("ovn-sample-with-registers", "ct-no-masked-label",
    // ...): other_config, or external_ids where older versions kept them.
    bool has_feature(std::string_view feature) const {
        if (ovsdb_option(other_config, feature) != nullptr) return ovsdb_option_is_true(other_config, feature);
        return ovsdb_option_is_true(external_ids, feature);
    }
    bool sample_with_registers() const { return has_feature("ovn-sample-with-registers"); }
};

struct SbAddressSet {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    std::vector<std::string> addresses;
};

struct SbPortGroup {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;                // "<datapath tunnel_key>_<NB name>" since OVN 22.x
    std::vector<std::string> ports;  // logical port names
};

struct SbLogicalDpGroup {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::vector<Uuid> datapath_uuids;

    std::vector<const SbDatapathBinding*> datapaths;
};

struct SbLogicalFlow {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::optional<Uuid> logical_datapath_uuid;
    std::optional<Uuid> logical_dp_group_uuid;
    std::string pipeline;  // "ingress" / "egress"
    std::int64_t table_id = 0;
    std::int64_t priority = 0;
    std::string match;
    std::string actions;
    std::optional<std::string> controller_meter;
    OvsdbStringMap external_ids;

    const SbDatapathBinding* datapath = nullptr;
    const SbLogicalDpGroup* dp_group = nullptr;

    std::string_view stage_name() const { return external("stage-name"); }
    std::string_view source() const { return external("source"); }
    // external_ids:stage-hint: the first 32 bits of the NB row (ACL, ...) that produced it.
    std::optional<std::uint32_t> stage_hint() const;

private:
    std::string_view external(std::string_view key) const {
        const std::string* value = ovsdb_option(external_ids, key);
        return value ? std::string_view(*value) : std::string_view();
    }
};

struct SbMulticastGroup {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;  // "_MC_flood", "_MC_unknown", ...
    std::optional<Uuid> datapath_uuid;
    std::int64_t tunnel_key = 0;  // 32768..65535
    std::vector<Uuid> port_uuids;

    const SbDatapathBinding* datapath = nullptr;
    std::vector<const SbPortBinding*> ports;
};

struct SbLoadBalancer {
    Uuid uuid;
    OvsdbRowOrigin origin;
    std::string name;
    OvsdbStringMap vips;
    std::optional<std::string> protocol;
    std::vector<Uuid> datapath_uuids;
    std::optional<Uuid> datapath_group_uuid;
    std::optional<Uuid> ls_datapath_group_uuid;
    std::optional<Uuid> lr_datapath_group_uuid;
    OvsdbStringMap options;
    OvsdbStringMap external_ids;
};

}  // namespace ovnsim
