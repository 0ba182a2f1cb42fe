// .xz input: single streams (sized from their index), concatenated streams, stream padding,
// and truncated or damaged files.
#include <doctest/doctest.h>

#include <lzma.h>

#include "parser/source_location.hpp"
#include "parser/xz_decompress.hpp"

using namespace ovnsim;

namespace {

std::string xz(const std::string& text) {
    std::string out(lzma_stream_buffer_bound(text.size()), '\0');
    std::size_t size = 0;
    REQUIRE(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const std::uint8_t*>(text.data()),
                                    text.size(), reinterpret_cast<std::uint8_t*>(out.data()), &size,
                                    out.size()) == LZMA_OK);
    out.resize(size);
    return out;
}

std::string sample_text(std::size_t lines) {
    std::string text;
    for (std::size_t i = 0; i < lines; ++i)
        text += "  table=" + std::to_string(i % 30) + "(ls_in_acl_eval), priority=" + std::to_string(1000 + i) +
                ", match=(ip4.src == 10.0." + std::to_string(i % 256) + ".1), action=(next;)\n";
    return text;
}

std::string error_of(const std::string& data) {
    try {
        xz_decompress(data, "lflows.txt.xz");
    } catch (const InputError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("xz files decompress whole, in one stream or several") {
    const std::string a = sample_text(20000), b = sample_text(3);
    CHECK(xz_decompress(xz(a), "x.xz") == a);
    CHECK(xz_decompress(xz(""), "x.xz").empty());
    CHECK(xz_decompress(xz(a) + xz(b), "x.xz") == a + b);
    CHECK(xz_decompress(xz(b) + std::string(8, '\0'), "x.xz") == b);  // stream padding
}

TEST_CASE("truncated or damaged xz files are errors naming the file") {
    const std::string data = xz(sample_text(2000));
    CHECK(error_of(data.substr(0, data.size() / 2)) == "lflows.txt.xz: truncated xz file");
    CHECK(error_of(data.substr(0, data.size() - 1)).starts_with("lflows.txt.xz: "));
    std::string damaged = data;
    damaged[data.size() / 2] ^= 0x55;
    CHECK(error_of(damaged).starts_with("lflows.txt.xz: "));
    CHECK(error_of("not xz at all") == "lflows.txt.xz: not an xz file");
}
