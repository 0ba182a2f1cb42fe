// The action language: what each action parses into.
#include "test_match_action_support.hpp"

namespace ovnsim::test {
namespace {

ActionList parse(std::string_view text) { return parse_actions(text, kOrigin); }

TEST_CASE("actions: drop, in every spelling") {
    CHECK(parse("").empty());
    CHECK(parse("/* drop */").empty());
    CHECK(is_drop(parse("/* drop */")));
    const ActionList explicit_drop = parse("drop;");
    REQUIRE(explicit_drop.size() == 1);
    CHECK(std::holds_alternative<DropAction>(explicit_drop.front().node));
    CHECK(is_drop(explicit_drop));
    CHECK_FALSE(is_drop(parse("next;")));
    // A northd debug-drop flow samples, then drops.
    const ActionList sampled = parse("sample(probability=65535,collector_set=1,obs_domain=2,obs_point=$cookie); /* drop */");
    REQUIRE(sampled.size() == 1);
    CHECK(std::holds_alternative<SampleAction>(sampled.front().node));
}

TEST_CASE("actions: next in its three forms") {
    const auto plain = single_action<NextAction>("next;");
    CHECK_FALSE(plain.pipeline);
    CHECK_FALSE(plain.table);
    CHECK(single_action<NextAction>("next(12);").table == 12u);
    const auto jump = single_action<NextAction>("next(pipeline=ingress,table=32);");
    CHECK(jump.pipeline == NextAction::Pipeline::Ingress);
    CHECK(jump.table == 32u);
    const auto spaced = single_action<NextAction>("next( table = 5 , pipeline = egress );");
    CHECK(spaced.pipeline == NextAction::Pipeline::Egress);
    CHECK(spaced.table == 5u);
}

TEST_CASE("actions: assignments, moves, exchanges") {
    const auto load = single_action<LoadAction>("reg8[16] = 1;");
    CHECK(load.destination.name == "reg8");
    CHECK(load.destination.low == 16);
    CHECK(load.value.value() == Bits128(1));

    const auto masked = single_action<LoadAction>("ct_label = 0x1/0x1;");
    CHECK(masked.value.masked());
    const auto port = single_action<LoadAction>(R"(outport = "c29d41";)");
    CHECK(port.value.string().value() == "c29d41");
    CHECK(single_action<LoadAction>("eth.dst = ff:ff:ff:ff:ff:ff;").value.format() == IntegerFormat::Ethernet);
    CHECK(single_action<LoadAction>("reg1 = 10.0.0.1;").value.format() == IntegerFormat::Ipv4);
    CHECK(single_action<LoadAction>("xxreg0 = fe80::1;").value.format() == IntegerFormat::Ipv6);
    CHECK(single_action<LoadAction>("reg0 = ^t;").value.kind() == Constant::Kind::Template);

    const auto move = single_action<MoveAction>("ct_mark.obs_collector_id = reg8[8..15];");
    CHECK(move.destination.name == "ct_mark.obs_collector_id");
    CHECK(move.source.name == "reg8");
    CHECK(move.source.high == 15);

    const auto exchange = single_action<ExchangeAction>("outport <-> inport;");
    CHECK(exchange.left.name == "outport");
    CHECK(exchange.right.name == "inport");
}

TEST_CASE("actions: function calls keep their raw arguments") {
    const auto port_sec = single_action<FunctionCallAction>("reg0[15] = check_in_port_sec();");
    CHECK(port_sec.result.low == 15);
    CHECK(port_sec.function == "check_in_port_sec");
    CHECK(port_sec.arguments.text.empty());

    const auto lookup = single_action<FunctionCallAction>("reg9[2] = lookup_arp(inport, arp.spa, arp.sha);");
    CHECK(lookup.function == "lookup_arp");
    CHECK(lookup.arguments.text == "inport, arp.spa, arp.sha");

    const auto dhcp = single_action<FunctionCallAction>(
        R"(reg0[3] = put_dhcp_opts(offerip = 10.0.0.2, router = 10.0.0.1, dns_server = {8.8.8.8, 7.7.7.7}, domain_name = "o(v)n.org");)");
    CHECK(dhcp.arguments.text ==
          R"(offerip = 10.0.0.2, router = 10.0.0.1, dns_server = {8.8.8.8, 7.7.7.7}, domain_name = "o(v)n.org")");
    CHECK(single_action<FunctionCallAction>("reg1[0..15] = select(1=50, 2=50);").function == "select");
}

TEST_CASE("actions: conntrack") {
    CHECK(single_action<CtNextAction>("ct_next;").zone == CtZone::Default);
    CHECK(single_action<CtNextAction>("ct_next(snat);").zone == CtZone::Snat);
    CHECK(single_action<CtClearAction>("ct_clear;").loc.column == 20);

    const auto bare = single_action<CtCommitAction>("ct_commit;");
    CHECK(bare.form == CtCommitAction::Form::Bare);
    const auto block = single_action<CtCommitAction>(
        "ct_commit { ct_mark.blocked = 0; ct_mark.obs_stage = reg8[19..20]; ct_label.obs_point_id = reg9; };");
    CHECK(block.form == CtCommitAction::Form::Block);
    REQUIRE(block.body.size() == 3);
    CHECK(std::get<MoveAction>(block.body[2].node).destination.name == "ct_label.obs_point_id");
    const auto old = single_action<CtCommitAction>("ct_commit(ct_mark=0x1/0x1, ct_label=0x2);");
    CHECK(old.form == CtCommitAction::Form::Arguments);
    CHECK(old.ct_mark->mask() == Bits128(1));
    CHECK(old.ct_label->value() == Bits128(2));

    const auto nat = single_action<CtCommitNatAction>("ct_commit_nat;");
    CHECK_FALSE(nat.to_zone);
    const auto to_zone = single_action<CtCommitNatAction>("ct_commit_to_zone(dnat);");
    CHECK(to_zone.to_zone);
    CHECK(to_zone.zone == CtZone::Dnat);

    CHECK_FALSE(single_action<CtNatAction>("ct_snat;").address);
    const auto dnat = single_action<CtNatAction>("ct_dnat(10.0.0.5, 1000-2000);");
    CHECK(dnat.kind == CtNatAction::Kind::Dnat);
    CHECK(dnat.address->value() == Bits128(0x0a000005));
    CHECK(dnat.port_low == 1000);
    CHECK(dnat.port_high == 2000);
    const auto czone = single_action<CtNatAction>("ct_snat_in_czone(fd00::1,80);");
    CHECK(czone.kind == CtNatAction::Kind::SnatInCzone);
    CHECK(czone.port_low == 80);
    CHECK_FALSE(czone.port_high);
}

TEST_CASE("actions: load balancing") {
    const auto bare = single_action<CtLbAction>("ct_lb_mark;");
    CHECK_FALSE(bare.has_arguments);
    const auto lb = single_action<CtLbAction>(
        R"(ct_lb_mark(backends=10.244.9.9:8080,[fd00::1]:80,fd00::2,"lsp1":10.0.0.3; hash_fields="ip_src,ip_dst"; skip_snat);)");
    CHECK(lb.kind == CtLbAction::Kind::CtLbMark);
    REQUIRE(lb.backends.size() == 4);
    CHECK(lb.backends[0].address.value() == Bits128(0x0af40909));
    CHECK(lb.backends[0].port->value() == Bits128(8080));
    CHECK(lb.backends[1].bracketed);
    CHECK(lb.backends[1].port->value() == Bits128(80));
    CHECK_FALSE(lb.backends[2].port);
    CHECK(lb.backends[3].logical_port->value() == "lsp1");
    CHECK(lb.hash_fields->value() == "ip_src,ip_dst");
    CHECK(lb.flag == CtLbAction::Flag::SkipSnat);

    // Older OVN releases wrote no `backends=`.
    const auto old = single_action<CtLbAction>("ct_lb(10.0.0.1:80, 10.0.0.2:80);");
    CHECK(old.kind == CtLbAction::Kind::CtLb);
    CHECK(old.backends.size() == 2);
    CHECK(single_action<CtLbAction>("ct_lb_mark(backends=10.0.0.1; force_snat);").flag == CtLbAction::Flag::ForceSnat);
    CHECK(single_action<CtLbAction>("ct_lb_mark(backends=^lb_backends);").backends.front().address.kind() ==
          Constant::Kind::Template);
}

TEST_CASE("actions: sample with numeric, cookie and field observation points") {
    const auto numeric = single_action<SampleAction>(
        "sample(probability=65535,collector_set=100,obs_domain=42,obs_point=4301);");
    CHECK(numeric.probability == 65535);
    CHECK(numeric.collector_set == 100u);
    CHECK(numeric.obs_domain == 42);
    CHECK(numeric.obs_point->kind == SampleAction::ObsPoint::Kind::Number);
    CHECK(numeric.obs_point->number == 4301u);

    const auto field = single_action<SampleAction>(
        "sample(obs_point=ct_label.obs_point_id, obs_domain=43, probability=32768, collector_set=4294967295);");
    CHECK(field.obs_point->kind == SampleAction::ObsPoint::Kind::Field);
    CHECK(field.obs_point->field.name == "ct_label.obs_point_id");
    CHECK(field.collector_set == 4294967295u);

    const auto cookie = single_action<SampleAction>("sample(probability=1,obs_point=$cookie);");
    CHECK(cookie.obs_point->kind == SampleAction::ObsPoint::Kind::Cookie);
    CHECK_FALSE(cookie.obs_domain);

    // northd writes probability=0 for such a collector; ovn-controller then refuses the flow.
    CHECK(single_action<SampleAction>("sample(probability=0,collector_set=1,obs_domain=1,obs_point=reg3);").probability == 0);
}

TEST_CASE("actions: log") {
    const auto log = single_action<LogAction>(R"(log(name="NP:ns:policy", severity=alert, verdict=drop, meter="acl-logging");)");
    CHECK(log.name->value() == "NP:ns:policy");
    CHECK(log.severity == "alert");
    CHECK(log.verdict == "drop");
    CHECK(log.meter->value() == "acl-logging");
    const auto minimal = single_action<LogAction>("log(verdict=allow);");
    CHECK_FALSE(minimal.name);
    CHECK_FALSE(minimal.severity);
}

TEST_CASE("actions: nested blocks") {
    const std::pair<const char*, NestedAction::Kind> kinds[] = {
        {"clone", NestedAction::Kind::Clone},          {"arp", NestedAction::Kind::Arp},
        {"nd_ns", NestedAction::Kind::NdNs},           {"nd_na", NestedAction::Kind::NdNa},
        {"nd_na_router", NestedAction::Kind::NdNaRouter}, {"icmp4", NestedAction::Kind::Icmp4},
        {"icmp4_error", NestedAction::Kind::Icmp4Error}, {"icmp6", NestedAction::Kind::Icmp6},
        {"icmp6_error", NestedAction::Kind::Icmp6Error}, {"tcp_reset", NestedAction::Kind::TcpReset},
        {"sctp_abort", NestedAction::Kind::SctpAbort},  {"reject", NestedAction::Kind::Reject},
    };
    for (const auto& [name, kind] : kinds) {
        CAPTURE(name);
        const auto nested = single_action<NestedAction>(std::string(name) + " { eth.dst <-> eth.src; output; };");
        CHECK(nested.kind == kind);
        CHECK(nested.body.size() == 2);
        CHECK(nested_action_name(kind) == name);
    }
    const auto reject = single_action<NestedAction>(
        "reject { /* eth.dst <-> eth.src; ip.dst <-> ip.src; is implicit. */ outport <-> inport; "
        "next(pipeline=egress,table=5); };");
    REQUIRE(reject.body.size() == 2);
    CHECK(std::get<NextAction>(reject.body[1].node).pipeline == NextAction::Pipeline::Egress);
    CHECK(single_action<NestedAction>("clone { };").body.empty());
    CHECK(is_drop(single_action<NestedAction>("clone { drop; };").body));
    const auto deep = single_action<NestedAction>("clone { clone { ct_commit { ct_mark.blocked = 1; }; }; };");
    CHECK(std::holds_alternative<NestedAction>(deep.body.front().node));
}

TEST_CASE("actions: the rest of OVN's actions") {
    CHECK(std::holds_alternative<OutputAction>(parse("output;").front().node));
    CHECK(std::holds_alternative<DecrementTtlAction>(parse("ip.ttl--;").front().node));
    const auto push = single_action<StackAction>("push(reg0[0..15]);");
    CHECK(push.push);
    CHECK(push.field.high == 15);
    CHECK_FALSE(single_action<StackAction>("pop(reg0);").push);

    const auto svc = single_action<ControllerAction>("handle_svc_check(inport);");
    CHECK(svc.name == "handle_svc_check");
    CHECK(svc.arguments->text == "inport");
    CHECK_FALSE(single_action<ControllerAction>("mac_cache_use;").arguments);
    const char* controller[] = {
        "get_arp(outport, reg0);", "put_arp(inport, arp.spa, arp.sha);", "get_nd(outport, xxreg0);",
        "put_nd(inport, nd.target, nd.tll);", "set_queue(10);", "igmp;", "ct_snat_to_vip;", "flood_remote;",
        "trigger_event(event = \"empty_lb_backends\", vip = \"10.0.0.1:80\", protocol = \"tcp\", "
        "load_balancer = \"12345678-abcd-1234-abcd-123456789012\");",
        "bind_vport(\"vip\", inport);", "fwd_group(liveness=\"true\", childports=\"a\", \"b\");",
        "handle_dhcpv6_reply;", "handle_bfd_msg();", "put_fdb(inport, eth.src);",
        "commit_ecmp_nh(ipv6 = false, proto = tcp);",
        "commit_lb_aff(vip = \"10.0.0.1:80\", backend = \"10.0.0.2:80\", proto = tcp, timeout = 30);",
        "set_meter(100, 10);", "mirror(\"lsp\");",
    };
    for (const char* text : controller) {
        CAPTURE(text);
        const ActionList list = parse(text);
        REQUIRE(list.size() == 1);
        CHECK(std::holds_alternative<ControllerAction>(list.front().node));
        CHECK(count_generic_actions(list) == 0);
    }
}

TEST_CASE("actions: unknown well-formed actions are kept as generic actions") {
    const ActionList list = parse("frobnicate; next; foo(1, \"x)\", {2}); bar { next; baz; }; reg0[1] = quux(a, b);");
    CHECK(count_generic_actions(list) == 5);
    CHECK(generic_action_names(list) == std::vector<std::string_view>{"frobnicate", "foo", "bar", "baz", "quux"});
    const auto& foo = std::get<GenericAction>(list[2].node);
    CHECK(foo.arguments->text == "1, \"x)\", {2}");
    CHECK_FALSE(foo.body);
    const auto& bar = std::get<GenericAction>(list[3].node);
    CHECK_FALSE(bar.arguments);
    CHECK(bar.body->size() == 2);
    const auto& quux = std::get<GenericAction>(list[4].node);
    CHECK(quux.result->name == "reg0");
    CHECK(quux.arguments->text == "a, b");
    CHECK(count_generic_actions(parse("clone { ct_commit { x; }; };")) == 1);
}

TEST_CASE("actions: equality ignores locations; nodes know theirs") {
    CHECK(parse("reg0[1]=1;next;") == parse_actions("  reg0[1] = 1;   next ; ", {"x", {1, 1}}));
    CHECK_FALSE(parse("next;") == parse("next(1);"));
    const ActionList list = parse("reg8[16] = 1;\n  ct_commit { ct_mark.blocked = 0; };");
    CHECK(list[0].loc() == SourceLoc{7, 20});
    CHECK(list[1].loc() == SourceLoc{8, 3});
    const auto& commit = std::get<CtCommitAction>(list[1].node);
    CHECK(commit.body[0].loc() == SourceLoc{8, 15});
}

}  // namespace
}  // namespace ovnsim::test
