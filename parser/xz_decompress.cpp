#include "parser/xz_decompress.hpp"

#include <lzma.h>

#include "parser/source_location.hpp"

namespace ovnsim {

std::string xz_decompress(std::string_view data, const std::string& path) {
    lzma_stream stream = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&stream, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
        throw InputError(path, {}, "cannot start the xz decoder");
    }
    std::string out;
    out.resize(data.size() * 6 + 4096);
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
