#include <algorithm>
#include <charconv>

#include "sim/bundle.hpp"
#include "sim/eval/field_access.hpp"
#include "sim/eval/generated_packet.hpp"
#include "sim/eval/packet_run.hpp"
#include "sim/eval/port_security.hpp"

namespace ovnsim {
namespace {

template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

bool is_ip(const Packet& p) {
    const auto t = p.get(Storage::eth_type).low();
    return t == 0x0800 || t == 0x86dd;
}

// Sets a port slot and its key (the port's or multicast group's tunnel key, 0 if unknown).
void set_port(Packet& packet, Storage slot, std::string_view name, const Topology& topology,
              const LogicalDatapath& datapath) {
    packet.set_port(slot, name);
    std::uint32_t key = 0;
    if (const TopologyPort* p = topology.port(name)) key = p->tunnel_key;
    else if (const MulticastGroup* g = topology.multicast_group(datapath, name)) key = g->tunnel_key;
    packet.set(slot == Storage::inport ? Storage::inport_key : Storage::outport_key, key);
}

// The first member id of `select(id[=weight], ...)` / `select(values=...)`.
std::optional<std::uint64_t> first_select_member(std::string_view args) {
    const std::size_t eq = args.find("values=");
    if (eq != std::string_view::npos) args.remove_prefix(eq + 7);
    while (!args.empty() && (args.front() == ' ' || args.front() == '(')) args.remove_prefix(1);
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(args.data(), args.data() + args.size(), v);
    if (ec != std::errc() || end == args.data()) return std::nullopt;
    return v;
}

}  // namespace

PacketRun::Outcome PacketRun::run_actions(const ActionList& actions, Packet& packet, Frame& frame,
                                          const LogicalStage& stage, std::size_t hop, unsigned depth) {
    Outcome outcome;
    const SymbolTable& symbols = engine_.symbols();
    const std::string_view file = bundle_.dump().path();
    const DumpFlow* flow = result_.hops.empty() ? nullptr : result_.hops[hop].flow;
    std::vector<Bits128> stack;
    const auto field = [&](const FieldRef& ref) { return resolve_field(ref, symbols, file); };

    for (const Action& action : actions) {
        observer_.action(ActionEvent{&action, flow, hop, depth});
        std::visit(
            Overloaded{
                [&](const NextAction& a) {
                    next_action(a, packet, frame, stage, depth);
                    outcome.continued = true;
                },
                [&](const OutputAction&) {
                    output_action(packet, frame, depth);
                    outcome.continued = true;
                },
                [&](const DropAction&) {},
                [&](const LoadAction& a) {
                    const FieldTarget t = field(a.destination);
                    if (t.port) {
                        if (a.value.is_string())
                            set_port(packet, t.bits.storage, a.value.string().value(), topology_, *frame.datapath);
                        return;
                    }
                    if (!a.value.is_integer()) {
                        not_modelled("load", "template_value_not_expanded", depth);
                        return;
                    }
                    write_field(packet, t, loaded_value(read_field(packet, t), a.value));
                },
                [&](const MoveAction& a) {
                    const FieldTarget dst = field(a.destination);
                    const FieldTarget src = field(a.source);
                    if (dst.port || src.port) {
                        if (dst.port && src.port) {
                            const std::string value = packet.port(src.bits.storage);
                            set_port(packet, dst.bits.storage, value, topology_, *frame.datapath);
                        }
                        return;
                    }
                    write_field(packet, dst, read_field(packet, src));
                },
                [&](const ExchangeAction& a) {
                    const FieldTarget l = field(a.left);
                    const FieldTarget r = field(a.right);
                    if (l.port && r.port) {
                        const std::string left = packet.port(l.bits.storage);
                        const std::string right = packet.port(r.bits.storage);
                        set_port(packet, l.bits.storage, right, topology_, *frame.datapath);
                        set_port(packet, r.bits.storage, left, topology_, *frame.datapath);
                    } else if (!l.port && !r.port) {
                        const Bits128 left = read_field(packet, l);
                        write_field(packet, l, read_field(packet, r));
                        write_field(packet, r, left);
                    }
                },
                [&](const FunctionCallAction& a) { function_call(a, packet, depth); },
                [&](const DecrementTtlAction&) {
                    const Bits128 ttl = packet.get(Storage::ip_ttl);
                    if (is_ip(packet) && !ttl.is_zero()) packet.set(Storage::ip_ttl, ttl.low() - 1);
                    else note("ttl_not_decremented", std::string(stage.name), depth);
                },
                [&](const StackAction& a) {
                    const FieldTarget t = field(a.field);
                    if (a.push) {
                        stack.push_back(read_field(packet, t));
                    } else if (!stack.empty()) {
                        write_field(packet, t, stack.back());
                        stack.pop_back();
                    }
                },
                [&](const CtNextAction& a) {
                    ct_lookup_action("ct_next", zone_for(frame, a.zone), false, packet, frame, stage, depth);
                    outcome.continued = true;
                },
                [&](const CtCommitAction& a) { ct_commit_action(a, packet, frame, stage, hop, depth); },
                [&](const CtCommitNatAction& a) {
                    ct_lookup_action(a.to_zone ? "ct_commit_to_zone" : "ct_commit_nat",
                                     zone_for(frame, a.zone, true), !a.to_zone, packet, frame, stage, depth, nullptr,
                                     nullptr, true);
                    outcome.continued = true;
                },
                [&](const CtNatAction& a) {
                    const bool dnat = a.kind == CtNatAction::Kind::Dnat || a.kind == CtNatAction::Kind::DnatInCzone;
                    const bool common = a.kind == CtNatAction::Kind::DnatInCzone ||
                                        a.kind == CtNatAction::Kind::SnatInCzone;
                    const CtZone which = common ? CtZone::Snat : dnat ? CtZone::Dnat : CtZone::Snat;
                    static constexpr std::string_view names[] = {"ct_dnat", "ct_snat", "ct_dnat_in_czone",
                                                                 "ct_snat_in_czone"};
                    ct_lookup_action(names[static_cast<int>(a.kind)], zone_for(frame, which), true, packet, frame,
                                     stage, depth, nullptr, &a);
                    outcome.continued = true;
                },
                [&](const CtLbAction& a) {
                    const std::string_view name = a.kind == CtLbAction::Kind::CtLb       ? "ct_lb"
                                                  : a.kind == CtLbAction::Kind::CtLbMark ? "ct_lb_mark"
                                                                                         : "ct_lb_mark_local";
                    ct_lookup_action(name, zone_for(frame, CtZone::Dnat), true, packet, frame, stage, depth, &a);
                    outcome.continued = true;
                },
                [&](const CtClearAction&) {
                    packet.clear_conntrack();
                    frame.pending = {};
                },
                [&](const SampleAction& a) { sample_action(a, packet, frame, stage, hop, depth); },
                [&](const LogAction& a) { log_action(a, packet, frame, depth); },
                [&](const NestedAction& a) { nested_action(a, packet, frame, stage, hop, depth, outcome); },
                [&](const ControllerAction& a) {
                    if (a.name == "get_arp" || a.name == "get_nd") {
                        // The MAC binding's address, or all zeros without one (as ovn-trace).
                        packet.set(Storage::eth_dst, 0);
                        not_modelled(a.name, "no_mac_binding_table_eth_dst_zero", depth);
                    } else {
                        not_modelled(a.name, "no_effect_on_packet", depth);
                    }
                },
                [&](const GenericAction& a) { not_modelled(a.name, "unknown_action", depth); },
            },
            action.node);
    }
    return outcome;
}

void PacketRun::next_action(const NextAction& next, Packet& packet, Frame& frame, const LogicalStage& stage,
                            unsigned depth) {
    const Pipeline target = !next.pipeline ? frame.pipeline
                            : *next.pipeline == NextAction::Pipeline::Ingress ? Pipeline::Ingress
                                                                              : Pipeline::Egress;
    const LogicalPipeline& stages = frame.datapath->pipeline(target);
    if (target != frame.pipeline) {
        const LogicalStage* first = stages.stage_at_table(static_cast<std::uint16_t>(next.table.value_or(0)));
        run_pipeline(*frame.datapath, target, PipelineEntry::jump, packet, frame.chassis, first, depth + 1,
                     frame.generated);
        return;
    }
    const LogicalStage* to = next.table ? stages.stage_at_table(static_cast<std::uint16_t>(*next.table))
                                        : stages.next_stage(stage);
    run_stage(to, packet, frame, depth);
}

void PacketRun::function_call(const FunctionCallAction& call, Packet& packet, unsigned depth) {
    const FieldTarget result = resolve_field(call.result, engine_.symbols(), bundle_.dump().path());
    const std::string_view fn = call.function;
    const auto put = [&](Bits128 v) {
        if (!result.port) {
            write_field(packet, result, v);
        } else if (v.is_zero()) {
            packet.set_port(result.bits.storage, "");  // port key 0: no port, as get_fdb's miss leaves it
        }
    };
    const auto port_security = [&](const std::string& name) -> std::span<const std::string> {
        const TopologyPort* p = topology_.port(name);
        return p ? std::span<const std::string>(p->port_security) : std::span<const std::string>();
    };
    if (fn == "check_in_port_sec") {
        put(violates_in_port_security(packet, port_security(packet.inport())) ? 1 : 0);
    } else if (fn == "check_out_port_sec") {
        put(violates_out_port_security(packet, port_security(packet.outport())) ? 1 : 0);
    } else if (fn == "ct_state_save") {
        const Bits128 state = packet.get(Storage::ct_state);
        put((state.low() & ct_state::trk) != 0 ? state : Bits128());
    } else if (fn == "ct_proto") {
        put(packet.get(Storage::ct_proto));
    } else if (fn == "ct_tp_dst") {
        put(packet.get(Storage::ct_tp_dst));
    } else if (fn == "ct_nw_dst") {
        put(packet.get(Storage::ct_nw_dst));
    } else if (fn == "ct_ip6_dst") {
        put(packet.get(Storage::ct_ip6_dst));
    } else if (fn == "chk_lb_hairpin" || fn == "chk_lb_hairpin_reply") {
        // A load-balanced packet sent back to its own source (ovn-trace's execute_chk_lb_hairpin):
        // its original destination is a VIP, it was DNATed, and the VIP's port matches.
        const bool v6 = packet.get(Storage::eth_type).low() == 0x86dd;
        const auto vip = engine_.lb_vips().find(v6, packet.get(v6 ? Storage::ct_ip6_dst : Storage::ct_nw_dst));
        bool hairpin = false;
        if (vip && is_ip(packet) && (packet.get(Storage::ct_state).low() & ct_state::dnat) != 0) {
            hairpin = v6 ? packet.get(Storage::ip6_src) == packet.get(Storage::ip6_dst)
                         : packet.get(Storage::ip4_src) == packet.get(Storage::ip4_dst);
            const Storage port = fn == "chk_lb_hairpin" ? Storage::ct_tp_dst
                                 : packet.get(Storage::ip_proto) == Bits128(17) ? Storage::udp_dst
                                 : packet.get(Storage::ip_proto) == Bits128(132) ? Storage::sctp_dst
                                                                                 : Storage::tcp_dst;
            hairpin = hairpin && packet.get(port) == Bits128(vip->port);
        }
        put(hairpin ? 1 : 0);
    } else if (fn == "lookup_arp" || fn == "lookup_nd" || fn == "lookup_arp_ip" || fn == "lookup_nd_ip") {
        put(0);
        not_modelled(fn, "no_mac_binding_table_lookup_fails", depth);
    } else if (fn == "get_fdb" || fn == "lookup_fdb" || fn == "get_remote_fdb") {
        put(0);
        not_modelled(fn, "no_fdb_table_lookup_fails", depth);
    } else if (fn == "put_dhcp_opts" || fn == "put_dhcpv6_opts" || fn == "put_nd_ra_opts" ||
               fn == "dhcp_relay_req_chk" || fn == "dhcp_relay_resp_chk") {
        put(1);
        not_modelled(fn, "assumed_success", depth);
    } else if (fn == "select") {
        if (const auto id = first_select_member(call.arguments.text)) put(*id);
        not_modelled(fn, "first_member_chosen", depth);
    } else {
        put(0);
        not_modelled(fn, "result_0", depth);
    }
}

void PacketRun::sample_action(const SampleAction& sample, const Packet& packet, const Frame& frame,
                              const LogicalStage& stage, std::size_t hop, unsigned depth) {
    SampleFired s;
    const TraceHop& h = result_.hops[hop];
    s.hop = hop;
    s.datapath = h.datapath;
    s.datapath_key = topology_.datapath_key(*frame.datapath);
    s.pipeline = frame.pipeline;
    s.stage = stage.name;
    s.table = stage.table;
    s.priority = h.priority;
    s.flow = h.flow;
    s.flow_uuid = h.flow_uuid;
    s.probability = sample.probability.value_or(0);
    s.collector_set = sample.collector_set.value_or(0);
    s.obs_domain = sample.obs_domain.value_or(0);
    if (s.datapath_key) s.obs_domain_id = (std::uint32_t{s.obs_domain} << 24) | (*s.datapath_key & 0xffffff);
    if (sample.obs_point) {
        switch (sample.obs_point->kind) {
            case SampleAction::ObsPoint::Kind::Number:
                s.point_source = SampleFired::PointSource::number;
                s.obs_point_id = sample.obs_point->number;
                break;
            case SampleAction::ObsPoint::Kind::Field: {
                s.point_source = SampleFired::PointSource::field;
                s.point_field = sample.obs_point->field.name;
                const FieldTarget t = resolve_field(sample.obs_point->field, engine_.symbols(), bundle_.dump().path());
                s.obs_point_id = static_cast<std::uint32_t>(read_field(packet, t).low());
                break;
            }
            case SampleAction::ObsPoint::Kind::Cookie:
                s.point_source = SampleFired::PointSource::cookie;
                s.obs_point_id = h.flow_uuid;
                s.cookie_from_logical_flow = h.flow != nullptr && !h.flow->has_uuid;
                break;
        }
    }
    result_.samples.push_back(s);
    observer_.sample(SampleEvent{&result_.samples.back(), depth});
}

void PacketRun::log_action(const LogAction& log, const Packet& packet, const Frame& frame, unsigned depth) {
    std::string name, meter;
    LogEvent e;
    if (log.name) {
        name = log.name->value();
        e.name = name;
    }
    if (log.meter) {
        meter = log.meter->value();
        e.meter = meter;
    }
    e.severity = log.severity.value_or("info");
    e.verdict = log.verdict;
    e.pipeline = frame.pipeline;
    e.packet = &packet;
    e.depth = depth;
    observer_.log(e);
}

void PacketRun::nested_action(const NestedAction& nested, const Packet& packet, Frame& frame,
                              const LogicalStage& stage, std::size_t hop, unsigned depth, Outcome& outcome) {
    if (nested.kind == NestedAction::Kind::Clone) {
        Packet copy = packet;
        observer_.branch_start(BranchEvent{BranchKind::clone, "clone", &copy, depth});
        run_actions(nested.body, copy, frame, stage, hop, depth + 1);
        observer_.branch_end(BranchEvent{BranchKind::clone, "clone", &copy, depth});
        outcome.continued = true;
        return;
    }
    outcome.generated = true;
    std::optional<GeneratedPacket> generated = generated_packet(nested.kind, packet);
    if (!generated) {
        note("reject_of_reject_suppressed", nested_action_name(nested.kind), depth);
        return;
    }
    GeneratedPacket& g = *generated;
    // The controller injects a new, untracked packet; ovn-trace keeps the original's state.
    if (options_.handoff == PipelineHandoff::datapath) g.packet.clear_conntrack();
    observer_.branch_start(BranchEvent{BranchKind::generated_packet, g.name, &g.packet, depth});
    if (options_.trace_generated) {
        Frame inner = frame;
        inner.generated = true;
        inner.pending = {};
        run_actions(nested.body, g.packet, inner, stage, hop, depth + 1);
    } else {
        note("generated_packet_not_traced", std::string(g.name), depth);
    }
    observer_.branch_end(BranchEvent{BranchKind::generated_packet, g.name, &g.packet, depth});
}

void PacketRun::not_modelled(std::string_view action, std::string_view assumption, unsigned depth) {
    const std::string entry = std::string(action) + ": " + std::string(assumption);
    if (std::find(result_.not_modelled.begin(), result_.not_modelled.end(), entry) == result_.not_modelled.end())
        result_.not_modelled.push_back(entry);
    observer_.not_modelled(NotModelledEvent{action, assumption, depth});
}

}  // namespace ovnsim
