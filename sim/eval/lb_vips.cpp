#include "sim/eval/lb_vips.hpp"

#include "sim/bundle.hpp"
#include "sim/eval/address_literal.hpp"

namespace ovnsim {
namespace {

void add_vips(const OvsdbStringMap& vips, std::vector<LbVip>& out) {
    for (const auto& [key, backends] : vips) {
        const auto vip = parse_address_port(key);
        if (!vip) continue;
        out.push_back({vip->address.kind == AddressLiteral::Kind::ipv6, vip->address.value, vip->port.value_or(0)});
    }
}

}  // namespace

LbVips::LbVips(const Bundle& bundle) {
    if (bundle.has_sb() && bundle.sb_without_logical_flows().has_table("Load_Balancer")) {
        for (const SbLoadBalancer& lb : bundle.sb_without_logical_flows().load_balancers) add_vips(lb.vips, vips_);
    } else if (bundle.has_nb()) {
        for (const NbLoadBalancer& lb : bundle.nb().load_balancers) add_vips(lb.vips, vips_);
    }
}

std::optional<LbVip> LbVips::find(bool ipv6, Bits128 address) const {
    for (const LbVip& v : vips_) {
        if (v.ipv6 == ipv6 && v.address == address) return v;
    }
    return std::nullopt;
}

}  // namespace ovnsim
