#pragma once
// A bundle: what ovnsim reads about one OVN deployment. Either a directory (layout in
// corpora/README.md: `lflows.txt` (or `lflows-uuid.txt`, preferred: it adds flow uuids) required; `nb/<Table>.txt|json`, `sb/<Table>.txt|json`,
// `nb.db`, `sb.db` optional; any of them may be `.xz`-compressed) or a single
// `ovn-sbctl dump-flows` file.
//
// The dump is read when the bundle is loaded; the NB and SB tables on first use, table by
// table (sim/bundle_side.hpp), so that a command that needs only flow counts never parses
// listings, and a trace never builds the table that grows with the flows: it reads the SB
// model of the other tables (sb_without_logical_flows()) and looks Logical_Flow and ACL
// rows up one at a time (sb_logical_flows(), nb_acl_rows()). Per table the loader prefers
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
#include "sim/bundle_side.hpp"
#include "sim/logical_flows.hpp"
#include "sim/nb_acl_rows.hpp"
#include "sim/nb_model.hpp"
#include "sim/sb_logical_flow_rows.hpp"
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

    // The NB / SB models of every table, read on first use (empty models when the bundle
    // has no tables). Throws InputError for a bad listing or database file.
    const NbModel& nb() const;
    const SbModel& sb() const;
    bool has_nb() const { return !nb_.empty(); }
    bool has_sb() const { return !sb_.empty(); }

    // The SB model of every table but Logical_Flow (its logical_flows empty, has_table
    // ("Logical_Flow") false): topology, sets and load balancers without the 100 000 rows
    // a large dump's flows have.
    const SbModel& sb_without_logical_flows() const;
    // SB Logical_Flow and NB ACL rows looked up one at a time.
    const SbLogicalFlowRows& sb_logical_flows() const;
    const NbAclRows& nb_acl_rows() const;

    // Whether the bundle has the table (a listing, or the database file's schema).
    bool has_nb_table(std::string_view table) const { return nb_.has(table); }
    bool has_sb_table(std::string_view table) const { return sb_.has(table); }
    // One table read whole, or its rows one by one; nullptr when absent.
    const OvsdbTable* nb_table(std::string_view table) const { return nb_.table(table); }
    const OvsdbTable* sb_table(std::string_view table) const { return sb_.table(table); }
    const OvsdbRowIndex* nb_rows(std::string_view table) const { return nb_.rows(table); }
    const OvsdbRowIndex* sb_rows(std::string_view table) const { return sb_.rows(table); }

    // The tables behind nb() / sb(), and the file each came from.
    const OvsdbDatabase& nb_database() const { return nb_.all(); }
    const OvsdbDatabase& sb_database() const { return sb_.all(); }

    Bundle(BundleFiles files, LogicalFlows flows);

private:
    BundleFiles files_;
    LogicalFlows flows_;
    BundleSide nb_, sb_;
    mutable std::once_flag nb_once_, sb_once_, sb_core_once_, flow_rows_once_, acl_rows_once_;
    mutable NbModel nb_model_;
    mutable SbModel sb_model_, sb_core_;
    mutable std::unique_ptr<SbLogicalFlowRows> flow_rows_;
    mutable std::unique_ptr<NbAclRows> acl_rows_;
};

// Reads the tables of one side: per table the first of its listings, then every table
// the database file has that no listing gave.
OvsdbDatabase read_bundle_tables(const std::map<std::string, std::vector<std::string>, std::less<>>& listings,
                                 const std::optional<std::string>& database_file);

}  // namespace ovnsim
