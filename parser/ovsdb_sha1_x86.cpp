#include "parser/ovsdb_sha1_blocks.hpp"

// Intel's SHA-NI sequence for SHA-1 (as in the public-domain code of Jeffrey Walton and
// Sean Gulley): 4 rounds per instruction, ~15x the portable code on a 40 MB sb.db.
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>

namespace ovnsim {
namespace {

// One 16-byte message word group, big-endian.
__attribute__((target("sha,sse4.1"))) inline __m128i load_be(const unsigned char* p) {
    const __m128i mask = _mm_set_epi64x(0x0001020304050607ULL, 0x08090a0b0c0d0e0fULL);
    return _mm_shuffle_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), mask);
}

__attribute__((target("sha,sse4.1"))) void blocks(std::uint32_t state[5], const unsigned char* data,
                                                  std::size_t count) {
    __m128i abcd = _mm_shuffle_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(state)), 0x1B);
    __m128i e0 = _mm_set_epi32(static_cast<int>(state[4]), 0, 0, 0);
    for (; count > 0; --count, data += 64) {
        const __m128i abcd_save = abcd, e0_save = e0;
        __m128i msg[4];
        __m128i e1;
        // Rounds 0-15: the four message groups as they are.
        msg[0] = load_be(data);
        e0 = _mm_add_epi32(e0, msg[0]);
        e1 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
        msg[1] = load_be(data + 16);
        e1 = _mm_sha1nexte_epu32(e1, msg[1]);
        e0 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 0);
        msg[0] = _mm_sha1msg1_epu32(msg[0], msg[1]);
        msg[2] = load_be(data + 32);
        e0 = _mm_sha1nexte_epu32(e0, msg[2]);
        e1 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 0);
        msg[1] = _mm_sha1msg1_epu32(msg[1], msg[2]);
        msg[0] = _mm_xor_si128(msg[0], msg[2]);
        msg[3] = load_be(data + 48);
        e1 = _mm_sha1nexte_epu32(e1, msg[3]);
        e0 = abcd;
        msg[0] = _mm_sha1msg2_epu32(msg[0], msg[3]);
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 0);
        msg[2] = _mm_sha1msg1_epu32(msg[2], msg[3]);
        msg[1] = _mm_xor_si128(msg[1], msg[3]);
        // Rounds 16-79, four at a time; group i is scheduled from the ones before it.
        // The round function changes every 20 rounds (the immediate of sha1rnds4).
#define OVNSIM_SHA1_QUAD(i, f, x, y)                                            \
    x = _mm_sha1nexte_epu32(x, msg[(i) % 4]);                                   \
    y = abcd;                                                                   \
    msg[((i) + 1) % 4] = _mm_sha1msg2_epu32(msg[((i) + 1) % 4], msg[(i) % 4]);  \
    abcd = _mm_sha1rnds4_epu32(abcd, x, f);                                     \
    msg[((i) + 3) % 4] = _mm_sha1msg1_epu32(msg[((i) + 3) % 4], msg[(i) % 4]);  \
    msg[((i) + 2) % 4] = _mm_xor_si128(msg[((i) + 2) % 4], msg[(i) % 4]);
        OVNSIM_SHA1_QUAD(0, 0, e0, e1)   // 16-19
        OVNSIM_SHA1_QUAD(1, 1, e1, e0)   // 20-23
        OVNSIM_SHA1_QUAD(2, 1, e0, e1)   // 24-27
        OVNSIM_SHA1_QUAD(3, 1, e1, e0)   // 28-31
        OVNSIM_SHA1_QUAD(4, 1, e0, e1)   // 32-35
        OVNSIM_SHA1_QUAD(5, 1, e1, e0)   // 36-39
        OVNSIM_SHA1_QUAD(6, 2, e0, e1)   // 40-43
        OVNSIM_SHA1_QUAD(7, 2, e1, e0)   // 44-47
        OVNSIM_SHA1_QUAD(8, 2, e0, e1)   // 48-51
        OVNSIM_SHA1_QUAD(9, 2, e1, e0)   // 52-55
        OVNSIM_SHA1_QUAD(10, 2, e0, e1)  // 56-59
        OVNSIM_SHA1_QUAD(11, 3, e1, e0)  // 60-63
        OVNSIM_SHA1_QUAD(12, 3, e0, e1)  // 64-67
#undef OVNSIM_SHA1_QUAD
        // Rounds 68-79: the schedule winds down.
        e1 = _mm_sha1nexte_epu32(e1, msg[1]);
        e0 = abcd;
        msg[2] = _mm_sha1msg2_epu32(msg[2], msg[1]);
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 3);
        msg[3] = _mm_xor_si128(msg[3], msg[1]);
        e0 = _mm_sha1nexte_epu32(e0, msg[2]);
        e1 = abcd;
        msg[3] = _mm_sha1msg2_epu32(msg[3], msg[2]);
        abcd = _mm_sha1rnds4_epu32(abcd, e0, 3);
        e1 = _mm_sha1nexte_epu32(e1, msg[3]);
        e0 = abcd;
        abcd = _mm_sha1rnds4_epu32(abcd, e1, 3);
        e0 = _mm_sha1nexte_epu32(e0, e0_save);
        abcd = _mm_add_epi32(abcd, abcd_save);
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(state), _mm_shuffle_epi32(abcd, 0x1B));
    state[4] = static_cast<std::uint32_t>(_mm_extract_epi32(e0, 3));
}

}  // namespace

bool sha1_blocks_x86(std::uint32_t state[5], const unsigned char* data, std::size_t count) {
    static const bool supported = __builtin_cpu_supports("sha") && __builtin_cpu_supports("sse4.1");
    if (!supported) return false;
    blocks(state, data, count);
    return true;
}

}  // namespace ovnsim
#else
namespace ovnsim {
bool sha1_blocks_x86(std::uint32_t[5], const unsigned char*, std::size_t) { return false; }
}  // namespace ovnsim
#endif
