#include "sim/packet.hpp"

namespace ovnsim {

void Packet::clear_logical_registers() noexcept {
    set(Storage::xxreg0, 0);
    set(Storage::xxreg1, 0);
    set(Storage::xreg4, 0);
}

void Packet::clear_flags() noexcept { set(Storage::flags, 0); }

void Packet::clear_conntrack() noexcept {
    for (Storage s : {Storage::ct_state, Storage::ct_mark, Storage::ct_label, Storage::ct_proto,
                      Storage::ct_nw_src, Storage::ct_nw_dst, Storage::ct_ip6_src,
                      Storage::ct_ip6_dst, Storage::ct_tp_src, Storage::ct_tp_dst})
        set(s, 0);
}

void Packet::enter_egress_remote_chassis() noexcept {
    clear_logical_registers();
    clear_flags();
    clear_conntrack();
}

void Packet::enter_peer_datapath() noexcept {
    clear_logical_registers();
    clear_flags();
    clear_conntrack();
    set(Storage::outport_key, 0);
    outport_.clear();
    ct_zone = dnat_zone = snat_zone = 0;
}

}  // namespace ovnsim
