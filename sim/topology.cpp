#include "sim/topology.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "sim/bundle.hpp"

namespace ovnsim {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Groups every port of a datapath belongs to when SB does not list them.
bool floods_every_port(std::string_view group) {
    return group == "_MC_flood" || group == "_MC_flood_l2" || group == "_MC_static" || group == "_MC_mrouter_flood";
}

bool has_unknown_address(const TopologyPort& port) {
    return std::any_of(port.addresses.begin(), port.addresses.end(),
                       [](const std::string& a) { return a == "unknown"; });
}

// The port names a datapath's flows compare inport/outport with, or assign to outport:
// `inport == "p"`, `outport == "p"`, `outport = "p"`. Strings with escapes are skipped.
void collect_quoted_ports(std::string_view text, std::set<std::string, std::less<>>& names) {
    for (std::string_view key : {std::string_view("inport"), std::string_view("outport")}) {
        std::size_t at = 0;
        while ((at = text.find(key, at)) != std::string_view::npos) {
            std::size_t i = at + key.size();
            at = i;
            if (at > key.size() && text[at - key.size() - 1] == '_') continue;  // __inport
            while (i < text.size() && text[i] == ' ') ++i;
            if (i + 1 < text.size() && text[i] == '=' && text[i + 1] == '=') {
                i += 2;
            } else if (i < text.size() && text[i] == '=') {
                i += 1;
            } else {
                continue;
            }
            while (i < text.size() && text[i] == ' ') ++i;
            if (i >= text.size() || text[i] != '"') continue;
            const std::size_t end = text.find('"', i + 1);
            if (end == std::string_view::npos) break;
            const std::string_view name = text.substr(i + 1, end - i - 1);
            if (!name.empty() && name.find('\\') == std::string_view::npos) names.emplace(name);
        }
    }
}

}  // namespace

std::string_view to_string(TopologySource source) {
    switch (source) {
        case TopologySource::sb: return "sb";
        case TopologySource::nb: return "nb";
        case TopologySource::dump: return "dump";
    }
    return "unknown";
}

bool Topology::is_router(const LogicalDatapath& datapath) {
    for (const LogicalPipeline* p : {&datapath.ingress, &datapath.egress}) {
        for (const LogicalStage& s : p->stages()) {
            if (starts_with(s.name, "lr_")) return true;
            if (starts_with(s.name, "ls_")) return false;
        }
    }
    return false;
}

Topology::Topology(const Bundle& bundle) {
    for (const LogicalDatapath& dp : bundle.flows().datapaths()) datapaths_[&dp];
    if (bundle.has_sb()) from_sb(bundle);
    const bool complete = std::all_of(datapaths_.begin(), datapaths_.end(),
                                      [](const auto& entry) { return !entry.second.ports.empty(); });
    if (!complete && bundle.has_nb()) from_nb(bundle);
    from_dump(bundle);
    link_peers();
    compute_groups();
}

TopologyPort& Topology::add_port(TopologyPort port) {
    ports_.push_back(std::make_unique<TopologyPort>(std::move(port)));
    TopologyPort& p = *ports_.back();
    by_name_.emplace(p.name, &p);
    datapaths_[p.datapath].ports.push_back(&p);
    return p;
}

