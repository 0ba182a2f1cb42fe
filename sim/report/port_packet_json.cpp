#include "sim/report/port_packet_json.hpp"

namespace ovnsim {

nlohmann::json port_packet_json(const PortPacket& packet, const PortPacketRequest& request) {
    nlohmann::json filled = nlohmann::json::array();
    for (const ChosenValue& c : packet.chosen) filled.push_back({{"field", c.field}, {"value", c.value}, {"reason", c.reason}});
    return {{"from", request.from},
            {"to", request.to},
            {"datapath", packet.datapath},
            {"destination_port", packet.destination_port},
            {"microflow", packet.microflow},
            {"filled", std::move(filled)}};
}

}  // namespace ovnsim
