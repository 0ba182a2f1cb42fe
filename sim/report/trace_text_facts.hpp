#pragma once
// One-line texts for what ovnsim knows about a trace and ovn-trace cannot show: conntrack
// zones, tuples and entries, samples, the ACL that decided, the verdict. Shared by the text
// and table printers.
#include <string>
#include <vector>

#include "sim/conntrack_types.hpp"
#include "sim/microflow.hpp"
#include "sim/trace_events.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

// "tcp 10.244.1.4:40000 > 10.244.2.6:8080", "icmp 10.1.0.11 > 10.2.0.21 type 8 code 0",
// "tcp6 [fd01::11]:49152 > [fd02::22]:80".
std::string format_ct_tuple(const CtTuple& tuple);
// "zone 1 (vif1)".
std::string format_zone(const ConntrackZone& zone);
// "tcp 10.244.1.4:40000 > 10.244.2.6:8080, established, mark 0x10010
// (ct_mark.obs_collector_id=1), label 0x3f4000...(ct_label.obs_point_id=1012), committed by
// ACL ..."; `brief` leaves out the committing ACL and flow.
std::string format_ct_entry(const CtEntrySnapshot& entry, bool brief = false);
// For table cells: "tcp 10.244.1.4:40000>10.244.2.6:8080 est obs_point_id=1012".
std::string format_ct_entry_compact(const CtEntrySnapshot& entry);
// What a ct action found: "zone 1 (vif1): no entry: ct_state=new|trk", "zone 2 (vif2):
// reply direction of tcp ...: ct_state=est|rpl|trk", "--ct: ct_state=new|trk".
std::string format_ct_lookup(const CtLookupEvent& lookup);
// "ct_commit in zone 1 (vif1): new entry tcp ... mark ..., label ...".
std::string format_ct_commit(const CtCommitEvent& commit);
// "sample: obs_domain_id=704643073 (42<<24 | 1), obs_point_id=1011, collector_set=100,
// probability=65535 (100%)".
std::string format_sample(const SampleFired& sample);
// "ACL 7717d43d-... \"allow-vif1\" from-lport priority 2000 allow-related tier 0
// (inport == \"vif1\" && ...), found by stage-hint".
std::string format_acl(const AclAttribution& acl);
// "output to \"vif2\"", "output to \"vif2\", \"vif3\"", "drop: no flow matched (ls1 egress
// ls_out_acl_eval)".
std::string format_verdict(const PacketResult& packet);
std::string drop_reason_text(DropReason reason);
// "ip.ttl = 64 (default TTL)"; a port name (inport, outport) is taken from `packet`.
std::string format_filled(const FilledField& filled, const Packet& packet);
// One line per zone with entries, then one per entry (indented two spaces).
std::vector<std::string> format_conntrack(const ConntrackSnapshot& snapshot);

}  // namespace ovnsim
