// Decoding sample ids and decorating the engine's sample events, on the bundled talk
// scenarios (the ids of the talk: (0x2a000001, 1011) and (0x2b000001, 1012)), the lint
// bundles and a drop-debug bundle written here.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "sim/bundle.hpp"
#include "sim/report/sample_report.hpp"
#include "sim/sampling_decoration.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ovnsim;

namespace {

constexpr const char* kAcl3 = "878ba823-18e7-4494-9dc2-d1314021e34b";
constexpr const char* kLs1 = "a0bce76c-ee01-40b9-9d8d-c155edb2fb39";

std::shared_ptr<const Bundle> bundled(const std::string& name) {
    return Bundle::load((test::bundled_corpora() / name).string());
}

std::vector<std::int64_t> set_ids(const std::vector<const NbSampleCollector*>& collectors) {
    std::vector<std::int64_t> ids;
    for (const auto* c : collectors) ids.push_back(c->set_id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// A bundle with drop-debug sampling: NB_Global debug_drop_domain_id 5, Sampling_App drop 1,
// and the ls_in_acl_action drop flow of the 26.03 talk turned into a sampling drop.
class DropDebugBundle {
public:
    DropDebugBundle() : dir_(fs::temp_directory_path() / ("ovnsim-drop-debug-" + std::to_string(::getpid()))) {
        fs::create_directories(dir_ / "nb");
        fs::create_directories(dir_ / "sb");
        write("lflows-uuid.txt",
              "Datapath: \"ls1\" (a0bce76c-ee01-40b9-9d8d-c155edb2fb39)  Pipeline: ingress\n"
              "  uuid=0x7f8049dc, table=11(ls_in_acl_action   ), priority=1000 , match=(reg8[17] == 1), "
              "action=(reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; "
              "sample(probability=65535,collector_set=123,obs_domain=1,obs_point=$cookie); /* drop */)\n"
              "  uuid=0x1a5bfb83, table=11(ls_in_acl_action   ), priority=0    , match=(1), "
              "action=(reg8[16] = 0; reg8[17] = 0; reg8[18] = 0; next;)\n");
        write("nb/NB_Global.txt",
              "_uuid               : aa3a51c5-86f9-4abb-b768-451b3912a496\n"
              "options             : {debug_drop_collector_set=\"123\", debug_drop_domain_id=\"5\", "
              "northd_internal_version=\"26.03.2-21.8.0-82.14\"}\n");
        write("nb/Sampling_App.txt",
              "_uuid               : 41b74911-0839-44fe-a697-266854fc6244\nexternal_ids        : {}\n"
              "id                  : 1\ntype                : drop\n");
        fs::copy_file(test::bundled_corpora() / "ovn-26.03/talk/sb/Datapath_Binding.txt",
                      dir_ / "sb/Datapath_Binding.txt");
        bundle = Bundle::load(dir_.string());
    }
    ~DropDebugBundle() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
    std::shared_ptr<const Bundle> bundle;

private:
    void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
    fs::path dir_;
};

}  // namespace

TEST_CASE("Decoding the talk's ids (26.03, two collectors)") {
    const auto bundle = bundled("ovn-26.03/talk");
    const SampleDecoder decoder(*bundle);

    const DecodedSample syn = decoder.decode(0x2a000001, 1011);
    CHECK(syn.decoded());
    CHECK(syn.app == SampleApp::acl_new);
    CHECK(syn.app_id == 42);
    CHECK(syn.datapath_key == 1u);
    CHECK(syn.datapath_name == "ls1");
    REQUIRE(syn.sample != nullptr);
    CHECK(syn.sample->metadata == 1011);
    CHECK(set_ids(syn.sample->collectors) == std::vector<std::int64_t>{100, 200});
    REQUIRE(syn.acls.size() == 1);
    CHECK(syn.acls.front()->uuid.to_string() == kAcl3);
    CHECK(syn.message ==
          "Allowed by ACL 878ba823-18e7-4494-9dc2-d1314021e34b (allow-related, from-lport, priority 2000, match: "
          "inport == \"vif1\" && ip4.dst == 10.244.2.6)");
    CHECK(syn.notes.empty());

    const DecodedSample ack = decoder.decode(0x2b000001, 1012);
    CHECK(ack.decoded());
    CHECK(ack.app == SampleApp::acl_est);
    REQUIRE(ack.sample != nullptr);
    CHECK(ack.sample->metadata == 1012);
    REQUIRE(ack.acls.size() == 1);
    CHECK(ack.acls.front()->uuid.to_string() == kAcl3);
}

TEST_CASE("Decoding ids that match nothing says why") {
    const auto bundle = bundled("ovn-26.03/talk");
    const SampleDecoder decoder(*bundle);
    SUBCASE("a deleted or changed ACL") {
        const DecodedSample d = decoder.decode(0x2a000001, 4242);
        CHECK_FALSE(d.decoded());
        CHECK(d.errors == std::vector<std::string>{
                              "no Sample with metadata 4242: the ACL changed or was deleted while a connection still "
                              "carries the old id"});
        CHECK(d.acls.empty());
    }
    SUBCASE("an app id no Sampling_App has") {
        const DecodedSample d = decoder.decode(0x07000001, 1011);
        CHECK_FALSE(d.decoded());
        CHECK(d.errors == std::vector<std::string>{"unknown app ID: 7 (Sampling_App acl-new=42, acl-est=43)"});
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes.front().find("Sampling_App ids may have changed") != std::string::npos);
        CHECK(d.acls.size() == 1);
    }
    SUBCASE("the est app on a Sample that is only a sample_new") {
        const DecodedSample d = decoder.decode(0x2b000001, 1011);
        CHECK(d.errors == std::vector<std::string>{"expected 1 ACL, got 0"});
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes.front().find("is the sample_new of ACL 878ba823") != std::string::npos);
    }
    SUBCASE("a datapath key the bundle does not have: decoded, like OVN-Kubernetes, with a note") {
        const DecodedSample d = decoder.decode(0x2a000009, 1011);
        CHECK(d.decoded());
        CHECK(d.datapath == nullptr);
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes.front().find("datapath key 9 is not in this bundle") != std::string::npos);
    }
    SUBCASE("app 0 without a labelled ACL") {
        const DecodedSample d = decoder.decode(0x00000001, 77);
        CHECK_FALSE(d.decoded());
        CHECK(d.errors.front().starts_with("unknown app ID: 0, and 0 ACLs have label 77"));
    }
}

