#pragma once
// The stable JSON form of a trace (`ovnsim trace --json`, documented in README.md):
//
//   {"packets": [{
//      "role": "syn", "datapath": "ls1", "microflow": "...",
//      "defaults": [{"field": "ip.ttl", "value": "64", "reason": "..."}],
//      "verdict": "output" | "drop",
//      "output_ports": ["vif2"],
//      "drop_reason": null | "no_match" | ...,   "drop": null | {...},
//      "acl": null | {"uuid", "name", "priority", "direction", "action", "match", "tier",
//                     "external_ids", "method", "hop"},
//      "attribution_method": null | "stage_hint" | "match_text" | "connection",
//      "acls": [...],
//      "samples": [{"stage", "datapath", "datapath_key", "table", "priority", "flow_uuid",
//                   "probability", "collector_set", "obs_domain", "obs_domain_id",
//                   "obs_point_id", "obs_point_source", "obs_point_field", "hop"}],
//      "hops": [{"datapath", "pipeline", "stage", "table", "priority", "match", "actions",
//                "flow_uuid", "depth", "ct_zone"}],
//      "conntrack": [{"zone", "zone_number", "entries": [{"original", "reply",
//                     "state", "mark", "label", "fields", "nat", "acl"}]}],
//      "not_modelled": [...], "notes": [{"code", "subject"}]
//   }]}
#include <nlohmann/json.hpp>

#include "sim/trace_observer.hpp"
#include "sim/trace_request.hpp"

namespace ovnsim {

nlohmann::json trace_packet_json(const PacketResult& packet);
nlohmann::json trace_result_json(const TraceResult& result);

// Collects each packet as it ends; json() gives {"packets": [...]}.
class TraceJsonObserver final : public TraceObserver {
public:
    void packet_end(const PacketEndEvent& e) override;
    const nlohmann::json& json() const { return json_; }

private:
    nlohmann::json json_ = nlohmann::json{{"packets", nlohmann::json::array()}};
};

}  // namespace ovnsim
