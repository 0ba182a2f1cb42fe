#pragma once
// The load balancer VIPs of a bundle (SB Load_Balancer, else NB Load_Balancer), for
// chk_lb_hairpin / chk_lb_hairpin_reply, which ask whether a packet's original destination
// (ct_nw_dst / ct_ip6_dst) is a VIP and with which port.
#include <cstdint>
#include <optional>
#include <vector>

#include "parser/bits128.hpp"

namespace ovnsim {

class Bundle;

struct LbVip {
    bool ipv6 = false;
    Bits128 address;
    std::uint16_t port = 0;  // 0 when the VIP has none
};

class LbVips {
public:
    explicit LbVips(const Bundle& bundle);
    // The first VIP with this address, as ovn-trace's get_lb_vip_data finds it.
    std::optional<LbVip> find(bool ipv6, Bits128 address) const;

private:
    std::vector<LbVip> vips_;
};

}  // namespace ovnsim