TEST_CASE("Decoding a labelled ACL's samples (obs_domain app 0, obs_point = label)") {
    const auto bundle = Bundle::load((test::source_dir() / "tests/lint/label-overrides-sample").string());
    const DecodedSample d = SampleDecoder(*bundle).decode(0x00000001, 77);
    CHECK(d.decoded());
    REQUIRE(d.acls.size() == 1);
    CHECK(d.acls.front()->uuid.to_string() == kAcl3);
    CHECK(d.acls.front()->label == 77);
    CHECK(d.notes.front().find("label 77 replaced the Sample ids") != std::string::npos);
}

TEST_CASE("Decoding drop-debug samples: logical flow cookies and ovn-controller's tables") {
    const DropDebugBundle drop;
    const SampleDecoder decoder(*drop.bundle);
    SUBCASE("a logical drop flow, by its cookie") {
        const DecodedSample d = decoder.decode(0x01000001, 0x7f8049dc);
        CHECK(d.decoded());
        CHECK(d.app == SampleApp::drop);
        REQUIRE(d.drop_flows.size() == 1);
        CHECK(d.drop_flows.front()->priority == 1000);
        CHECK(d.message == "Dropped by logical flow 0x7f8049dc (ls_in_acl_action, priority 1000, match (reg8[17] == 1))");
    }
    SUBCASE("a cookie no flow has") {
        const DecodedSample d = decoder.decode(0x01000001, 0xdeadbeef);
        CHECK_FALSE(d.decoded());
        CHECK(d.errors.front().starts_with("no logical flow has cookie 0xdeadbeef"));
    }
    SUBCASE("the loopback check of 26.03 (OpenFlow table 47)") {
        const DecodedSample d = decoder.decode(0x05000000, 47);
        CHECK(d.decoded());
        CHECK(d.app == SampleApp::drop);
        REQUIRE(d.physical_drop.has_value());
        CHECK(d.message.starts_with("Dropped: dropped by the loopback check (OpenFlow table 47)"));
    }
    SUBCASE("the physical input and output tables") {
        CHECK(decoder.decode(0x05000000, 0).message.starts_with("Dropped: dropped on entry (OpenFlow table 0)"));
        CHECK(decoder.decode(0x05000000, 65).message.starts_with("Dropped: dropped on output (OpenFlow table 65)"));
        CHECK(decoder.decode(0x05000000, 46).message.starts_with("Dropped: dropped by the local output table"));
    }
    SUBCASE("a table this release is not known to drop in") {
        const DecodedSample d = decoder.decode(0x05000000, 12);
        REQUIRE(d.physical_drop.has_value());
        CHECK_FALSE(d.physical_drop->known_table);
    }
}

