#pragma once
// Numbers distinct keys 0, 1, 2, ... in the order they are first inserted: an open
// addressing table of indexes into a key vector, no allocation per key. For the stage
// index, which counts and buckets tens of thousands of keys per stage.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ovnsim {

struct FlatKeyHash {
    std::size_t operator()(std::pair<std::uint64_t, std::uint64_t> v) const noexcept {
        std::uint64_t h = (v.first * 0x9E3779B97F4A7C15ULL) ^ v.second;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ULL;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <class Key>
class FlatKeyMap {
public:
    static constexpr std::uint32_t npos = UINT32_MAX;

    void clear() {
        keys_.clear();
        std::fill(slots_.begin(), slots_.end(), npos);
    }
    void reserve(std::size_t keys) {
        if (slots_.size() >= keys * 2) return;
        std::size_t size = 16;
        while (size < keys * 2) size *= 2;
        rehash(size);
    }

    // The number of `key`, inserting it when new.
    template <class K>
    std::uint32_t insert(const K& key) {
        if ((keys_.size() + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        std::size_t slot = FlatKeyHash{}(key) & (slots_.size() - 1);
        for (;; slot = (slot + 1) & (slots_.size() - 1)) {
            const std::uint32_t id = slots_[slot];
            if (id == npos) break;
            if (keys_[id] == key) return id;
        }
        slots_[slot] = static_cast<std::uint32_t>(keys_.size());
        keys_.emplace_back(key);
        return slots_[slot];
    }

    // The number of `key`, or npos.
    template <class K>
    std::uint32_t find(const K& key) const {
        if (slots_.empty()) return npos;
        for (std::size_t slot = FlatKeyHash{}(key) & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
            const std::uint32_t id = slots_[slot];
            if (id == npos || keys_[id] == key) return id;
        }
    }

    std::size_t size() const { return keys_.size(); }
    const std::vector<Key>& keys() const { return keys_; }

private:
    void rehash(std::size_t size) {
        slots_.assign(size, npos);
        for (std::uint32_t id = 0; id < keys_.size(); ++id) {
            std::size_t slot = FlatKeyHash{}(keys_[id]) & (size - 1);
            while (slots_[slot] != npos) slot = (slot + 1) & (size - 1);
            slots_[slot] = id;
        }
    }

    std::vector<std::uint32_t> slots_;  // a power of two, at most half full
    std::vector<Key> keys_;
};

}  // namespace ovnsim
