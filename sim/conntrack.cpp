#include "sim/conntrack.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "sim/packet.hpp"

namespace ovnsim {
namespace {

constexpr std::uint8_t kTcp = 6, kUdp = 17, kSctp = 132, kIcmp4 = 1, kIcmp6 = 58;
constexpr std::uint16_t kTcpFin = 0x01, kTcpSyn = 0x02, kTcpRst = 0x04, kTcpAck = 0x10;

bool is_icmp(const CtTuple& t) { return t.protocol == kIcmp4 || t.protocol == kIcmp6; }

// ICMP query types and the type of their answer (Linux invmap).
std::optional<std::uint16_t> icmp_answer_type(const CtTuple& t, std::uint16_t type) {
    if (t.protocol == kIcmp4) {
        switch (type) {
            case 8: return 0;
            case 0: return 8;
            case 13: return 14;
            case 14: return 13;
            case 15: return 16;
            case 16: return 15;
            case 17: return 18;
            case 18: return 17;
            default: return std::nullopt;
        }
    }
    switch (type) {
        case 128: return 129;
        case 129: return 128;
        case 139: return 140;
        case 140: return 139;
        default: return std::nullopt;
    }
}

bool icmp_opens_connection(const CtTuple& t) {
    const std::uint16_t type = t.src_port;
    return t.protocol == kIcmp4 ? (type == 8 || type == 13 || type == 15 || type == 17) : (type == 128 || type == 139);
}

bool is_icmp_error(const CtTuple& t) {
    const std::uint16_t type = t.src_port;
    return t.protocol == kIcmp4 ? (type == 3 || type == 4 || type == 5 || type == 11 || type == 12)
                                : (type >= 1 && type <= 4);
}

// What a packet no entry knows gets: new, or inv when it cannot start a connection.
std::uint8_t unknown_connection_state(const CtTuple& t, const Packet& packet) {
    if (t.protocol == kTcp) {
        const auto flags = static_cast<std::uint16_t>(packet.get(Storage::tcp_flags).low());
        if ((flags & kTcpRst) != 0 || ((flags & kTcpSyn) != 0 && (flags & kTcpAck) != 0) ||
            ((flags & kTcpFin) != 0 && (flags & kTcpSyn) == 0))
            return ct_state::trk | ct_state::inv;
        return ct_state::trk | ct_state::new_;
    }
    if (is_icmp(t) && !icmp_opens_connection(t)) return ct_state::trk | ct_state::inv;
    return ct_state::trk | ct_state::new_;
}

Storage address_storage(const CtTuple& t, bool source) {
    if (t.ipv6) return source ? Storage::ip6_src : Storage::ip6_dst;
    return source ? Storage::ip4_src : Storage::ip4_dst;
}

std::optional<Storage> port_storage(const CtTuple& t, bool source) {
    switch (t.protocol) {
        case kTcp: return source ? Storage::tcp_src : Storage::tcp_dst;
        case kUdp: return source ? Storage::udp_src : Storage::udp_dst;
        case kSctp: return source ? Storage::sctp_src : Storage::sctp_dst;
        default: return std::nullopt;
    }
}

// The named subfields of ct_mark and ct_label (ct_mark.blocked, ct_label.obs_point_id, ...).
const std::vector<const Symbol*>& ct_subfields(const SymbolTable& symbols) {
    static std::mutex mutex;
    static std::unordered_map<const SymbolTable*, std::vector<const Symbol*>> cache;
    std::lock_guard lock(mutex);
    auto [it, inserted] = cache.try_emplace(&symbols);
    if (inserted) {
        for (const Symbol& sym : symbols.symbols()) {
            const Storage s = sym.bits.storage;
            if (sym.kind == SymbolKind::subfield && (s == Storage::ct_mark || s == Storage::ct_label))
                it->second.push_back(&sym);
        }
    }
    return it->second;
}

}  // namespace

std::optional<CtTuple> packet_tuple(const Packet& packet) {
    CtTuple t;
    const auto eth_type = packet.get(Storage::eth_type).low();
    if (eth_type == 0x0800) {
        t.src = packet.get(Storage::ip4_src);
        t.dst = packet.get(Storage::ip4_dst);
    } else if (eth_type == 0x86dd) {
        t.ipv6 = true;
        t.src = packet.get(Storage::ip6_src);
        t.dst = packet.get(Storage::ip6_dst);
    } else {
        return std::nullopt;
    }
    t.protocol = static_cast<std::uint8_t>(packet.get(Storage::ip_proto).low());
    if (const auto s = port_storage(t, true)) {
        t.src_port = static_cast<std::uint16_t>(packet.get(*s).low());
        t.dst_port = static_cast<std::uint16_t>(packet.get(*port_storage(t, false)).low());
    } else if (t.protocol == kIcmp4) {
        t.src_port = static_cast<std::uint16_t>(packet.get(Storage::icmp4_type).low());
        t.dst_port = static_cast<std::uint16_t>(packet.get(Storage::icmp4_code).low());
    } else if (t.protocol == kIcmp6) {
        t.src_port = static_cast<std::uint16_t>(packet.get(Storage::icmp6_type).low());
        t.dst_port = static_cast<std::uint16_t>(packet.get(Storage::icmp6_code).low());
    }
    return t;
}

CtTuple reply_tuple(const CtTuple& original, const std::optional<CtNat>& nat) {
    CtTuple r = original;
    std::swap(r.src, r.dst);
    if (is_icmp(original)) {
        if (const auto answer = icmp_answer_type(original, original.src_port)) r.src_port = *answer;
    } else {
        std::swap(r.src_port, r.dst_port);
    }
    if (nat) {
        if (nat->kind == CtNat::Kind::dnat) {  // replies come from the translated destination
            r.src = nat->address;
            if (nat->port && !is_icmp(original)) r.src_port = *nat->port;
        } else {  // and go to the translated source
            r.dst = nat->address;
            if (nat->port && !is_icmp(original)) r.dst_port = *nat->port;
        }
    }
    return r;
}

void set_packet_source(Packet& packet, const CtTuple& tuple, Bits128 address, std::optional<std::uint16_t> port) {
    packet.set(address_storage(tuple, true), address);
    if (const auto s = port_storage(tuple, true); s && port) packet.set(*s, *port);
}

void set_packet_destination(Packet& packet, const CtTuple& tuple, Bits128 address,
                            std::optional<std::uint16_t> port) {
    packet.set(address_storage(tuple, false), address);
    if (const auto s = port_storage(tuple, false); s && port) packet.set(*s, *port);
}

const ConntrackZone& Conntrack::zone(std::string_view name) {
    for (const auto& z : zones_) {
        if (z->id.name == name) return z->id;
    }
    auto z = std::make_unique<Zone>();
    z->id.name = std::string(name);
    z->id.number = static_cast<std::uint32_t>(zones_.size() + 1);
    zones_.push_back(std::move(z));
    return zones_.back()->id;
}

const ConntrackZone* Conntrack::find_zone(std::string_view name) const {
    for (const auto& z : zones_) {
        if (z->id.name == name) return &z->id;
    }
    return nullptr;
}

Conntrack::Zone* Conntrack::find_zone_data(const ConntrackZone& zone) {
    if (zone.number == 0 || zone.number > zones_.size()) return nullptr;
    return zones_[zone.number - 1].get();
}

CtEntry* Conntrack::find(const ConntrackZone& zone, const CtTuple& tuple, bool* reply) {
    Zone* z = find_zone_data(zone);
    if (z == nullptr) return nullptr;
    for (CtEntry& e : z->entries) {
        if (e.original == tuple || e.reply == tuple) {
            if (reply) *reply = e.original != tuple;
            return &e;
        }
    }
    return nullptr;
}

Conntrack::Lookup Conntrack::lookup(const ConntrackZone& zone, const CtTuple& tuple, const Packet& packet) {
    Lookup r;
    bool reply = false;
    if (CtEntry* e = find(zone, tuple, &reply)) {
        r.entry = e;
        r.reply = reply;
        if (reply) {
            e->seen_reply = true;
            r.state = ct_state::trk | ct_state::est | ct_state::rpl;
        } else {
            r.state = ct_state::trk | (e->seen_reply ? ct_state::est : ct_state::new_);
        }
        return r;
    }
    if (is_icmp(tuple) && is_icmp_error(tuple)) {
        // The error answers a packet sent to its source (where it is addressed now).
        if (Zone* z = find_zone_data(zone)) {
            for (CtEntry& e : z->entries) {
                const bool to_originator = e.original.src == tuple.dst;
                if (to_originator || e.reply.src == tuple.dst) {
                    r.entry = &e;
                    r.related = true;
                    r.reply = to_originator;
                    r.state = ct_state::trk | ct_state::rel | (to_originator ? ct_state::rpl : 0);
                    return r;
                }
            }
        }
        r.state = ct_state::trk | ct_state::inv;
        return r;
    }
    r.state = unknown_connection_state(tuple, packet);
    return r;
}

CtEntry& Conntrack::commit(const ConntrackZone& zone, const CtTuple& original, const std::optional<CtNat>& nat,
                           bool* created) {
    if (CtEntry* e = find(zone, original)) {
        if (created) *created = false;
        return *e;
    }
    Zone* z = find_zone_data(zone);
    if (z == nullptr) z = find_zone_data(this->zone(zone.name));
    CtEntry& e = z->entries.emplace_back();
    e.original = original;
    e.nat = nat;
    e.reply = reply_tuple(original, nat);
    if (created) *created = true;
    return e;
}

CtEntrySnapshot Conntrack::snapshot(const CtEntry& entry, const SymbolTable& symbols) {
    CtEntrySnapshot s;
    s.original = entry.original;
    s.reply = entry.reply;
    s.established = entry.seen_reply;
    s.mark = entry.mark;
    s.label = entry.label;
    s.nat = entry.nat;
    s.committed_by = entry.committed_by;
    for (const Symbol* sym : ct_subfields(symbols)) {
        const Bits128 whole = sym->bits.storage == Storage::ct_mark ? Bits128(entry.mark) : entry.label;
        const Bits128 value = whole.extract(sym->bits.offset, sym->bits.width);
        if (!value.is_zero()) s.named.push_back({sym->name, value});
    }
    return s;
}

ConntrackSnapshot Conntrack::snapshot(const SymbolTable& symbols) const {
    ConntrackSnapshot out;
    for (const auto& z : zones_) {
        if (z->entries.empty()) continue;
        CtZoneSnapshot zs;
        zs.zone = z->id;
        for (const CtEntry& e : z->entries) zs.entries.push_back(snapshot(e, symbols));
        out.zones.push_back(std::move(zs));
    }
    return out;
}

std::size_t Conntrack::entry_count() const {
    std::size_t n = 0;
    for (const auto& z : zones_) n += z->entries.size();
    return n;
}

void Conntrack::clear() { zones_.clear(); }

}  // namespace ovnsim
