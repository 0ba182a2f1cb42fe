#pragma once
// The logical topology a trace walks: which ports each datapath has, their types, tunnel
// keys, chassis and patch peers, and the multicast groups. Built from the best source the
// bundle has, per datapath:
//   sb   SB Port_Binding / Multicast_Group / Datapath_Binding (what ovn-trace reads);
//   nb   NB Logical_Switch(_Port) / Logical_Router(_Port) (router ports peer with the
//        switch ports of type "router" whose options:router-port names them);
//   dump the port names the datapath's own flows compare inport / outport with.
// What the source could not say (tunnel keys from nb/dump, chassis) is assumed and listed
// in assumptions(): keys are numbered in name order, every port is on one chassis.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/logical_flows.hpp"

namespace ovnsim {

class Bundle;

enum class TopologySource : std::uint8_t { sb, nb, dump };
std::string_view to_string(TopologySource source);

struct TopologyPort {
    std::string name;
    std::string type;  // "" (VIF), "patch", "router", "localnet", "l3gateway", "chassisredirect", ...
    const LogicalDatapath* datapath = nullptr;
    std::uint32_t tunnel_key = 0;
    bool tunnel_key_assumed = false;
    std::string chassis;  // the chassis it is bound to; "" when unbound or unknown
    std::string peer_name;
    const TopologyPort* peer = nullptr;
    // chassisredirect ports: the router port they stand for (options:distributed-port).
    std::string distributed_port;
    std::vector<std::string> addresses;      // "MAC [IP...]" (SB mac, NB addresses / LRP mac+networks)
    std::vector<std::string> port_security;  // "MAC [IP...]"
    TopologySource source = TopologySource::sb;

    bool is_patch() const { return peer != nullptr; }
};

struct MulticastGroup {
    std::string name;
    std::uint32_t tunnel_key = 0;
    std::vector<const TopologyPort*> ports;
    bool computed = false;  // not in SB Multicast_Group: derived from the datapath's ports
};

class Topology {
public:
    explicit Topology(const Bundle& bundle);

    const TopologyPort* port(std::string_view name) const;
    std::span<const TopologyPort* const> ports(const LogicalDatapath& datapath) const;
    const TopologyPort* port_by_key(const LogicalDatapath& datapath, std::uint32_t key) const;
    // SB Datapath_Binding tunnel_key; nullopt without SB data.
    std::optional<std::uint32_t> datapath_key(const LogicalDatapath& datapath) const;
    // A logical router: its stages are lr_* (else a switch).
    static bool is_router(const LogicalDatapath& datapath);
    // SB Multicast_Group `name` of the datapath, or the group computed from its ports for
    // _MC_flood, _MC_flood_l2, _MC_mrouter_flood, _MC_static (every port) and _MC_unknown
    // (ports with an "unknown" address); null for any other unknown name.
    const MulticastGroup* multicast_group(const LogicalDatapath& datapath, std::string_view name) const;

    TopologySource source(const LogicalDatapath& datapath) const;
    bool knows_chassis() const { return knows_chassis_; }

private:
    struct DatapathInfo {
        TopologySource source = TopologySource::dump;
        std::optional<std::uint32_t> key;
        std::vector<const TopologyPort*> ports;
        std::vector<std::unique_ptr<MulticastGroup>> groups;
    };
    void from_sb(const Bundle& bundle);
    void from_nb(const Bundle& bundle);
    void from_dump(const Bundle& bundle);
    void link_peers();
    void compute_groups();
    TopologyPort& add_port(TopologyPort port);

    std::vector<std::unique_ptr<TopologyPort>> ports_;
    std::unordered_map<std::string_view, const TopologyPort*> by_name_;
    std::unordered_map<const LogicalDatapath*, DatapathInfo> datapaths_;
    bool knows_chassis_ = false;
};

}  // namespace ovnsim
