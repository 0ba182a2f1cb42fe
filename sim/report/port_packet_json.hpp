#pragma once
// A packet built from ports (`ovnsim trace --from/--to --json`, key "built_packet"; Python's
// Trace.built_packet): the microflow and every value filled in, with where it came from.
#include <nlohmann/json.hpp>

#include "sim/packet_builder.hpp"

namespace ovnsim {

// {"from", "to", "datapath", "destination_port", "microflow", "filled": [{"field", "value", "reason"}]}
nlohmann::json port_packet_json(const PortPacket& packet, const PortPacketRequest& request);

}  // namespace ovnsim
