// OVN-Kubernetes messages: every owner type and quirk of its decoder
// (ovnk-observability.md §A2.4-A2.5), on hand-written rows and on the OVN-Kubernetes style
// ACLs of the ovn-26.03 bigcluster bundle.
#include <doctest/doctest.h>

#include <map>

#include "sim/bundle.hpp"
#include "sim/ovnk_acl_event.hpp"
#include "sim/ovnk_message_decoder.hpp"
#include "test_support.hpp"

using namespace ovnsim;

namespace {

AclAction action_of(const std::string& name) {
    if (name == "allow") return AclAction::allow;
    if (name == "allow-related") return AclAction::allow_related;
    if (name == "allow-stateless") return AclAction::allow_stateless;
    if (name == "drop") return AclAction::drop;
    if (name == "reject") return AclAction::reject;
    if (name == "pass") return AclAction::pass;
    return AclAction::unknown;
}

NbAcl ovnk_acl(const std::string& action, std::string_view owner_type, const std::string& object_name,
               const std::string& direction) {
    NbAcl acl;
    acl.action_name = action;
    acl.action = action_of(action);
    acl.match = "ip4";
    acl.external_ids = {{"k8s.ovn.org/owner-controller", "default-network-controller"},
                        {"k8s.ovn.org/owner-type", std::string(owner_type)},
                        {"k8s.ovn.org/name", object_name}};
    if (!direction.empty()) acl.external_ids["direction"] = direction;
    return acl;
}

std::string message(const NbAcl& acl) {
    const AclMessage m = AclMessageDecoders::standard().message(acl);
    CHECK(m.decoder == "ovn-kubernetes");
    CHECK_FALSE(m.error.has_value());
    return m.text;
}

}  // namespace

TEST_CASE("OVN-Kubernetes messages: the strings of its decoder tests and docs") {
    CHECK(message(ovnk_acl("allow-related", "NetworkPolicy", "bar:foo", "Ingress")) ==
          "Allowed by network policy foo in namespace bar, direction Ingress");
    CHECK(message(ovnk_acl("allow-related", "AdminNetworkPolicy", "foo", "Ingress")) ==
          "Allowed by admin network policy foo, direction Ingress");
    CHECK(message(ovnk_acl("allow", "EgressFirewall", "foo", "")) == "Allowed by egress firewall in namespace foo");
    CHECK(message(ovnk_acl("allow-related", "NetpolNode", "ovn-worker", "")) ==
          "Allowed by default allow from local node policy, direction Ingress");
    CHECK(message(ovnk_acl("allow-related", "NetworkPolicy", "demo:allow-iperf", "Ingress")) ==
          "Allowed by network policy allow-iperf in namespace demo, direction Ingress");
    CHECK(message(ovnk_acl("drop", "NetpolNamespace", "iperf", "Ingress")) ==
          "Dropped by network policies isolation in namespace iperf, direction Ingress");
}

TEST_CASE("OVN-Kubernetes messages: every owner type") {
    CHECK(message(ovnk_acl("drop", "BaselineAdminNetworkPolicy", "default", "Egress")) ==
          "Dropped by baseline admin network policy default, direction Egress");
    CHECK(message(ovnk_acl("allow", "MulticastNS", "ns1", "Egress")) ==
          "Allowed by multicast in namespace ns1, direction Egress");
    CHECK(message(ovnk_acl("drop", "MulticastCluster", "DefaultDeny", "Ingress")) ==
          "Dropped by cluster multicast policy, direction Ingress");
    CHECK(message(ovnk_acl("drop", "UDNIsolation", "DenyPrimaryUDN", "")) ==
          "Dropped by UDN isolation of type DenyPrimaryUDN");
    // Hard-coded directions: the key is ignored.
    CHECK(message(ovnk_acl("allow-related", "NetpolNode", "ovn-worker", "Egress")) ==
          "Allowed by default allow from local node policy, direction Ingress");
    const auto firewall = ovnk::acl_event(ovnk_acl("drop", "EgressFirewall", "prod", "Ingress"));
    REQUIRE(firewall.event.has_value());
    CHECK(firewall.event->direction == "Egress");
    CHECK(firewall.event->ns == "prod");
}

TEST_CASE("OVN-Kubernetes messages: actions") {
    CHECK(message(ovnk_acl("allow", "AdminNetworkPolicy", "p", "Ingress")) ==
          "Allowed by admin network policy p, direction Ingress");
    CHECK(message(ovnk_acl("allow-stateless", "AdminNetworkPolicy", "p", "Ingress")) ==
          "Allowed by admin network policy p, direction Ingress");
    CHECK(message(ovnk_acl("pass", "AdminNetworkPolicy", "p", "Ingress")) ==
          "Delegated to network policy by admin network policy p, direction Ingress");
    // The decoder has no word for reject.
    CHECK(message(ovnk_acl("reject", "NetworkPolicy", "ns:p", "Egress")) ==
          "Action reject by network policy p in namespace ns, direction Egress");
}

