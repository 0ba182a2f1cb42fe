#include "sim/report/trace_text_facts.hpp"

#include <cstdio>

#include "parser/source_location.hpp"
#include "sim/field_format.hpp"
#include "sim/field_selector.hpp"

namespace ovnsim {
namespace {

constexpr std::uint8_t kIcmp = 1, kTcp = 6, kUdp = 17, kIcmpv6 = 58, kSctp = 132;

std::string protocol_name(const CtTuple& t) {
    switch (t.protocol) {
    case kTcp: return t.ipv6 ? "tcp6" : "tcp";
    case kUdp: return t.ipv6 ? "udp6" : "udp";
    case kSctp: return t.ipv6 ? "sctp6" : "sctp";
    case kIcmp: return "icmp";
    case kIcmpv6: return "icmp6";
    default: return std::string(t.ipv6 ? "ipv6" : "ip") + " proto " + std::to_string(t.protocol);
    }
}

bool has_ports(std::uint8_t protocol) { return protocol == kTcp || protocol == kUdp || protocol == kSctp; }

std::string endpoint(const CtTuple& t, Bits128 address, std::uint16_t port) {
    const std::string ip = t.ipv6 ? format_ipv6(address) : format_ipv4(address);
    if (!has_ports(t.protocol)) return ip;
    return (t.ipv6 ? "[" + ip + "]" : ip) + ":" + std::to_string(port);
}

std::string hex32(std::uint32_t v) { return Bits128(v).to_hex(); }

std::string named_values(const std::vector<CtNamedValue>& named, std::string_view prefix) {
    std::string out;
    for (const CtNamedValue& n : named) {
        if (n.name.rfind(prefix, 0) != 0) continue;
        out += out.empty() ? "" : ", ";
        out += std::string(n.name) + "=" + n.value.to_decimal();
    }
    return out;
}

std::string nat_text(const CtNat& nat, bool ipv6) {
    std::string out = nat.kind == CtNat::Kind::dnat ? "dnat to " : "snat to ";
    const std::string ip = ipv6 ? format_ipv6(nat.address) : format_ipv4(nat.address);
    if (!nat.port) return out + ip;
    return out + (ipv6 ? "[" + ip + "]" : ip) + ":" + std::to_string(*nat.port);
}

std::string percent(std::uint16_t probability) {
    if (probability == 65535) return "100%";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f%%", probability * 100.0 / 65535.0);
    return buf;
}

}  // namespace

std::string format_ct_tuple(const CtTuple& t) {
    std::string out = protocol_name(t) + " " + endpoint(t, t.src, t.src_port) + " > " + endpoint(t, t.dst, t.dst_port);
    if (t.protocol == kIcmp || t.protocol == kIcmpv6)
        out += " type " + std::to_string(t.src_port) + " code " + std::to_string(t.dst_port);
    return out;
}

std::string format_zone(const ConntrackZone& zone) {
    return "zone " + std::to_string(zone.number) + " (" + zone.name + ")";
}

std::string format_ct_entry(const CtEntrySnapshot& e, bool brief) {
    std::string out = format_ct_tuple(e.original);
    out += e.established ? ", established" : ", new (no reply seen)";
    if (e.mark != 0) {
        out += ", mark " + hex32(e.mark);
        if (auto named = named_values(e.named, "ct_mark."); !named.empty()) out += " (" + named + ")";
    }
    if (!e.label.is_zero()) {
        out += ", label " + e.label.to_hex();
        if (auto named = named_values(e.named, "ct_label."); !named.empty()) out += " (" + named + ")";
    }
    if (e.nat) out += ", " + nat_text(*e.nat, e.original.ipv6) + ", reply " + format_ct_tuple(e.reply);
    if (!brief && e.committed_by) {
        const CtCommitter& c = *e.committed_by;
        out += ", committed in " + c.datapath + " " + c.stage;
        if (!c.acl_uuid.empty())
            out += " under ACL " + c.acl_uuid.substr(0, 8) + (c.acl_name.empty() ? "" : " \"" + c.acl_name + "\"");
    }
    return out;
}

std::string format_ct_entry_compact(const CtEntrySnapshot& e) {
    const CtTuple& t = e.original;
    std::string out = protocol_name(t) + " " + endpoint(t, t.src, t.src_port) + ">" + endpoint(t, t.dst, t.dst_port);
    out += e.established ? " est" : " new";
    for (const CtNamedValue& n : e.named) {
        const auto dot = n.name.find('.');
        out += " " + std::string(dot == std::string_view::npos ? n.name : n.name.substr(dot + 1)) + "=" + n.value.to_decimal();
    }
    if (e.nat) out += " " + nat_text(*e.nat, t.ipv6);
    return out;
}

std::string format_ct_lookup(const CtLookupEvent& e) {
    const std::string state = "ct_state=" + ct_state_text(e.state);
    const std::string zone = e.zone ? format_zone(*e.zone) : std::string("no zone");
    std::string out;
    switch (e.source) {
    case CtSource::forced: out = zone + ": " + state + " (forced by --ct)"; break;
    case CtSource::forced_default: out = zone + ": " + state + " (--ct list exhausted: ovn-trace's default)"; break;
    case CtSource::modelled:
        if (!e.found) out = zone + ": no entry for " + format_ct_tuple(e.tuple) + ": " + state;
        else
            out = zone + ": " + (e.reply_direction ? "reply" : "original") + " direction of " +
                  (e.entry ? format_ct_entry(*e.entry, true) : format_ct_tuple(e.tuple)) + ": " + state;
        break;
    }
    if (e.nat_applied) out += "; " + nat_text(*e.nat_applied, e.tuple.ipv6);
    if (e.committed) out += "; committed";
    return out;
}

std::string format_ct_commit(const CtCommitEvent& e) {
    return "ct_commit in " + (e.zone ? format_zone(*e.zone) : std::string("no zone")) + ": " +
           (e.created ? "new entry " : "updated ") + format_ct_entry(e.entry, true);
}

std::string format_sample(const SampleFired& s) {
    std::string out = "sample: ";
    if (s.obs_domain_id)
        out += "obs_domain_id=" + Bits128(*s.obs_domain_id).to_hex() + " (" + std::to_string(*s.obs_domain_id) + " = " +
               std::to_string(s.obs_domain) + "<<24 | " + std::to_string(s.datapath_key.value_or(0)) + ")";
    else
        out += "obs_domain=" + std::to_string(s.obs_domain) + " (datapath tunnel key unknown)";
    out += ", obs_point_id=";
    if (s.obs_point_id) out += std::to_string(*s.obs_point_id);
    else out += "unknown";
    switch (s.point_source) {
    case SampleFired::PointSource::number: break;
    case SampleFired::PointSource::field: out += " (from " + std::string(s.point_field) + ")"; break;
    case SampleFired::PointSource::cookie:
        out += s.obs_point_id ? " (the logical flow's cookie)" : " (the logical flow's cookie: no flow uuid in the bundle)";
        break;
    }
    out += ", collector_set=" + std::to_string(s.collector_set);
    out += ", probability=" + std::to_string(s.probability) + " (" + percent(s.probability) + ")";
    return out;
}

std::string format_acl(const AclAttribution& a) {
    std::string out = "ACL " + a.uuid;
    if (a.name) out += " \"" + *a.name + "\"";
    out += " " + a.direction + " priority " + std::to_string(a.priority) + " " + a.action;
    if (a.tier != 0) out += " tier " + std::to_string(a.tier);
    out += " (" + a.match + ")";
    switch (a.method) {
    case AttributionMethod::stage_hint: out += ", found by the flow's stage-hint"; break;
    case AttributionMethod::match_text: out += ", found by match text and priority"; break;
    case AttributionMethod::connection: out += ", the ACL of the connection"; break;
    }
    if (a.ambiguous) out += " (several ACLs fit; the first is shown)";
    return out;
}

std::string drop_reason_text(DropReason reason) {
    switch (reason) {
    case DropReason::no_match: return "no flow matched";
    case DropReason::drop_action: return "dropped by the flow's actions";
    case DropReason::no_table: return "next past the last table";
    case DropReason::null_output_port: return "output with no outport";
    case DropReason::unknown_output_port: return "output to an unknown port";
    case DropReason::loopback: return "inport == outport without flags.loopback";
    case DropReason::loop_guard: return "too many tables: a loop";
    case DropReason::no_peer: return "patch port without a peer";
    case DropReason::generated_only: return "replaced by the packet it generated";
    case DropReason::empty_group: return "output to a multicast group with no other port";
    }
    return "dropped";
}

std::string format_verdict(const PacketResult& p) {
    if (p.verdict == Verdict::output) {
        std::string out = "output to ";
        for (std::size_t i = 0; i < p.output_ports.size(); ++i) out += (i ? ", \"" : "\"") + p.output_ports[i] + "\"";
        return out;
    }
    const DropInfo* d = p.drop();
    if (d == nullptr) return "drop";
    std::string out = "drop: " + drop_reason_text(d->reason) + " (" + std::string(d->datapath) + " " +
                      std::string(to_string(d->pipeline)) + " " + std::string(d->stage);
    if (!d->port.empty()) out += ", port \"" + d->port + "\"";
    return out + ")";
}

std::string format_filled(const FilledField& f, const Packet& packet) {
    if (f.field == "inport" || f.field == "outport")
        return f.field + " = \"" + (f.field == "inport" ? packet.inport() : packet.outport()) + "\" (" + f.reason + ")";
    std::string value = f.value.to_hex();
    try {
        const FieldSelection s = select_field(f.field);
        if (s.bits.width != 0) value = format_field_value(s.bits.storage, f.value, s.bits.width);
    } catch (const InputError&) {
        // A name the selector does not know (scattered bits): keep hex.
    }
    return f.field + " = " + value + " (" + f.reason + ")";
}

std::vector<std::string> format_conntrack(const ConntrackSnapshot& snapshot) {
    std::vector<std::string> lines;
    for (const CtZoneSnapshot& z : snapshot.zones) {
        lines.push_back(format_zone(z.zone) + ":");
        for (const CtEntrySnapshot& e : z.entries) lines.push_back("  " + format_ct_entry(e));
    }
    return lines;
}

}  // namespace ovnsim