void Topology::from_sb(const Bundle& bundle) {
    const SbModel& sb = bundle.sb_without_logical_flows();
    std::unordered_map<std::string, const LogicalDatapath*> by_uuid;
    for (const LogicalDatapath& dp : bundle.flows().datapaths()) by_uuid.emplace(std::string(dp.uuid), &dp);
    const auto dump_datapath = [&](const SbDatapathBinding* sdp) -> const LogicalDatapath* {
        if (sdp == nullptr) return nullptr;
        const auto it = by_uuid.find(sdp->uuid.to_string());
        return it == by_uuid.end() ? nullptr : it->second;
    };
    for (const SbDatapathBinding& sdp : sb.datapaths) {
        if (const LogicalDatapath* dp = dump_datapath(&sdp)) {
            datapaths_[dp].key = static_cast<std::uint32_t>(sdp.tunnel_key);
        }
    }
    if (!sb.has_table("Port_Binding")) return;
    knows_chassis_ = true;
    for (const SbPortBinding& pb : sb.port_bindings) {
        const LogicalDatapath* dp = dump_datapath(pb.datapath);
        if (dp == nullptr || by_name_.contains(pb.logical_port)) continue;
        TopologyPort port;
        port.name = pb.logical_port;
        port.type = pb.type;
        port.datapath = dp;
        port.tunnel_key = static_cast<std::uint32_t>(pb.tunnel_key);
        if (pb.chassis) port.chassis = pb.chassis->name;
        if (const std::string* peer = pb.peer_name()) port.peer_name = *peer;
        if (const std::string* d = ovsdb_option(pb.options, "distributed-port")) port.distributed_port = *d;
        port.addresses = pb.mac;
        port.port_security = pb.port_security;
        port.source = TopologySource::sb;
        add_port(std::move(port));
        datapaths_[dp].source = TopologySource::sb;
    }
    if (!sb.has_table("Multicast_Group")) return;
    for (const SbMulticastGroup& mg : sb.multicast_groups) {
        const LogicalDatapath* dp = dump_datapath(mg.datapath);
        if (dp == nullptr) continue;
        auto group = std::make_unique<MulticastGroup>();
        group->name = mg.name;
        group->tunnel_key = static_cast<std::uint32_t>(mg.tunnel_key);
        for (const SbPortBinding* pb : mg.ports) {
            if (pb == nullptr) continue;
            if (const TopologyPort* p = port(pb->logical_port)) group->ports.push_back(p);
        }
        datapaths_[dp].groups.push_back(std::move(group));
    }
}

void Topology::from_nb(const Bundle& bundle) {
    const NbModel& nb = bundle.nb();
    for (const LogicalDatapath& dp : bundle.flows().datapaths()) {
        DatapathInfo& info = datapaths_[&dp];
        if (!info.ports.empty()) continue;
        std::vector<TopologyPort> found;
        if (const NbLogicalSwitch* ls = nb.logical_switch(dp.name)) {
            for (const NbLogicalSwitchPort* lsp : ls->ports) {
                TopologyPort port;
                port.name = lsp->name;
                // SB calls both sides of a switch-router link "patch".
                port.type = lsp->type == "router" ? "patch" : lsp->type;
                if (const std::string* rp = lsp->router_port_name()) port.peer_name = *rp;
                port.addresses = lsp->addresses;
                port.port_security = lsp->port_security;
                found.push_back(std::move(port));
            }
        } else if (const NbLogicalRouter* lr = nb.logical_router(dp.name)) {
            for (const NbLogicalRouterPort* lrp : lr->ports) {
                TopologyPort port;
                port.name = lrp->name;
                port.type = "patch";
                if (lrp->switch_port) port.peer_name = lrp->switch_port->name;
                else if (lrp->peer) port.peer_name = *lrp->peer;
                std::string address = lrp->mac;
                for (const std::string& network : lrp->networks) {
                    address += ' ';
                    address += network.substr(0, network.find('/'));
                }
                port.addresses.push_back(std::move(address));
                found.push_back(std::move(port));
            }
        }
        if (found.empty()) continue;
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
        std::uint32_t key = 0;
        for (TopologyPort& port : found) {
            if (by_name_.contains(port.name)) continue;
            port.datapath = &dp;
            port.tunnel_key = ++key;
            port.tunnel_key_assumed = true;
            port.source = TopologySource::nb;
            add_port(std::move(port));
        }
        info.source = TopologySource::nb;
    }
}

