#include "sim/report/trace_json.hpp"

#include <utility>

#include "sim/field_format.hpp"

namespace ovnsim {
namespace {

using nlohmann::json;

json optional_number(const std::optional<std::uint32_t>& v) { return v ? json(*v) : json(nullptr); }

std::string uuid_hex(std::uint32_t v) {
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08x", v);
    return buf;
}

std::string address(const CtTuple& t, Bits128 a) { return t.ipv6 ? format_ipv6(a) : format_ipv4(a); }

// The objects every packet has (hops above all) get their keys one by one, which spares
// nlohmann's initializer-list form a temporary [key, value] array per key.
json tuple_json(const CtTuple& t) {
    json tuple = json::object();
    tuple["protocol"] = t.protocol;
    tuple["src"] = address(t, t.src);
    tuple["dst"] = address(t, t.dst);
    tuple["src_port"] = t.src_port;
    tuple["dst_port"] = t.dst_port;
    return tuple;
}

json acl_json(const AclAttribution& a) {
    json ids = json::object();
    for (const auto& [k, v] : a.external_ids) ids[k] = v;
    return json{{"uuid", a.uuid},
                {"name", a.name ? json(*a.name) : json(nullptr)},
                {"priority", a.priority},
                {"direction", a.direction},
                {"action", a.action},
                {"match", a.match},
                {"tier", a.tier},
                {"external_ids", std::move(ids)},
                {"method", to_string(a.method)},
                {"logical_flow_join", a.logical_flow_join.empty() ? json(nullptr) : json(a.logical_flow_join)},
                {"hop", a.hop},
                {"ambiguous", a.ambiguous}};
}

json sample_json(const SampleFired& s) {
    static constexpr std::string_view sources[] = {"number", "field", "cookie"};
    return json{{"hop", s.hop},
                {"datapath", s.datapath},
                {"datapath_key", optional_number(s.datapath_key)},
                {"pipeline", to_string(s.pipeline)},
                {"stage", s.stage},
                {"table", s.table},
                {"priority", s.priority},
                {"flow_uuid", s.flow_uuid ? json(uuid_hex(*s.flow_uuid)) : json(nullptr)},
                {"probability", s.probability},
                {"collector_set", s.collector_set},
                {"obs_domain", s.obs_domain},
                {"obs_domain_id", optional_number(s.obs_domain_id)},
                {"obs_point_id", optional_number(s.obs_point_id)},
                {"obs_point_source", sources[static_cast<int>(s.point_source)]},
                {"obs_point_field", s.point_field.empty() ? json(nullptr) : json(s.point_field)}};
}

json hop_json(const TraceHop& h) {
    json tied = json::array();
    for (std::uint32_t u : h.tied_flow_uuids) tied.push_back(uuid_hex(u));
    json hop = json::object();
    hop["datapath"] = h.datapath;
    hop["pipeline"] = to_string(h.pipeline);
    hop["stage"] = h.stage;
    hop["table"] = h.table;
    hop["priority"] = h.priority;
    hop["match"] = h.match;
    hop["actions"] = h.actions;
    hop["flow_uuid"] = h.flow_uuid ? json(uuid_hex(*h.flow_uuid)) : json(nullptr);
    hop["depth"] = h.depth;
    hop["ct_zone"] = h.zone.name;
    hop["ct_zone_number"] = h.zone.number;
    hop["ovn_trace_omits"] = h.ovn_trace_omits;
    hop["tied_flows"] = h.tied_flows;
    hop["tied_flow_uuids"] = std::move(tied);
    return hop;
}

json entry_json(const CtEntrySnapshot& e) {
    json fields = json::object();
    for (const CtNamedValue& v : e.named) fields[std::string(v.name)] = v.value.to_decimal();
    json nat = nullptr;
    if (e.nat) {
        nat = json{{"kind", e.nat->kind == CtNat::Kind::dnat ? "dnat" : "snat"},
                   {"address", address(e.original, e.nat->address)},
                   {"port", e.nat->port ? json(*e.nat->port) : json(nullptr)}};
    }
    json acl = nullptr;
    if (e.committed_by) {
        acl = json{{"uuid", e.committed_by->acl_uuid.empty() ? json(nullptr) : json(e.committed_by->acl_uuid)},
                   {"name", e.committed_by->acl_name.empty() ? json(nullptr) : json(e.committed_by->acl_name)},
                   {"datapath", e.committed_by->datapath},
                   {"stage", e.committed_by->stage}};
    }
    json entry = json::object();
    entry["original"] = tuple_json(e.original);
    entry["reply"] = tuple_json(e.reply);
    entry["state"] = e.established ? "established" : "new";
    entry["mark"] = Bits128(e.mark).to_hex();
    entry["label"] = e.label.to_hex();
    entry["fields"] = std::move(fields);
    entry["nat"] = std::move(nat);
    entry["acl"] = std::move(acl);
    return entry;
}

json generated_ports(const PacketResult& p) {
    json ports = json::array();
    for (const Delivery& d : p.generated_deliveries) ports.push_back(d.port);
    return ports;
}

json drop_json(const DropInfo& d) {
    return json{{"reason", to_string(d.reason)},
                {"datapath", d.datapath},
                {"pipeline", to_string(d.pipeline)},
                {"stage", d.stage.empty() ? json(nullptr) : json(d.stage)},
                {"hop", d.hop ? json(*d.hop) : json(nullptr)},
                {"port", d.port.empty() ? json(nullptr) : json(d.port)}};
}

}  // namespace

json trace_packet_json(const PacketResult& p) {
    json defaults = json::array();
    for (const FilledField& f : p.defaults)
        defaults.push_back({{"field", f.field}, {"value", f.value.to_hex()}, {"reason", f.reason}});
    json acls = json::array();
    for (const AclAttribution& a : p.acls) acls.push_back(acl_json(a));
    json samples = json::array();
    for (const SampleFired& s : p.samples) samples.push_back(sample_json(s));
    json hops = json::array();
    for (const TraceHop& h : p.hops) hops.push_back(hop_json(h));
    json conntrack = json::array();
    for (const CtZoneSnapshot& z : p.conntrack.zones) {
        json entries = json::array();
        for (const CtEntrySnapshot& e : z.entries) entries.push_back(entry_json(e));
        conntrack.push_back({{"zone", z.zone.name}, {"zone_number", z.zone.number}, {"entries", std::move(entries)}});
    }
    json drops = json::array();
    for (const DropInfo& d : p.drops) drops.push_back(drop_json(d));
    json notes = json::array();
    for (const TraceNote& n : p.notes) notes.push_back({{"code", n.code}, {"subject", n.subject}});
    const DropInfo* drop = p.verdict == Verdict::drop ? p.drop() : nullptr;
    json packet = json::object();
    packet["role"] = p.role;
    packet["datapath"] = p.datapath;
    packet["microflow"] = p.microflow;
    packet["defaults"] = std::move(defaults);
    packet["verdict"] = to_string(p.verdict);
    packet["output_ports"] = p.output_ports;
    packet["generated_output_ports"] = generated_ports(p);
    packet["drop_reason"] = drop ? json(to_string(drop->reason)) : json(nullptr);
    packet["drop"] = drop ? drop_json(*drop) : json(nullptr);
    packet["drops"] = std::move(drops);
    packet["acl"] = p.acl ? acl_json(*p.acl) : json(nullptr);
    packet["attribution_method"] = p.acl ? json(to_string(p.acl->method)) : json(nullptr);
    packet["acls"] = std::move(acls);
    packet["samples"] = std::move(samples);
    packet["hops"] = std::move(hops);
    packet["conntrack"] = std::move(conntrack);
    packet["not_modelled"] = p.not_modelled;
    packet["notes"] = std::move(notes);
    return packet;
}

json trace_result_json(const TraceResult& result) {
    json packets = json::array();
    for (const PacketResult& p : result.packets) packets.push_back(trace_packet_json(p));
    return json{{"packets", std::move(packets)}};
}

void TraceJsonObserver::packet_end(const PacketEndEvent& e) { json_["packets"].push_back(trace_packet_json(*e.result)); }

}  // namespace ovnsim
