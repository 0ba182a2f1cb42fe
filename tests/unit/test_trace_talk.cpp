// The talk scenario end to end with the modelled conntrack (no --ct): the SYN is allowed by
// ACL3 and committed with the observation ids in vif1's zone, the SYN+ACK finds the
// connection as est,rpl in the zones the SYN committed in, the ACK as est; each packet
// fires exactly the samples the talk shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "sim/conntrack.hpp"
#include "tests/unit/test_trace_support.hpp"

using namespace ovnsim;
using namespace ovnsim::test;

namespace {

constexpr std::string_view kAcl3Match = "inport == \"vif1\" && ip4.dst == 10.244.2.6";

// Records every ct lookup: (packet index, zone, state).
struct CtLookups : TraceObserver {
    struct Lookup {
        std::size_t packet;
        std::string zone;
        std::uint8_t state;
    };
    std::vector<Lookup> lookups;
    std::size_t packet = 0;
    void packet_start(const PacketStartEvent&) override { ++packet; }
    void ct_lookup(const CtLookupEvent& e) override { lookups.push_back({packet - 1, e.zone->name, e.state}); }

    std::vector<std::pair<std::string, std::string>> of(std::size_t p) const {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& l : lookups) {
            if (l.packet == p) out.emplace_back(l.zone, ct_state_text(l.state));
        }
        return out;
    }
};

struct Sample {
    std::string stage;
    std::uint32_t collector_set;
    std::uint32_t obs_domain_id;
    std::uint32_t obs_point_id;
    friend bool operator<(const Sample& a, const Sample& b) {
        return std::tie(a.stage, a.collector_set, a.obs_domain_id, a.obs_point_id) <
               std::tie(b.stage, b.collector_set, b.obs_domain_id, b.obs_point_id);
    }
    friend bool operator==(const Sample&, const Sample&) = default;
};

std::ostream& operator<<(std::ostream& os, const Sample& s) {
    return os << s.stage << " set " << s.collector_set << " domain 0x" << std::hex << s.obs_domain_id << std::dec
              << " point " << s.obs_point_id;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<std::vector<Sample>> {
    static String convert(const std::vector<Sample>& samples) {
        std::ostringstream os;
        for (const Sample& s : samples) os << "\n    " << s;
        return os.str().c_str();
    }
};
}  // namespace doctest