void Topology::from_dump(const Bundle& bundle) {
    const LflowDump& dump = bundle.dump();
    std::map<std::uint32_t, std::set<std::string, std::less<>>> names;
    for (const LogicalDatapath& dp : bundle.flows().datapaths()) {
        if (datapaths_[&dp].ports.empty()) names[dp.index];
    }
    if (names.empty()) return;
    for (const DumpFlow& flow : dump.flows) {
        const auto it = names.find(flow.datapath);
        if (it == names.end()) continue;
        collect_quoted_ports(flow.match, it->second);
        collect_quoted_ports(flow.actions, it->second);
    }
    const auto datapaths = bundle.flows().datapaths();
    for (auto& [index, set] : names) {
        const LogicalDatapath& dp = datapaths[index];
        std::uint32_t key = 0;
        for (const std::string& name : set) {
            if (starts_with(name, "_MC_") || by_name_.contains(name)) continue;
            TopologyPort port;
            port.name = name;
            port.datapath = &dp;
            port.tunnel_key = ++key;
            port.tunnel_key_assumed = true;
            port.source = TopologySource::dump;
            add_port(std::move(port));
        }
        datapaths_[&dp].source = TopologySource::dump;
    }
}

void Topology::link_peers() {
    for (auto& port : ports_) {
        if (port->peer_name.empty()) continue;
        const auto it = by_name_.find(port->peer_name);
        if (it != by_name_.end() && it->second->datapath != port->datapath) port->peer = it->second;
    }
}

void Topology::compute_groups() {
    for (auto& [dp, info] : datapaths_) {
        // Copies go out in port-name order, as ovn-trace sends them.
        for (auto& g : info.groups) {
            std::sort(g->ports.begin(), g->ports.end(),
                      [](const TopologyPort* a, const TopologyPort* b) { return a->name < b->name; });
        }
        std::uint32_t key = 32768;
        for (std::string_view name : {"_MC_flood", "_MC_unknown", "_MC_flood_l2", "_MC_mrouter_flood", "_MC_static"}) {
            ++key;
            const bool present = std::any_of(info.groups.begin(), info.groups.end(),
                                             [&](const auto& g) { return g->name == name; });
            if (present) continue;
            auto group = std::make_unique<MulticastGroup>();
            group->name = std::string(name);
            group->tunnel_key = key;
            group->computed = true;
            for (const TopologyPort* p : info.ports) {
                if (floods_every_port(name) || has_unknown_address(*p)) group->ports.push_back(p);
            }
            std::sort(group->ports.begin(), group->ports.end(),
                      [](const TopologyPort* a, const TopologyPort* b) { return a->name < b->name; });
            info.groups.push_back(std::move(group));
        }
    }
}

const TopologyPort* Topology::port(std::string_view name) const {
    const auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
}

std::span<const TopologyPort* const> Topology::ports(const LogicalDatapath& datapath) const {
    const auto it = datapaths_.find(&datapath);
    if (it == datapaths_.end()) return {};
    return it->second.ports;
}

const TopologyPort* Topology::port_by_key(const LogicalDatapath& datapath, std::uint32_t key) const {
    for (const TopologyPort* p : ports(datapath)) {
        if (p->tunnel_key == key) return p;
    }
    return nullptr;
}

std::optional<std::uint32_t> Topology::datapath_key(const LogicalDatapath& datapath) const {
    const auto it = datapaths_.find(&datapath);
    return it == datapaths_.end() ? std::nullopt : it->second.key;
}

const MulticastGroup* Topology::multicast_group(const LogicalDatapath& datapath, std::string_view name) const {
    const auto it = datapaths_.find(&datapath);
    if (it == datapaths_.end()) return nullptr;
    for (const auto& g : it->second.groups) {
        if (g->name == name) return g.get();
    }
    return nullptr;
}

TopologySource Topology::source(const LogicalDatapath& datapath) const {
    const auto it = datapaths_.find(&datapath);
    return it == datapaths_.end() ? TopologySource::dump : it->second.source;
}

}  // namespace ovnsim
