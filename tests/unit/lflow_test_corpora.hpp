#pragma once
// The lflow dumps of the shared corpora for the dump, model and stats tests: every
// lflows*.txt, plus the .txt.xz dumps decompressed once per test run into a temp dir.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "parser/text_file.hpp"

namespace ovnsim::test {

// Plain-text dumps (lflows.txt, lflows-uuid.txt) under `corpora`, sorted.
inline std::vector<std::filesystem::path> plain_lflow_dumps(const std::filesystem::path& corpora) {
    std::vector<std::filesystem::path> dumps;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && name.starts_with("lflows") && name.ends_with(".txt")) dumps.push_back(entry.path());
    }
    std::sort(dumps.begin(), dumps.end());
    return dumps;
}

// Compressed dumps (lflows*.txt.xz) under `corpora`, sorted.
inline std::vector<std::filesystem::path> compressed_lflow_dumps(const std::filesystem::path& corpora) {
    std::vector<std::filesystem::path> dumps;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(corpora)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && name.starts_with("lflows") && name.ends_with(".txt.xz")) dumps.push_back(entry.path());
    }
    std::sort(dumps.begin(), dumps.end());
    return dumps;
}

// A per-process temp dir, removed at exit.
class TempDir {
public:
    TempDir() : path_(std::filesystem::temp_directory_path() / ("ovnsim-unit-" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// `xz -dc xz_file` into the temp dir (once per file and run); returns the decompressed path.
inline std::filesystem::path decompressed(const std::filesystem::path& xz_file) {
    static TempDir dir;
    static std::map<std::filesystem::path, std::filesystem::path> done;
    if (const auto it = done.find(xz_file); it != done.end()) return it->second;
    const auto relative = std::filesystem::relative(xz_file, xz_file.parent_path().parent_path().parent_path());
    auto name = relative.string();
    std::replace(name.begin(), name.end(), '/', '_');
    const auto out = dir.path() / name.substr(0, name.size() - 3);  // drop ".xz"
    const std::string command = "xz -dc '" + xz_file.string() + "' > '" + out.string() + "'";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
    return done[xz_file] = out;
}

// Synthetic input for format edge cases and bad input.
inline std::shared_ptr<const TextFile> text(std::string content, std::string name = "dump.txt") {
    return TextFile::from_string(std::move(name), std::move(content));
}

}  // namespace ovnsim::test
