#pragma once
// Finding the NB/SB table listings and database files of ../shared/corpora, with `.xz`
// files decompressed (once per test run) into a private temporary directory.
#include <cstdlib>
#include <filesystem>
#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

namespace ovnsim::test {

class DecompressedCorpus {
public:
    static DecompressedCorpus& instance() {
        static DecompressedCorpus corpus;
        return corpus;
    }

    // `path` itself, or for `X.xz` the path of X decompressed into the temporary directory.
    std::filesystem::path readable(const std::filesystem::path& path) {
        if (path.extension() != ".xz") return path;
        auto& cached = cache_[path.string()];
        if (cached.empty()) {
            cached = dir_ / (std::to_string(cache_.size()) + "-" + path.stem().filename().string());
            const std::string command = "xz -dc '" + path.string() + "' > '" + cached.string() + "'";
            if (std::system(command.c_str()) != 0) throw std::runtime_error("cannot run: " + command);
        }
        return cached;
    }

    ~DecompressedCorpus() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

private:
    DecompressedCorpus()
        : dir_(std::filesystem::temp_directory_path() / ("ovnsim-ovsdb-tests-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(dir_);
    }
    std::filesystem::path dir_;
    std::map<std::string, std::filesystem::path> cache_;
};

inline std::filesystem::path readable(const std::filesystem::path& path) {
    return DecompressedCorpus::instance().readable(path);
}

// "ACL.txt.xz" -> "ACL.txt"
inline std::string name_without_xz(const std::filesystem::path& path) {
    return path.extension() == ".xz" ? path.stem().string() : path.filename().string();
}

struct ListingFile {
    std::filesystem::path path;  // as in the corpus (maybe .xz)
    std::string table;           // "ACL"
    std::string format;          // ".txt" or ".json"
};

// Every nb/<Table>.{txt,json}[.xz] and sb/<Table>.{txt,json}[.xz] under `root` (table
// names start with a capital letter: show.txt and count-flows.txt are not listings).
inline std::vector<ListingFile> listing_files(const std::filesystem::path& root) {
    std::vector<ListingFile> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const auto dir = entry.path().parent_path().filename();
        if (dir != "nb" && dir != "sb") continue;
        const std::filesystem::path name = name_without_xz(entry.path());
        const std::string table = name.stem().string();
        if (table.empty() || !(table[0] >= 'A' && table[0] <= 'Z')) continue;
        if (name.extension() != ".txt" && name.extension() != ".json") continue;
        files.push_back({entry.path(), table, name.extension().string()});
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return files;
}

// Every nb.db / sb.db (maybe .xz) of a bundle under `root`.
inline std::vector<std::filesystem::path> database_files(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string name = name_without_xz(entry.path());
        if (entry.is_regular_file() && (name == "nb.db" || name == "sb.db")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace ovnsim::test

#include "parser/ovsdb_listing.hpp"

namespace ovnsim::test {

// The listings of one bundle directory (nb/ or sb/) as a database, reading `format`
// (".txt" or ".json") where a table has it and the other format otherwise.
inline OvsdbDatabase load_listing_dir(const std::filesystem::path& dir, const std::string& format = ".txt") {
    std::map<std::string, ListingFile> chosen;
    for (const auto& listing : listing_files(dir)) {
        if (listing.path.parent_path() != dir) continue;
        auto [it, inserted] = chosen.emplace(listing.table, listing);
        if (!inserted && listing.format == format) it->second = listing;
    }
    OvsdbDatabase database;
    for (const auto& [table, listing] : chosen) {
        database.add(parse_ovsdb_listing(*TextFile::read(readable(listing.path).string()), table));
    }
    return database;
}

}  // namespace ovnsim::test
