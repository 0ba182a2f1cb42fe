#pragma once
// Rows of a large table typed once and kept, by row number (SbLogicalFlowRows, NbAclRows).
// A row is typed outside the lock, so that the threads of a parallel batch type different
// rows at once; of two that type the same row, the first to store it wins. Thread-safe.
#include <cstddef>
#include <deque>
#include <mutex>
#include <unordered_map>

namespace ovnsim {

template <class Row>
class TypedRowCache {
public:
    // The row typed by `make()` on first use.
    template <class Make>
    const Row& get(std::size_t row, const Make& make) const {
        {
            std::lock_guard lock(mutex_);
            if (const auto it = typed_.find(row); it != typed_.end()) return *it->second;
        }
        Row value = make();
        std::lock_guard lock(mutex_);
        if (const auto it = typed_.find(row); it != typed_.end()) return *it->second;
        const Row& stored = store_.emplace_back(std::move(value));
        typed_.emplace(row, &stored);
        return stored;
    }

private:
    mutable std::mutex mutex_;
    mutable std::unordered_map<std::size_t, const Row*> typed_;
    mutable std::deque<Row> store_;  // nodes stay put: references stay valid
};

}  // namespace ovnsim
