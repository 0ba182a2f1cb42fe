#pragma once
// One input file read into memory once. Parsers keep string_views into it, so the
// TextFile must outlive every IR struct that points into it (the Bundle owns both).
#include <memory>
#include <string>
#include <string_view>

namespace ovnsim {

class TextFile {
public:
    // Reads `path` (mmap where possible). Throws InputError when the file cannot be read,
    // holds a NUL byte or is not valid UTF-8 (the error names line and column). An empty
    // file is returned as such: whether that is an error is the caller's call. A path
    // ending in `.xz` is decompressed (errors name the file).
    static std::shared_ptr<const TextFile> read(const std::string& path);
    // Wraps text that did not come from disk (tests, Python strings, stdin).
    static std::shared_ptr<const TextFile> from_string(std::string name, std::string text);

    const std::string& path() const noexcept { return path_; }
    std::string_view text() const noexcept { return text_; }

    ~TextFile();
    TextFile(const TextFile&) = delete;
    TextFile& operator=(const TextFile&) = delete;

private:
    TextFile() = default;
    std::string path_;
    std::string_view text_;
    std::string owned_;           // used when the text is not mapped
    void* mapping_ = nullptr;     // mmap'ed region, or null
    std::size_t mapping_size_ = 0;
};

// Throws InputError for the first NUL byte or invalid UTF-8 sequence in `text`.
void check_text_encoding(std::string_view text, const std::string& path);

}  // namespace ovnsim
