#include "sim/report/acl_table_report.hpp"

#include "sim/ovnk_acl_event.hpp"
#include "sim/report/sampling_rows_json.hpp"

namespace ovnsim {
namespace {

template <typename Row>
nlohmann::json names_of(const std::vector<const Row*>& rows) {
    nlohmann::json names = nlohmann::json::array();
    for (const Row* row : rows) names.push_back(row->name);
    return names;
}

std::string external_id(const NbAcl& acl, std::string_view key) {
    const std::string* value = ovsdb_option(acl.external_ids, key);
    return value != nullptr ? *value : std::string();
}

nlohmann::json metadata_of(const NbSample* sample) {
    return sample != nullptr ? nlohmann::json(sample->metadata) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json acl_table_json(const NbModel& nb, const AclMessageDecoders& messages) {
    nlohmann::json table = nlohmann::json::array();
    for (const NbAcl& acl : nb.acls) {
        nlohmann::json row = acl_json(acl);
        row["owner_type"] = external_id(acl, ovnk::kOwnerTypeKey);
        row["owner"] = external_id(acl, ovnk::kObjectNameKey);
        row["switches"] = names_of(acl.switches);
        row["port_groups"] = names_of(acl.port_groups);
        row["sample_new_metadata"] = metadata_of(acl.sample_new);
        row["sample_est_metadata"] = metadata_of(acl.sample_est);
        const AclMessage message = messages.message(acl);
        row["message"] = message.error ? nlohmann::json(nullptr) : nlohmann::json(message.text);
        row["message_decoder"] = message.decoder;
        row["message_error"] = message.error ? nlohmann::json(*message.error) : nlohmann::json(nullptr);
        table.push_back(std::move(row));
    }
    return table;
}

}  // namespace ovnsim
