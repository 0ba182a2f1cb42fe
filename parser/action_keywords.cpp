#include "parser/action_keywords.hpp"

#include <algorithm>
#include <array>

#include "parser/action_ast.hpp"

namespace ovnsim::action_keywords {
namespace {

constexpr std::uint8_t kind(NestedAction::Kind k) { return static_cast<std::uint8_t>(k); }
constexpr std::uint8_t kind(CtNatAction::Kind k) { return static_cast<std::uint8_t>(k); }
constexpr std::uint8_t kind(CtLbAction::Kind k) { return static_cast<std::uint8_t>(k); }

// Sorted by name.
constexpr KeywordInfo kKeywords[] = {
    {"arp", Keyword::Nested, kind(NestedAction::Kind::Arp)},
    {"bind_vport", Keyword::Controller, 0},
    {"clone", Keyword::Nested, kind(NestedAction::Kind::Clone)},
    {"commit_ecmp_nh", Keyword::Controller, 0},
    {"commit_lb_aff", Keyword::Controller, 0},
    {"ct_clear", Keyword::CtClear, 0},
    {"ct_commit", Keyword::CtCommit, 0},
    {"ct_commit_nat", Keyword::CtCommitNat, 0},
    {"ct_commit_to_zone", Keyword::CtCommitToZone, 0},
    {"ct_dnat", Keyword::CtNat, kind(CtNatAction::Kind::Dnat)},
    {"ct_dnat_in_czone", Keyword::CtNat, kind(CtNatAction::Kind::DnatInCzone)},
    {"ct_lb", Keyword::CtLb, kind(CtLbAction::Kind::CtLb)},
    {"ct_lb_mark", Keyword::CtLb, kind(CtLbAction::Kind::CtLbMark)},
    {"ct_lb_mark_local", Keyword::CtLb, kind(CtLbAction::Kind::CtLbMarkLocal)},
    {"ct_next", Keyword::CtNext, 0},
    {"ct_snat", Keyword::CtNat, kind(CtNatAction::Kind::Snat)},
    {"ct_snat_in_czone", Keyword::CtNat, kind(CtNatAction::Kind::SnatInCzone)},
    {"ct_snat_to_vip", Keyword::Controller, 0},
    {"drop", Keyword::Drop, 0},
    {"flood_remote", Keyword::Controller, 0},
    {"fwd_group", Keyword::Controller, 0},
    {"get_arp", Keyword::Controller, 0},
    {"get_nd", Keyword::Controller, 0},
    {"handle_bfd_msg", Keyword::Controller, 0},
    {"handle_dhcpv6_reply", Keyword::Controller, 0},
    {"handle_svc_check", Keyword::Controller, 0},
    {"icmp4", Keyword::Nested, kind(NestedAction::Kind::Icmp4)},
    {"icmp4_error", Keyword::Nested, kind(NestedAction::Kind::Icmp4Error)},
    {"icmp6", Keyword::Nested, kind(NestedAction::Kind::Icmp6)},
    {"icmp6_error", Keyword::Nested, kind(NestedAction::Kind::Icmp6Error)},
    {"igmp", Keyword::Controller, 0},
    {"ip.ttl", Keyword::DecrementTtl, 0},
    {"log", Keyword::Log, 0},
    {"mac_cache_use", Keyword::Controller, 0},
    {"mirror", Keyword::Controller, 0},
    {"nd_na", Keyword::Nested, kind(NestedAction::Kind::NdNa)},
    {"nd_na_router", Keyword::Nested, kind(NestedAction::Kind::NdNaRouter)},
    {"nd_ns", Keyword::Nested, kind(NestedAction::Kind::NdNs)},
    {"next", Keyword::Next, 0},
    {"output", Keyword::Output, 0},
    {"pop", Keyword::Pop, 0},
    {"push", Keyword::Push, 0},
    {"put_arp", Keyword::Controller, 0},
    {"put_fdb", Keyword::Controller, 0},
    {"put_nd", Keyword::Controller, 0},
    {"reject", Keyword::Nested, kind(NestedAction::Kind::Reject)},
    {"sample", Keyword::Sample, 0},
    {"sctp_abort", Keyword::Nested, kind(NestedAction::Kind::SctpAbort)},
    {"set_meter", Keyword::Controller, 0},
    {"set_queue", Keyword::Controller, 0},
    {"tcp_reset", Keyword::Nested, kind(NestedAction::Kind::TcpReset)},
    {"trigger_event", Keyword::Controller, 0},
};

// Sorted.
constexpr std::string_view kFunctions[] = {
    "check_in_port_sec", "check_out_port_sec", "check_pkt_larger", "chk_ecmp_nh", "chk_ecmp_nh_mac",
    "chk_lb_aff", "chk_lb_hairpin", "chk_lb_hairpin_reply", "ct_ip6_dst", "ct_nw_dst", "ct_proto",
    "ct_state_save", "ct_tp_dst", "dhcp_relay_req_chk", "dhcp_relay_resp_chk", "dns_lookup", "get_fdb",
    "get_remote_fdb", "lookup_arp", "lookup_arp_ip", "lookup_fdb", "lookup_nd", "lookup_nd_ip",
    "put_dhcp_opts", "put_dhcpv6_opts", "put_nd_ra_opts", "select",
};

static_assert(std::is_sorted(std::begin(kKeywords), std::end(kKeywords),
                             [](const KeywordInfo& a, const KeywordInfo& b) { return a.name < b.name; }));
static_assert(std::is_sorted(std::begin(kFunctions), std::end(kFunctions)));

}  // namespace

const KeywordInfo* find_keyword(std::string_view name) {
    const auto it = std::lower_bound(std::begin(kKeywords), std::end(kKeywords), name,
                                     [](const KeywordInfo& k, std::string_view n) { return k.name < n; });
    return it != std::end(kKeywords) && it->name == name ? &*it : nullptr;
}

bool is_function(std::string_view name) {
    return std::binary_search(std::begin(kFunctions), std::end(kFunctions), name);
}

}  // namespace ovnsim::action_keywords
