#pragma once
// Paths to the bundled corpora (corpora/) and to the shared reference corpora
// (../shared/corpora, or $OVNSIM_SHARED_CORPORA). Tests that need the shared ones call
// shared_corpora_or_skip() and return when it yields nothing: ctest reports them skipped.
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>

namespace ovnsim::test {

inline std::filesystem::path source_dir() { return OVNSIM_SOURCE_DIR; }
inline std::filesystem::path bundled_corpora() { return source_dir() / "corpora"; }

inline std::optional<std::filesystem::path> shared_corpora() {
    if (const char* env = std::getenv("OVNSIM_SHARED_CORPORA")) {
        if (std::filesystem::is_directory(env)) return std::filesystem::path(env);
    }
    const auto p = source_dir().parent_path() / "shared" / "corpora";
    if (std::filesystem::is_directory(p)) return p;
    return std::nullopt;
}

inline std::optional<std::filesystem::path> shared_corpora_or_skip() {
    auto p = shared_corpora();
    if (!p) std::cout << "SKIPPED: ../shared/corpora is absent (set OVNSIM_SHARED_CORPORA)\n";
    return p;
}

}  // namespace ovnsim::test
