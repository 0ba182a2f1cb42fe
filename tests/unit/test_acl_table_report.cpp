// The ACL table (Python's Bundle.acls()) on the bundled corpora: owners, samples and
// messages of OVN-Kubernetes ACLs and of plain ones.
#include <doctest/doctest.h>

#include "sim/bundle.hpp"
#include "sim/report/acl_table_report.hpp"
#include "tests/unit/test_support.hpp"

namespace ovnsim {
namespace {

nlohmann::json table_of(const char* bundle) {
    return acl_table_json(Bundle::load((test::bundled_corpora() / bundle).string())->nb());
}

const nlohmann::json& row_with(const nlohmann::json& table, const char* key, const nlohmann::json& value) {
    for (const auto& row : table) {
        if (row[key] == value) return row;
    }
    FAIL("no ACL with " << key << " = " << value.dump());
    return table;
}

TEST_CASE("acl_table_json: an OVN-Kubernetes NetworkPolicy ACL") {
    const auto table = table_of("ovn-23.03/k8s");
    REQUIRE(table.size() == 5);
    const auto& acl = row_with(table, "owner_type", "NetworkPolicy");
    CHECK(acl["owner"] == "demo:allow-5201");
    CHECK(acl["message"] == "Allowed by network policy allow-5201 in namespace demo, direction ingress");
    CHECK(acl["message_decoder"] == "ovn-kubernetes");
    CHECK(acl["port_groups"] == nlohmann::json::array({"a2653181086423119552"}));
    CHECK(acl["sample_new_metadata"].is_null());
}

TEST_CASE("acl_table_json: a sampled ACL without owner") {
    const auto table = table_of("ovn-26.03/talk");
    const auto& acl = row_with(table, "priority", 2000);
    CHECK(acl["owner_type"] == "");
    CHECK(acl["sample_new_metadata"] == 1011);
    CHECK(acl["sample_est_metadata"] == 1012);
    CHECK(acl["switches"] == nlohmann::json::array({"ls1"}));
    CHECK(acl["message_decoder"] == "ovnsim");
    CHECK(acl["message"].get<std::string>().starts_with("Allowed by ACL 878ba823-18e7-4494-9dc2-d1314021e34b"));
}

}  // namespace
}  // namespace ovnsim