TEST_CASE("Decorating drop-debug samples: with the flow's cookie, and without one") {
    const DropDebugBundle drop;
    const SampleDecorator decorator(*drop.bundle);
    const DumpFlow* flow = &drop.bundle->dump().flows.front();
    const SampleReport with_cookie =
        decorator.decorate({"ls_in_acl_action", 65535, 123, 1, 0x7f8049dcu, kLs1, std::nullopt, flow});
    CHECK(with_cookie.decoded.decoded());
    CHECK(with_cookie.decoded.obs_domain_id == 0x01000001u);
    CHECK(with_cookie.decoded.app == SampleApp::drop);
    CHECK(with_cookie.decoded.drop_flows == std::vector<const DumpFlow*>{flow});
    CHECK(with_cookie.collectors.empty());  // debug drop collector sets are no Sample_Collector
    CHECK(with_cookie.notes.front() == "no Sample_Collector has set_id 123");

    const SampleReport without =
        decorator.decorate({"ls_in_acl_action", 65535, 123, 1, std::nullopt, kLs1, std::nullopt, flow});
    CHECK_FALSE(without.decoded.decoded());
    CHECK_FALSE(without.decoded.obs_point_known);
    CHECK(without.decoded.app == SampleApp::drop);
    CHECK(without.decoded.errors.front().starts_with("obs_point_id unknown"));
    CHECK(sample_report_json(without)["obs_point_id"].is_null());
}

TEST_CASE("Physical drop tables follow the release") {
    const OvnVersion v24{24, 9, 3, "test"};
    const OvnVersion v26{26, 3, 2, "test"};
    CHECK(describe_physical_drop(44, v24).message.starts_with("dropped by the loopback check (OpenFlow table 44)"));
    CHECK(describe_physical_drop(47, v26).message.starts_with("dropped by the loopback check (OpenFlow table 47)"));
    CHECK_FALSE(describe_physical_drop(47, v24).known_table);
    CHECK_FALSE(describe_physical_drop(47, std::nullopt).known_table);
    CHECK(describe_physical_drop(0, std::nullopt).known_table);
}

