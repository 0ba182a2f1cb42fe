#pragma once
// A bundle: what ovnsim reads about one OVN deployment. Either a directory (layout in
// corpora/README.md: `lflows.txt` (or `lflows-uuid.txt`, preferred: it adds flow uuids) required; `nb/<Table>.txt|json`, `sb/<Table>.txt|json`,
// `nb.db`, `sb.db` optional; any of them may be `.xz`-compressed) or a single
// `ovn-sbctl dump-flows` file.
//
// The dump is read when the bundle is loaded; the NB and SB tables on first use, so that a
// command that needs only flow counts never parses listings. Per table the loader prefers
// `<T>.json`, then `<T>.txt`, then the database file.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "parser/lflow_dump.hpp"
#include "parser/source_location.hpp"
#include "sim/logical_flows.hpp"
#include "sim/nb_model.hpp"
#include "sim/sb_model.hpp"

namespace ovnsim {

// Where each part of a bundle comes from.
struct BundleFiles {
    std::string root;    // the directory, or the dump file itself
    std::string lflows;  // the dump
    // Table name -> the listings found for it (json first, then txt).
    std::map<std::string, std::vector<std::string>, std::less<>> nb_tables;
    std::map<std::string, std::vector<std::string>, std::less<>> sb_tables;
    std::optional<std::string> nb_db;
    std::optional<std::string> sb_db;
    std::optional<std::string> count_flows;  // sb/count-flows.txt, for checks
};

class Bundle {
public:
    // Loads `path` (a bundle directory or a dump file). Throws InputError: missing or
    // unreadable lflows.txt, an unknown table file (`nb/Foo.txt`), a bad dump line.
    static std::shared_ptr<const Bundle> load(const std::string& path);

    // Finds the files of the bundle at `path` without reading them. Throws InputError for
    // a missing dump or an unknown table file.
    static BundleFiles locate(const std::string& path);

    const std::string& path() const { return files_.root; }
    const BundleFiles& files() const { return files_; }
    const LogicalFlows& flows() const { return flows_; }
    const LflowDump& dump() const { return flows_.dump(); }

    // The NB / SB models, read on first use (empty models when the bundle has no tables).
    // Throws InputError for a bad listing or database file.
    const NbModel& nb() const;
    const SbModel& sb() const;
    bool has_nb() const { return !files_.nb_tables.empty() || files_.nb_db.has_value(); }
    bool has_sb() const { return !files_.sb_tables.empty() || files_.sb_db.has_value(); }

    // The tables behind nb() / sb(), and the file each came from.
    const OvsdbDatabase& nb_database() const;
    const OvsdbDatabase& sb_database() const;

    Bundle(BundleFiles files, LogicalFlows flows);

private:
    BundleFiles files_;
    LogicalFlows flows_;
    mutable std::once_flag nb_once_, sb_once_;
    mutable OvsdbDatabase nb_database_, sb_database_;
    mutable NbModel nb_;
    mutable SbModel sb_;
};

// Reads the tables of one side: per table the first of its listings, then every table
// the database file has that no listing gave.
OvsdbDatabase read_bundle_tables(const std::map<std::string, std::vector<std::string>, std::less<>>& listings,
                                 const std::optional<std::string>& database_file);

}  // namespace ovnsim
