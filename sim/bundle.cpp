#include "sim/bundle.hpp"

#include <algorithm>

#include "parser/text_file.hpp"
#include "sim/ovn_table_names.hpp"

namespace ovnsim {
namespace fs = std::filesystem;
namespace {

bool has_suffix(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "ACL.json.xz" -> {"ACL", ".json"}; nullopt for names that are not listings.
std::optional<std::pair<std::string, std::string>> listing_name(std::string name) {
    if (has_suffix(name, ".xz")) name.resize(name.size() - 3);
    for (const char* ext : {".json", ".txt"}) {
        if (has_suffix(name, ext)) {
            const std::string_view e(ext);
            return std::pair{name.substr(0, name.size() - e.size()), std::string(e)};
        }
    }
    return std::nullopt;
}

std::optional<std::string> first_existing(const fs::path& dir, std::initializer_list<const char*> names) {
    for (const char* name : names) {
        if (fs::is_regular_file(dir / name)) return (dir / name).string();
    }
    return std::nullopt;
}

// Adds every table listing of `dir` to `tables`; files such as show.txt and
// count-flows.txt are known extras; anything else is an unknown table.
void locate_tables(const fs::path& dir, bool (*is_table)(std::string_view), const char* side,
                   std::map<std::string, std::vector<std::string>, std::less<>>& tables) {
    if (!fs::is_directory(dir)) return;
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(dir)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const auto& path : entries) {
        if (!fs::is_regular_file(path)) continue;
        const std::string file = path.filename().string();
        const auto listing = listing_name(file);
        if (!listing) continue;  // not a .txt/.json: READMEs, editor files
        const auto& [table, ext] = *listing;
        if (table == "show" || table == "count-flows") continue;
        if (!is_table(table)) {
            throw InputError(path.string(), {},
                             std::string("unknown table file: '") + table + "' is not a table of the OVN " + side +
                                 " schema (expected e.g. " + side + "/ACL.txt or " + side + "/ACL.json)");
        }
        auto& files = tables[table];
        files.push_back(path.string());
        // json before txt: JSON cells are typed.
        std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
            return (a.find(".json") != std::string::npos) > (b.find(".json") != std::string::npos);
        });
    }
}

}  // namespace

BundleFiles Bundle::locate(const std::string& path) {
    BundleFiles files;
    files.root = path;
    if (!fs::exists(path)) throw InputError(path, {}, "no such file or directory");
    if (!fs::is_directory(path)) {
        files.lflows = path;
        return files;
    }
    const fs::path dir(path);
    // The --uuid dump when present: it says the same and adds each flow's uuid.
    const auto lflows = first_existing(dir, {"lflows-uuid.txt", "lflows-uuid.txt.xz", "lflows.txt", "lflows.txt.xz"});
    if (!lflows) {
        throw InputError(path, {},
                         "not a bundle: no lflows.txt (write one with `ovn-sbctl dump-flows > lflows.txt`, "
                         "or collect a whole bundle with corpora/collect.sh)");
    }
    files.lflows = *lflows;
    locate_tables(dir / "nb", is_ovn_nb_table, "nb", files.nb_tables);
    locate_tables(dir / "sb", is_ovn_sb_table, "sb", files.sb_tables);
    files.nb_db = first_existing(dir, {"nb.db", "nb.db.xz"});
    files.sb_db = first_existing(dir, {"sb.db", "sb.db.xz"});
    files.count_flows = first_existing(dir / "sb", {"count-flows.txt", "count-flows.txt.xz"});
    return files;
}

std::shared_ptr<const Bundle> Bundle::load(const std::string& path) {
    BundleFiles files = locate(path);
    auto dump = std::make_shared<const LflowDump>(read_lflow_dump(files.lflows));
    return std::make_shared<const Bundle>(std::move(files), LogicalFlows(std::move(dump)));
}

Bundle::Bundle(BundleFiles files, LogicalFlows flows)
    : files_(std::move(files)),
      flows_(std::move(flows)),
      nb_(files_.nb_tables, files_.nb_db),
      sb_(files_.sb_tables, files_.sb_db) {}

OvsdbDatabase read_bundle_tables(const std::map<std::string, std::vector<std::string>, std::less<>>& listings,
                                 const std::optional<std::string>& database_file) {
    return BundleSide(listings, database_file).all();
}

const NbModel& Bundle::nb() const {
    std::call_once(nb_once_, [this] { nb_model_ = NbModel(nb_.all()); });
    return nb_model_;
}

const SbModel& Bundle::sb() const {
    std::call_once(sb_once_, [this] { sb_model_ = SbModel(sb_.all()); });
    return sb_model_;
}

const SbModel& Bundle::sb_without_logical_flows() const {
    std::call_once(sb_core_once_, [this] {
        sb_core_ = SbModel([this](std::string_view table) -> const OvsdbTable* {
            return table == "Logical_Flow" ? nullptr : sb_.table(table);
        });
    });
    return sb_core_;
}

const SbLogicalFlowRows& Bundle::sb_logical_flows() const {
    std::call_once(flow_rows_once_, [this] {
        flow_rows_ = std::make_unique<SbLogicalFlowRows>(sb_.rows("Logical_Flow"), sb_without_logical_flows());
    });
    return *flow_rows_;
}

const NbAclRows& Bundle::nb_acl_rows() const {
    std::call_once(acl_rows_once_, [this] { acl_rows_ = std::make_unique<NbAclRows>(nb_.rows("ACL")); });
    return *acl_rows_;
}

}  // namespace ovnsim
