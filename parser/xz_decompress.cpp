#include "parser/xz_decompress.hpp"

#include <cstdint>
#include <optional>

#include <lzma.h>

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

// The uncompressed size a single-stream .xz file records in its index (read from the end:
// stream footer, then index), so that the output is allocated once; nullopt for anything
// else (several streams, padding, damage), which the decoder then handles or reports.
std::optional<std::uint64_t> recorded_size(std::string_view data) {
    if (data.size() < 2 * LZMA_STREAM_HEADER_SIZE) return std::nullopt;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
    lzma_stream_flags footer;
    if (lzma_stream_footer_decode(&footer, bytes + data.size() - LZMA_STREAM_HEADER_SIZE) != LZMA_OK)
        return std::nullopt;
    if (footer.backward_size > data.size() - 2 * LZMA_STREAM_HEADER_SIZE) return std::nullopt;
    const std::size_t index_start = data.size() - LZMA_STREAM_HEADER_SIZE - footer.backward_size;
    lzma_index* index = nullptr;
    std::uint64_t memlimit = UINT64_MAX;
    std::size_t pos = index_start;
    if (lzma_index_buffer_decode(&index, &memlimit, nullptr, bytes, &pos, index_start + footer.backward_size) !=
        LZMA_OK)
        return std::nullopt;
    const std::uint64_t size = lzma_index_uncompressed_size(index);
    const bool whole_file = lzma_index_file_size(index) == data.size();
    lzma_index_end(index, nullptr);
    if (!whole_file) return std::nullopt;
    return size;
}

}  // namespace

std::string xz_decompress(std::string_view data, const std::string& path) {
    lzma_stream stream = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&stream, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
        throw InputError(path, {}, "cannot start the xz decoder");
    }
    std::string out;
    // One byte more than recorded: the decoder then ends with room to spare, not with a full
    // buffer that the loop below would double.
    const auto size = recorded_size(data);
    out.resize(size ? *size + 1 : data.size() * 6 + 4096);
    stream.next_in = reinterpret_cast<const std::uint8_t*>(data.data());
    stream.avail_in = data.size();
    lzma_ret ret = LZMA_OK;
    while (ret == LZMA_OK) {
        if (stream.total_out == out.size()) out.resize(out.size() * 2);
        stream.next_out = reinterpret_cast<std::uint8_t*>(out.data()) + stream.total_out;
        stream.avail_out = out.size() - stream.total_out;
        ret = lzma_code(&stream, LZMA_FINISH);
    }
    out.resize(stream.total_out);
    lzma_end(&stream);
    if (ret != LZMA_STREAM_END) {
        const char* why = ret == LZMA_FORMAT_ERROR ? "not an xz file"
                          : ret == LZMA_DATA_ERROR ? "corrupt xz data"
                          : ret == LZMA_BUF_ERROR  ? "truncated xz file"
                                                   : "xz decompression failed";
        throw InputError(path, {}, why);
    }
    return out;
}

}  // namespace ovnsim
