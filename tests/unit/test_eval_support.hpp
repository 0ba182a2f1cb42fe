#pragma once
// Small dumps written in the tests themselves, as bundles without tables.
#include <memory>
#include <string>

#include "parser/lflow_dump.hpp"
#include "parser/text_file.hpp"
#include "sim/bundle.hpp"

namespace ovnsim::test {

// A bundle of one `ovn-sbctl dump-flows` text (named "test-lflows.txt" in errors).
inline std::shared_ptr<const Bundle> bundle_of(std::string dump_text) {
    auto file = TextFile::from_string("test-lflows.txt", std::move(dump_text));
    BundleFiles files;
    files.root = "test-lflows.txt";
    files.lflows = "test-lflows.txt";
    return std::make_shared<const Bundle>(std::move(files), LogicalFlows::from_dump(parse_lflow_dump(file)));
}

inline std::string datapath_header(std::string_view name, std::string_view uuid, std::string_view pipeline) {
    return "Datapath: \"" + std::string(name) + "\" (" + std::string(uuid) + ")  Pipeline: " + std::string(pipeline) +
           "\n";
}

// `  table=N (stage), priority=P, match=(M), action=(A)` as ovn-sbctl pads it.
inline std::string flow_line(int table, std::string_view stage, int priority, std::string_view match,
                             std::string_view actions) {
    char head[96];
    std::snprintf(head, sizeof head, "  table=%-2d(%-19s), priority=%-5d, ", table, std::string(stage).c_str(), priority);
    return std::string(head) + "match=(" + std::string(match) + "), action=(" + std::string(actions) + ")\n";
}

}  // namespace ovnsim::test