TEST_CASE("OVN-Kubernetes messages: quirks") {
    SUBCASE("an owner type without a message prints nothing after \"by\"") {
        const AclMessage m = AclMessageDecoders::standard().message(ovnk_acl("allow", "NetpolDefault", "x", "Ingress"));
        CHECK(m.text == "Allowed by ");
        REQUIRE(m.notes.size() == 1);
        CHECK(m.notes.front().find("NetpolDefault") != std::string::npos);
    }
    SUBCASE("a NetworkPolicy name without namespace is the decoder's error") {
        const AclMessage m = AclMessageDecoders::standard().message(ovnk_acl("allow", "NetworkPolicy", "lonely", "Ingress"));
        CHECK(m.text.empty());
        REQUIRE(m.error.has_value());
        CHECK(*m.error == "expected format namespace:name for Object Name, but found: lonely");
    }
    SUBCASE("an empty namespace drops the \"in namespace\" part") {
        CHECK(message(ovnk_acl("allow", "NetworkPolicy", ":foo", "Ingress")) ==
              "Allowed by network policy foo, direction Ingress");
    }
    SUBCASE("the name is split at the first colon only") {
        CHECK(message(ovnk_acl("allow", "NetworkPolicy", "ns:a:b", "Egress")) ==
              "Allowed by network policy a:b in namespace ns, direction Egress");
    }
    SUBCASE("a missing direction key prints an empty direction") {
        CHECK(message(ovnk_acl("drop", "NetpolNamespace", "ns", "")) ==
              "Dropped by network policies isolation in namespace ns, direction ");
    }
}

TEST_CASE("Message decoders: ownership and the generic form") {
    const AclMessageDecoders decoders = AclMessageDecoders::standard();
    NbAcl plain;
    plain.uuid = *Uuid::parse("878ba823-18e7-4494-9dc2-d1314021e34b");
    plain.action_name = "allow-related";
    plain.action = AclAction::allow_related;
    plain.priority = 2000;
    plain.match = "inport == \"vif1\" && ip4.dst == 10.244.2.6";
    CHECK(decoders.decoder_for(plain).name() == "ovnsim");
    CHECK(decoders.message(plain).text ==
          "Allowed by ACL 878ba823-18e7-4494-9dc2-d1314021e34b (allow-related, from-lport, priority 2000, match: "
          "inport == \"vif1\" && ip4.dst == 10.244.2.6)");
    plain.name = "web";
    plain.tier = 2;
    plain.direction = AclDirection::to_lport;
    plain.action_name = "reject";
    plain.action = AclAction::reject;
    CHECK(decoders.message(plain).text ==
          "Rejected by ACL \"web\" (reject, to-lport, priority 2000, tier 2, match: inport == \"vif1\" && ip4.dst == "
          "10.244.2.6)");
    CHECK(decoders.decoder_for(ovnk_acl("allow", "NetworkPolicy", "a:b", "Ingress")).name() == "ovn-kubernetes");

    const OvnkMessageDecoder ovnk;
    CHECK_FALSE(ovnk.app_id_note(SampleApp::acl_new, 2).has_value());
    CHECK_FALSE(ovnk.app_id_note(SampleApp::acl_est, 3).has_value());
    const auto note = ovnk.app_id_note(SampleApp::acl_new, 42);
    REQUIRE(note.has_value());
    CHECK(note->find("unknown app ID: 42") != std::string::npos);
}

TEST_CASE("OVN-Kubernetes messages of the bigcluster ACLs (NetworkPolicy, NetpolNamespace)") {
    const auto root = test::shared_corpora_or_skip();
    if (!root) return;
    const auto bundle = Bundle::load((*root / "ovn-26.03" / "bigcluster").string());
    const NbModel& nb = bundle->nb();
    REQUIRE(nb.acls.size() == 1800);
    const AclMessageDecoders decoders = AclMessageDecoders::standard();
    std::map<std::string, int> by_owner;
    for (const NbAcl& acl : nb.acls) {
        const AclMessage m = decoders.message(acl);
        CHECK(m.decoder == "ovn-kubernetes");
        CHECK_FALSE(m.error.has_value());
        CHECK(m.notes.empty());
        ++by_owner[acl.external_ids.at("k8s.ovn.org/owner-type")];
    }
    CHECK(by_owner == std::map<std::string, int>{{"NetpolNamespace", 1200}, {"NetworkPolicy", 600}});

    const auto named = [&](std::string_view uuid_prefix) {
        const auto acls = nb.acls_by_uuid_prefix(uuid_prefix);
        REQUIRE(acls.size() == 1);
        return decoders.message(*acls.front()).text;
    };
    CHECK(named("dad70c00-d210") == "Allowed by network policy allow-egress in namespace ns73, direction Egress");
    CHECK(named("91486c01-d230") == "Allowed by network policy allow-ingress in namespace ns300, direction Ingress");
    CHECK(named("6511d801-15d8") == "Dropped by network policies isolation in namespace ns107, direction Egress");
    CHECK(named("094cb002-f033") == "Dropped by network policies isolation in namespace ns87, direction Egress");
}