TEST_CASE("Decorating the engine's sample events of the talk") {
    const auto bundle = bundled("ovn-26.03/talk");
    const SampleDecorator decorator(*bundle);

    RawSampleEvent syn{"ls_in_acl_sample", 65535, 100, 42, 1011, kLs1, std::nullopt, nullptr};
    const SampleReport report = decorator.decorate(syn);
    CHECK(report.stage == "ls_in_acl_sample");
    CHECK(report.collector_set == 100);
    CHECK(report.probability_percent == doctest::Approx(100.0));
    CHECK(report.decoded.obs_domain_id == 0x2a000001u);
    CHECK(report.decoded.app == SampleApp::acl_new);
    REQUIRE(report.decoded.acls.size() == 1);
    CHECK(report.decoded.acls.front()->uuid.to_string() == kAcl3);
    REQUIRE(report.decoded.sample != nullptr);
    CHECK(report.decoded.sample->metadata == 1011);
    REQUIRE(report.collectors.size() == 1);
    CHECK(report.collectors.front()->name == "c1");
    REQUIRE(report.notes.size() == 1);
    CHECK(report.notes.front().find("Flow_Sample_Collector_Set with id 100") != std::string::npos);

    SUBCASE("the other collector of the same flow") {
        syn.collector_set = 200;
        const SampleReport second = decorator.decorate(syn);
        REQUIRE(second.collectors.size() == 1);
        CHECK(second.collectors.front()->name == "c2");
    }
    SUBCASE("the SYN+ACK, sampled in the egress pipeline with the est app") {
        const SampleReport reply =
            decorator.decorate({"ls_out_acl_sample", 65535, 200, 43, 1012, "ls1", std::nullopt, nullptr});
        CHECK(reply.decoded.obs_domain_id == 0x2b000001u);
        CHECK(reply.decoded.app == SampleApp::acl_est);
        CHECK(reply.decoded.acls.front()->uuid.to_string() == kAcl3);
    }
    SUBCASE("a datapath the bundle does not know: the key stays unknown, with a note") {
        const SampleReport unknown =
            decorator.decorate({"ls_in_acl_sample", 65535, 100, 42, 1011, "elsewhere", std::nullopt, nullptr});
        CHECK_FALSE(unknown.decoded.datapath_key.has_value());
        CHECK(unknown.decoded.obs_domain_id == 0x2a000000u);
        CHECK(unknown.decoded.decoded());
        CHECK(unknown.notes.front().find("tunnel key is not in this bundle") != std::string::npos);
    }
    SUBCASE("the text forms") {
        CHECK(sample_report_line(report) ==
              "acl-new (0x2a000001, 1011) to collector set 100 at 100%: " + report.decoded.message);
        const std::string text = format_sample_report(report);
        CHECK(text.starts_with("sample ls_in_acl_sample: collector_set 100, probability 65535 (100%)\n"));
        CHECK(text.find("  collectors:    c1 (id 1, set_id 100, probability 65535)\n") != std::string::npos);
    }
    SUBCASE("the JSON form") {
        const nlohmann::json json = sample_report_json(report);
        CHECK(json["stage"] == "ls_in_acl_sample");
        CHECK(json["collector_set"] == 100);
        CHECK(json["probability"]["raw"] == 65535);
        CHECK(json["probability"]["percent"] == 100.0);
        CHECK(json["obs_domain_id"] == 0x2a000001);
        CHECK(json["obs_domain_id_hex"] == "0x2a000001");
        CHECK(json["app_id"] == 42);
        CHECK(json["datapath_key"] == 1);
        CHECK(json["obs_point_id"] == 1011);
        CHECK(json["app"] == "acl-new");
        CHECK(json["sample"]["metadata"] == 1011);
        CHECK(json["collectors"].size() == 1);
        CHECK(json["collectors"][0]["set_id"] == 100);
        CHECK(json["acl"]["uuid"] == kAcl3);
        CHECK(json["message"] == report.decoded.message);
        CHECK(json["decoded"] == true);
        CHECK(json["notes"].size() == 1);
    }
}

TEST_CASE("Decorating the shared-flow samples of talk-one-collector (26.03)") {
    const auto bundle = bundled("ovn-26.03/talk-one-collector");
    const SampleDecorator decorator(*bundle);
    const SampleReport syn = decorator.decorate({"ls_in_acl_sample", 65535, 100, 42, 1011, kLs1, 1u, nullptr});
    CHECK(syn.decoded.obs_domain_id == 0x2a000001u);
    CHECK(syn.decoded.app == SampleApp::acl_new);
    REQUIRE(syn.decoded.sample != nullptr);
    CHECK(set_ids(syn.decoded.sample->collectors) == std::vector<std::int64_t>{100});
    const SampleReport ack = decorator.decorate({"ls_in_acl_sample", 65535, 100, 43, 1012, kLs1, 1u, nullptr});
    CHECK(ack.decoded.app == SampleApp::acl_est);
    CHECK(ack.decoded.decoded());
}
