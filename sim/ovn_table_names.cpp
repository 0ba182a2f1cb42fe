#include "sim/ovn_table_names.hpp"

#include <algorithm>
#include <array>

namespace ovnsim {
namespace {

constexpr std::array<std::string_view, 39> kNbTables = {
    "ACL", "Address_Set", "BFD", "Chassis_Template_Var", "Connection", "Copp", "DHCP_Options",
    "DHCP_Relay", "DNS", "Forwarding_Group", "Gateway_Chassis", "HA_Chassis", "HA_Chassis_Group",
    "Load_Balancer", "Load_Balancer_Group", "Load_Balancer_Health_Check", "Logical_Router",
    "Logical_Router_Policy", "Logical_Router_Port", "Logical_Router_Static_Route",
    "Logical_Switch", "Logical_Switch_Port", "Logical_Switch_Port_Health_Check", "Meter",
    "Meter_Band", "Mirror", "Mirror_Rule", "NAT", "NB_Global", "Network_Function",
    "Network_Function_Group", "Network_Function_Health_Check", "Port_Group", "QoS", "SSL",
    "Sample", "Sample_Collector", "Sampling_App", "Static_MAC_Binding",
};

constexpr std::array<std::string_view, 38> kSbTables = {
    "Address_Set", "Advertised_MAC_Binding", "Advertised_Route", "BFD", "Chassis",
    "Chassis_Private", "Chassis_Template_Var", "Connection", "Controller_Event", "DHCP_Options",
    "DHCPv6_Options", "DNS", "Datapath_Binding", "ECMP_Nexthop", "Encap", "FDB", "Gateway_Chassis",
    "HA_Chassis", "HA_Chassis_Group", "IGMP_Group", "IP_Multicast", "Learned_Route",
    "Load_Balancer", "Logical_DP_Group", "Logical_Flow", "MAC_Binding", "Meter", "Meter_Band",
    "Mirror", "Multicast_Group", "Port_Binding", "Port_Group", "RBAC_Permission", "RBAC_Role",
    "SB_Global", "SSL", "Service_Monitor", "Static_MAC_Binding",
};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

bool is_ovn_nb_table(std::string_view name) { return contains(kNbTables, name); }
bool is_ovn_sb_table(std::string_view name) { return contains(kSbTables, name); }

}  // namespace ovnsim
