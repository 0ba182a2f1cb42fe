// Conntrack actions: lookups that recirculate into the next table (ct_next, ct_lb*,
// ct_dnat/ct_snat, ct_commit_nat, ct_commit_to_zone) and ct_commit.
#include "sim/bundle.hpp"
#include "sim/eval/address_literal.hpp"
#include "sim/eval/field_access.hpp"
#include "sim/eval/packet_run.hpp"

namespace ovnsim {
namespace {

constexpr unsigned kMarkNatted = 1, kMarkSkipSnat = 2, kMarkForceSnat = 3;  // ct_mark bits (ct_label for ct_lb)

void load_tuple_fields(Packet& p, const CtTuple& t) {
    p.set(Storage::ct_proto, t.protocol);
    if (t.ipv6) {
        p.set(Storage::ct_ip6_src, t.src);
        p.set(Storage::ct_ip6_dst, t.dst);
    } else {
        p.set(Storage::ct_nw_src, t.src);
        p.set(Storage::ct_nw_dst, t.dst);
    }
    p.set(Storage::ct_tp_src, t.src_port);
    p.set(Storage::ct_tp_dst, t.dst_port);
}

// The backend `lb` sends a new connection to: --lb-dst when it names one (or, for a
// ct_lb without backends, always), else the first backend of the packet's family.
std::optional<AddressPort> choose_backend(const CtLbAction& lb, const CtTuple& tuple,
                                          const std::optional<std::string>& lb_dst, bool& from_option) {
    const auto wanted = lb_dst ? parse_address_port(*lb_dst) : std::nullopt;
    from_option = false;
    if (lb.backends.empty()) {
        from_option = wanted.has_value();
        return wanted;
    }
    std::optional<AddressPort> first;
    for (const LbBackend& b : lb.backends) {
        if (!b.address.is_integer()) continue;
        const bool v6 = b.address.format() == IntegerFormat::Ipv6;
        if (v6 != tuple.ipv6) continue;
        AddressPort candidate;
        candidate.address.kind = v6 ? AddressLiteral::Kind::ipv6 : AddressLiteral::Kind::ipv4;
        candidate.address.value = b.address.value();
        if (b.port && b.port->is_integer()) candidate.port = static_cast<std::uint16_t>(b.port->value().low());
        if (wanted && wanted->address.value == candidate.address.value &&
            (!wanted->port || wanted->port == candidate.port)) {
            from_option = true;
            return candidate;
        }
        if (!first) first = candidate;
    }
    return first;
}

}  // namespace

const ConntrackZone& PacketRun::zone_for(const Frame& frame, CtZone which, bool committing) const {
    if (!frame.router) return *frame.zone;
    switch (which) {
        case CtZone::Dnat: return *frame.dnat_zone;
        case CtZone::Snat: return *frame.snat_zone;
        case CtZone::Default: return committing ? *frame.snat_zone : *frame.dnat_zone;
    }
    return *frame.zone;
}

std::uint8_t PacketRun::next_forced_state(unsigned depth, bool& defaulted) {
    const auto& forced = *options_.forced_ct;
    if (forced_used_ < forced.size()) return forced[forced_used_++];
    defaulted = true;
    note("ct_state_default", "est|trk", depth);
    return ct_state::est | ct_state::trk;
}

CtCommitter PacketRun::committer(const Frame& frame, const LogicalStage& stage, std::size_t hop) const {
    CtCommitter c;
    std::optional<std::size_t> acl = frame.acl;
    if (!acl && !result_.acls.empty()) acl = 0;
    if (acl) {
        c.acl_uuid = result_.acls[*acl].uuid;
        c.acl_name = result_.acls[*acl].name.value_or("");
    }
    c.datapath = std::string(frame.datapath->name.empty() ? frame.datapath->uuid : frame.datapath->name);
    c.stage = std::string(stage.name);
    if (hop < result_.hops.size() && result_.hops[hop].flow) c.flow_line = result_.hops[hop].flow->line;
    return c;
}

void PacketRun::ct_lookup_action(std::string_view name, const ConntrackZone& zone, bool nat, Packet& packet,
                                 Frame& frame, const LogicalStage& stage, unsigned depth, const CtLbAction* lb,
                                 const CtNatAction* nat_action, bool commit) {
    Packet recirc = packet;
    CtLookupEvent event;
    event.action = name;
    event.zone = &zone;
    event.depth = depth;
    const auto tuple = packet_tuple(packet);
    if (tuple) event.tuple = *tuple;
    std::uint8_t state = static_cast<std::uint8_t>(packet.get(Storage::ct_state).low());
    const std::size_t hop = result_.hops.size() - 1;

    if (options_.forced_ct) {
        // ovn-trace: one --ct state per action; ct(nat) and ct_commit_* only when untracked.
        bool defaulted = false;
        if (lb != nullptr) {
            if (tuple) {
                bool chosen_by_option = false;
                if (const auto backend = choose_backend(*lb, *tuple, options_.lb_dst, chosen_by_option)) {
                    // ovn-trace keeps the original destination in ct_nw_dst / ct_tp_dst.
                    recirc.set(tuple->ipv6 ? Storage::ct_ip6_dst : Storage::ct_nw_dst, tuple->dst);
                    recirc.set(Storage::ct_tp_dst, tuple->dst_port);
                    set_packet_destination(recirc, *tuple, backend->address.value, backend->port);
                    state |= ct_state::dnat;
                    event.nat_applied = CtNat{CtNat::Kind::dnat, backend->address.value, backend->port};
                }
                state |= next_forced_state(depth, defaulted);
            }
        } else if (nat_action != nullptr || commit) {
            if (nat_action != nullptr && nat_action->address && nat_action->address->is_integer() && tuple) {
                const bool dnat = nat_action->kind == CtNatAction::Kind::Dnat ||
                                  nat_action->kind == CtNatAction::Kind::DnatInCzone;
                const Bits128 address = nat_action->address->value();
                if (dnat) set_packet_destination(recirc, *tuple, address, nat_action->port_low);
                else set_packet_source(recirc, *tuple, address, nat_action->port_low);
                state |= dnat ? ct_state::dnat : ct_state::snat;
                event.nat_applied = CtNat{dnat ? CtNat::Kind::dnat : CtNat::Kind::snat, address, nat_action->port_low};
            }
            if ((state & ct_state::trk) == 0) state |= next_forced_state(depth, defaulted);
        } else {
            state = next_forced_state(depth, defaulted);
        }
        event.source = defaulted ? CtSource::forced_default : CtSource::forced;
    } else if (!tuple) {
        state = ct_state::trk | ct_state::inv;
    } else {
        Conntrack::Lookup found = conntrack_.lookup(zone, *tuple, packet);
        state = found.state;
        CtEntry* entry = found.entry;
        event.found = entry != nullptr;
        event.reply_direction = found.reply;
        if (entry != nullptr && !found.related && nat && entry->nat) {
            // Established NAT: translate original packets, untranslate replies.
            const CtNat& n = *entry->nat;
            if (!found.reply) {
                if (n.kind == CtNat::Kind::dnat) set_packet_destination(recirc, *tuple, n.address, n.port);
                else set_packet_source(recirc, *tuple, n.address, n.port);
                state |= n.kind == CtNat::Kind::dnat ? ct_state::dnat : ct_state::snat;
                event.nat_applied = n;
            } else if (n.kind == CtNat::Kind::dnat) {
                set_packet_source(recirc, *tuple, entry->original.dst, entry->original.dst_port);
                state |= ct_state::snat;
                event.nat_applied = CtNat{CtNat::Kind::snat, entry->original.dst, entry->original.dst_port};
            } else {
                set_packet_destination(recirc, *tuple, entry->original.src, entry->original.src_port);
                state |= ct_state::dnat;
                event.nat_applied = CtNat{CtNat::Kind::dnat, entry->original.src, entry->original.src_port};
            }
        }
        std::optional<CtNat> new_nat;
        if (entry == nullptr && (state & ct_state::new_) != 0) {
            if (lb != nullptr) {
                bool chosen_by_option = false;
                if (const auto backend = choose_backend(*lb, *tuple, options_.lb_dst, chosen_by_option)) {
                    new_nat = CtNat{CtNat::Kind::dnat, backend->address.value, backend->port};
                    if (!chosen_by_option && lb->backends.size() > 1) note("lb_first_backend", std::string(name), depth);
                }
            } else if (nat_action != nullptr && nat_action->address && nat_action->address->is_integer()) {
                const bool dnat = nat_action->kind == CtNatAction::Kind::Dnat ||
                                  nat_action->kind == CtNatAction::Kind::DnatInCzone;
                new_nat = CtNat{dnat ? CtNat::Kind::dnat : CtNat::Kind::snat, nat_action->address->value(),
                                nat_action->port_low};
            }
        }
        if (new_nat || (commit && entry == nullptr && !found.related && (state & ct_state::inv) == 0)) {
            bool created = false;
            entry = &conntrack_.commit(zone, *tuple, new_nat, &created);
            if (lb != nullptr && new_nat) {
                const unsigned bit = lb->kind == CtLbAction::Kind::CtLb ? 1 : kMarkNatted;
                if (lb->kind == CtLbAction::Kind::CtLb) entry->label.set_bit(bit, true);
                else entry->mark |= 1u << bit;
                if (lb->flag == CtLbAction::Flag::SkipSnat) entry->mark |= 1u << kMarkSkipSnat;
                if (lb->flag == CtLbAction::Flag::ForceSnat) entry->mark |= 1u << kMarkForceSnat;
            }
            if (!entry->committed_by) entry->committed_by = committer(frame, stage, hop);
            if (new_nat) {
                if (new_nat->kind == CtNat::Kind::dnat) set_packet_destination(recirc, *tuple, new_nat->address, new_nat->port);
                else set_packet_source(recirc, *tuple, new_nat->address, new_nat->port);
                state |= new_nat->kind == CtNat::Kind::dnat ? ct_state::dnat : ct_state::snat;
                event.nat_applied = new_nat;
            }
            event.committed = true;
            observer_.ct_commit(CtCommitEvent{&zone, Conntrack::snapshot(*entry, engine_.symbols()), created, depth});
        }
        recirc.set(Storage::ct_mark, entry ? entry->mark : 0);
        recirc.set(Storage::ct_label, entry ? entry->label : Bits128());
        load_tuple_fields(recirc, entry ? entry->original : *tuple);
        const CtTuple key = entry ? entry->original : *tuple;
        Frame::Pending* slot = &frame.pending[0];
        for (Frame::Pending& p : frame.pending) {
            if (p.zone == &zone || p.zone == nullptr) {
                slot = &p;
                break;
            }
        }
        *slot = Frame::Pending{&zone, key};
        if (entry) event.entry = Conntrack::snapshot(*entry, engine_.symbols());
    }
    recirc.set(Storage::ct_state, state);
    event.state = state;
    event.packet = &recirc;
    observer_.ct_lookup(event);

    observer_.branch_start(BranchEvent{BranchKind::recirculation, name, &recirc, depth});
    run_stage(frame.datapath->pipeline(frame.pipeline).next_stage(stage), recirc, frame, depth + 1);
    observer_.branch_end(BranchEvent{BranchKind::recirculation, name, &recirc, depth});
}

void PacketRun::ct_commit_action(const CtCommitAction& commit, const Packet& packet, Frame& frame,
                                 const LogicalStage& stage, std::size_t hop, unsigned depth) {
    const ConntrackZone& zone = zone_for(frame, CtZone::Default, true);
    std::optional<CtTuple> tuple;
    for (const Frame::Pending& p : frame.pending) {
        if (p.zone == &zone) tuple = p.tuple;
    }
    if (!tuple) tuple = packet_tuple(packet);
    if (!tuple) {
        not_modelled("ct_commit", "not_ip", depth);
        return;
    }
    bool created = false;
    CtEntry& entry = conntrack_.commit(zone, *tuple, std::nullopt, &created);

    // Run the assignments on a scratch packet whose ct_mark / ct_label are the entry's.
    Packet scratch = packet;
    scratch.set(Storage::ct_mark, entry.mark);
    scratch.set(Storage::ct_label, entry.label);
    const SymbolTable& symbols = engine_.symbols();
    const std::string_view file = bundle_.dump().path();
    for (const Action& a : commit.body) {
        if (const auto* load = std::get_if<LoadAction>(&a.node)) {
            const FieldTarget t = resolve_field(load->destination, symbols, file);
            if (t.port || !load->value.is_integer()) continue;
            write_field(scratch, t, loaded_value(read_field(scratch, t), load->value));
        } else if (const auto* move = std::get_if<MoveAction>(&a.node)) {
            const FieldTarget dst = resolve_field(move->destination, symbols, file);
            const FieldTarget src = resolve_field(move->source, symbols, file);
            if (!dst.port && !src.port) write_field(scratch, dst, read_field(scratch, src));
        } else {
            not_modelled("ct_commit", "unsupported_action_in_block", depth);
        }
    }
    if (commit.ct_mark) scratch.set(Storage::ct_mark, loaded_value(scratch.get(Storage::ct_mark), *commit.ct_mark));
    if (commit.ct_label) scratch.set(Storage::ct_label, loaded_value(scratch.get(Storage::ct_label), *commit.ct_label));

    entry.mark = static_cast<std::uint32_t>(scratch.get(Storage::ct_mark).low());
    entry.label = scratch.get(Storage::ct_label);
    CtCommitter by = committer(frame, stage, hop);
    if (!entry.committed_by || (!by.acl_uuid.empty() && entry.committed_by->acl_uuid.empty()))
        entry.committed_by = std::move(by);
    observer_.ct_commit(CtCommitEvent{&zone, Conntrack::snapshot(entry, symbols), created, depth});
}

}  // namespace ovnsim
