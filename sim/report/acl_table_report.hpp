#pragma once
// Every NB ACL as one JSON object: what Python's Bundle.acls() tabulates.
#include <nlohmann/json.hpp>

#include "sim/nb_model.hpp"
#include "sim/sampling_messages.hpp"

namespace ovnsim {

// [{...acl_json (sim/report/sampling_rows_json.hpp)..., "owner_type", "owner" (OVN-Kubernetes
//   external_ids; "" when absent), "switches": [name], "port_groups": [name],
//   "sample_new_metadata", "sample_est_metadata" (obs_point_id, null without a Sample),
//   "message" (what a collector prints for it; null when its decoder fails), "message_decoder",
//   "message_error"}] in NB order.
nlohmann::json acl_table_json(const NbModel& nb,
                              const AclMessageDecoders& messages = AclMessageDecoders::standard());

}  // namespace ovnsim