namespace {

// Samples of one flow come in the UUID order of Sample.collectors: compare as multisets.
std::vector<Sample> samples_of(const PacketResult& p) {
    std::vector<Sample> out;
    for (const SampleFired& s : p.samples) {
        REQUIRE(s.obs_domain_id);
        REQUIRE(s.obs_point_id);
        out.push_back({std::string(s.stage), s.collector_set, *s.obs_domain_id, *s.obs_point_id});
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Sample> expected(std::string_view stage, std::vector<std::uint32_t> sets, std::uint32_t domain,
                             std::uint32_t point) {
    std::vector<Sample> out;
    for (std::uint32_t set : sets) out.push_back({std::string(stage), set, domain, point});
    std::sort(out.begin(), out.end());
    return out;
}

const CtEntrySnapshot* entry_in(const ConntrackSnapshot& ct, std::string_view zone) {
    for (const CtZoneSnapshot& z : ct.zones) {
        if (z.zone.name == zone && !z.entries.empty()) return &z.entries.front();
    }
    return nullptr;
}

Bits128 named(const CtEntrySnapshot& e, std::string_view field) {
    for (const CtNamedValue& v : e.named) {
        if (v.name == field) return v.value;
    }
    return {};
}

struct Handshake {
    TraceResult result;
    CtLookups lookups;
};

Handshake handshake(const std::filesystem::path& bundle_dir) {
    const OvnTraceFile syn = read_ovn_trace(bundle_dir / "traces" / (bundle_dir.parent_path().filename() == "ovn-23.03"
                                                                          ? "tcp-syn-vif1-to-vif2-detailed.txt"
                                                                          : "syn-detailed.txt"));
    Handshake h;
    h.result = run_trace(bundle_at(bundle_dir), modelled_request(syn, Conversation::handshake), &h.lookups);
    return h;
}

void check_conversation(const Handshake& h) {
    const auto& packets = h.result.packets;
    REQUIRE(packets.size() == 3);
    CHECK(packets[0].role == "syn");
    CHECK(packets[1].role == "syn+ack");
    CHECK(packets[2].role == "ack");
    for (const PacketResult& p : packets) {
        CAPTURE(p.role);
        CHECK(p.verdict == Verdict::output);
        CHECK(p.drops.empty());
        REQUIRE(p.acl);
        CHECK(p.acl->match == kAcl3Match);
        CHECK(p.acl->priority == 2000);
        CHECK(p.acl->action == "allow-related");
    }
    CHECK(packets[0].output_ports == std::vector<std::string>{"vif2"});
    CHECK(packets[1].output_ports == std::vector<std::string>{"vif1"});
    CHECK(packets[2].output_ports == std::vector<std::string>{"vif2"});
    // The SYN's and the ACK's verdicts come from ACL3's own eval flows; the SYN+ACK hits
    // northd's reply flow and is attributed through the connection.
    CHECK(packets[0].acl->method == AttributionMethod::stage_hint);
    CHECK(packets[1].acl->method == AttributionMethod::connection);
    CHECK(packets[2].acl->method == AttributionMethod::stage_hint);

    using Lookups = std::vector<std::pair<std::string, std::string>>;
    CHECK(h.lookups.of(0) == Lookups{{"vif1", "new|trk"}, {"vif2", "new|trk"}});
    CHECK(h.lookups.of(1) == Lookups{{"vif2", "est|rpl|trk"}, {"vif1", "est|rpl|trk"}});
    CHECK(h.lookups.of(2) == Lookups{{"vif1", "est|trk"}, {"vif2", "est|trk"}});

    // The SYN's commit in vif1's zone: established only once the SYN+ACK came back.
    const CtEntrySnapshot* syn_entry = entry_in(packets[0].conntrack, "vif1");
    REQUIRE(syn_entry);
    CHECK_FALSE(syn_entry->established);
    REQUIRE(syn_entry->committed_by);
    CHECK(syn_entry->committed_by->stage == "ls_in_stateful");
    const CtEntrySnapshot* after = entry_in(packets[2].conntrack, "vif1");
    REQUIRE(after);
    CHECK(after->established);
    CHECK(packets[2].conntrack.zones.size() == 2);
}

}  // namespace

TEST_CASE("talk: SYN, SYN+ACK and ACK with the modelled conntrack and both collectors") {
    for (const char* version : {"ovn-24.09", "ovn-25.03", "ovn-26.03"}) {
        CAPTURE(std::string(version));
        const Handshake h = handshake(bundled_corpora() / version / "talk");
        check_conversation(h);
        const auto& packets = h.result.packets;
        // ACL3 commits its est point id (ct_label.obs_point_id) in vif1's zone; with two
        // collectors the mark carries no collector id.
        const CtEntrySnapshot* e = entry_in(packets[0].conntrack, "vif1");
        REQUIRE(e);
        CHECK(named(*e, "ct_label.obs_point_id") == Bits128(1012));
        CHECK(named(*e, "ct_mark.obs_collector_id") == Bits128(0));
        CHECK(e->label == Bits128(1012) << 96);
        CHECK(samples_of(packets[0]) == expected("ls_in_acl_sample", {100, 200}, 0x2a000001, 1011));
        CHECK(samples_of(packets[1]) == expected("ls_out_acl_sample", {100, 200}, 0x2b000001, 1012));
        CHECK(samples_of(packets[2]) == expected("ls_in_acl_sample", {100, 200}, 0x2b000001, 1012));
        for (const SampleFired& s : packets[0].samples) CHECK(s.point_source == SampleFired::PointSource::number);
    }
}

TEST_CASE("talk: one collector, shared flows (obs_point from reg3 and ct_label) and per-ACL flows") {
    for (const char* dir : {"ovn-24.09/talk-one-collector", "ovn-25.03/talk-one-collector",
                            "ovn-26.03/talk-one-collector", "ovn-26.03/talk-one-collector-noreg"}) {
        CAPTURE(std::string(dir));
        const Handshake h = handshake(bundled_corpora() / dir);
        check_conversation(h);
        const auto& packets = h.result.packets;
        const bool shared = std::string_view(dir).find("noreg") == std::string_view::npos;
        const CtEntrySnapshot* e = entry_in(packets[0].conntrack, "vif1");
        REQUIRE(e);
        CHECK(named(*e, "ct_label.obs_point_id") == Bits128(1012));
        // One collector: northd loads its id (per-ACL and shared flows alike) and the
        // commit keeps it in the mark, where the shared est flows match it.
        CHECK(named(*e, "ct_mark.obs_collector_id") == Bits128(1));
        CHECK(samples_of(packets[0]) == expected("ls_in_acl_sample", {100}, 0x2a000001, 1011));
        CHECK(samples_of(packets[1]) == expected("ls_out_acl_sample", {100}, 0x2b000001, 1012));
        CHECK(samples_of(packets[2]) == expected("ls_in_acl_sample", {100}, 0x2b000001, 1012));
        const auto source = shared ? SampleFired::PointSource::field : SampleFired::PointSource::number;
        for (const PacketResult& p : packets) {
            for (const SampleFired& s : p.samples) CHECK(s.point_source == source);
        }
        if (shared) {
            CHECK(packets[0].samples.front().point_field == "reg3");
            CHECK(packets[1].samples.front().point_field == "ct_label.obs_point_id");
        }
    }
}

TEST_CASE("talk on OVN 23.03: no sampling, the same conversation through the single ACL stage") {
    const Handshake h = handshake(bundled_corpora() / "ovn-23.03" / "talk");
    check_conversation(h);
    for (const PacketResult& p : h.result.packets) CHECK(p.samples.empty());
}
