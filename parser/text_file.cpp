#include "parser/text_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "parser/source_location.hpp"
#include "parser/xz_decompress.hpp"

namespace ovnsim {
namespace {

// Length of the UTF-8 sequence starting at p (1..4), or 0 when it is invalid.
std::size_t utf8_sequence_length(const unsigned char* p, const unsigned char* end) {
    const unsigned char c = *p;
    std::size_t n;
    unsigned min;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000;
    else return 0;
    if (static_cast<std::size_t>(end - p) < n) return 0;
    unsigned cp = c & (0xFF >> (n + 1));
    for (std::size_t i = 1; i < n; ++i) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

}  // namespace

void check_text_encoding(std::string_view text, const std::string& path) {
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    const auto* p = begin;
    while (p < end) {
        // Fast path: eight ASCII bytes without NUL at a time.
        if (end - p >= 8) {
            std::uint64_t word;
            std::memcpy(&word, p, 8);
            const bool ascii = (word & 0x8080808080808080ULL) == 0;
            const bool has_zero = ((word - 0x0101010101010101ULL) & ~word & 0x8080808080808080ULL) != 0;
            if (ascii && !has_zero) {
                p += 8;
                continue;
            }
        }
        if (*p == 0) {
            throw InputError(path, locate(text, p - begin), "binary data (NUL byte): not a text dump");
        }
        const auto n = utf8_sequence_length(p, end);
        if (n == 0) {
            throw InputError(path, locate(text, p - begin), "invalid UTF-8 byte sequence");
        }
        p += n;
    }
}

std::shared_ptr<const TextFile> TextFile::read(const std::string& path) {
    std::shared_ptr<TextFile> file(new TextFile());
    file->path_ = path;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw InputError(path, {}, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        throw InputError(path, {}, std::string("cannot stat: ") + std::strerror(err));
    }
    if (S_ISDIR(st.st_mode)) {
        ::close(fd);
        throw InputError(path, {}, "is a directory, expected a file");
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0) {
        void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            ::madvise(map, static_cast<std::size_t>(st.st_size), MADV_SEQUENTIAL);
            file->mapping_ = map;
            file->mapping_size_ = static_cast<std::size_t>(st.st_size);
            file->text_ = std::string_view(static_cast<const char*>(map), file->mapping_size_);
        }
    }
    if (file->mapping_ == nullptr) {  // pipes, /proc files, or mmap refused
        std::string data;
        char buf[65536];
        for (;;) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n < 0) {
                if (errno == EINTR) continue;
                const int err = errno;
                ::close(fd);
                throw InputError(path, {}, std::string("read error: ") + std::strerror(err));
            }
            if (n == 0) break;
            data.append(buf, static_cast<std::size_t>(n));
        }
        file->owned_ = std::move(data);
        file->text_ = file->owned_;
    }
    ::close(fd);
    if (path.size() > 3 && path.compare(path.size() - 3, 3, ".xz") == 0) {
        std::string text = xz_decompress(file->text_, path);
        if (file->mapping_ != nullptr) {
            ::munmap(file->mapping_, file->mapping_size_);
            file->mapping_ = nullptr;
        }
        file->owned_ = std::move(text);
        file->text_ = file->owned_;
    }
    check_text_encoding(file->text_, path);
    return file;
}

std::shared_ptr<const TextFile> TextFile::from_string(std::string name, std::string text) {
    std::shared_ptr<TextFile> file(new TextFile());
    file->path_ = std::move(name);
    file->owned_ = std::move(text);
    file->text_ = file->owned_;
    check_text_encoding(file->text_, file->path_);
    return file;
}

TextFile::~TextFile() {
    if (mapping_ != nullptr) ::munmap(mapping_, mapping_size_);
}

}  // namespace ovnsim
