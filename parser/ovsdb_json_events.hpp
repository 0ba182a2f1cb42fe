#pragma once
// Streams JSON text through nlohmann's SAX parser and reports, with byte offsets, the
// structure a reader cares about: containers above a reader-chosen depth as begin/end
// events, and every value at that depth (or any scalar) whole, as a small nlohmann::json.
// Large files never become one DOM, and every row and cell keeps its position.
// Internal to the OVSDB JSON readers.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ovnsim {

class OvsdbJsonEvents {
public:
    virtual ~OvsdbJsonEvents() = default;
    // Depth (0 = the document itself) at which values are delivered whole by on_value.
    // Asked at each value's start, so it may depend on the reader's state.
    virtual int leaf_depth() const = 0;
    virtual void on_begin(bool is_object, std::size_t start) = 0;
    virtual void on_end(bool is_object) = 0;
    virtual void on_key(std::string&& key, std::size_t start) = 0;
    virtual void on_value(nlohmann::json&& value, std::size_t start) = 0;
};

// Parses `json` (which starts at byte `base` of its file) and calls `events`. On invalid
// JSON calls `fail(offset_in_file, message)`, which must throw. Readers throw from their
// callbacks too; nothing is caught here.
void scan_ovsdb_json(std::string_view json, std::size_t base, OvsdbJsonEvents& events,
                     const std::function<void(std::size_t, std::string)>& fail);

}  // namespace ovnsim
