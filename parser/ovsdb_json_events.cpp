#include "parser/ovsdb_json_events.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace ovnsim {
namespace {

using json = nlohmann::json;

// A char iterator that publishes how far the parser has read, so SAX callbacks know
// where they are: nlohmann's SAX interface gives no positions.
struct TrackingIterator {
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** cursor = nullptr;

    reference operator*() const { return *p; }
    TrackingIterator& operator++() {
        *cursor = ++p;
        return *this;
    }
    TrackingIterator operator++(int) {
        TrackingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) { return a.p == b.p; }
    friend bool operator!=(const TrackingIterator& a, const TrackingIterator& b) { return a.p != b.p; }
};

constexpr int max_value_depth = 16;  // OVSDB cells nest 3 deep; more is garbage, not data

class EventAdapter {
public:
    EventAdapter(std::string_view text, std::size_t base, OvsdbJsonEvents& events,
                 const std::function<void(std::size_t, std::string)>& fail)
        : text_(text), base_(base), events_(events), fail_(fail), cursor_(text.data()), last_end_(text.data()) {}

    const char** cursor() { return &cursor_; }

    // nlohmann SAX interface.
    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return scalar(json(v)); }
    bool string(json::string_t& v) { return scalar(json(std::move(v))); }
    bool binary(json::binary_t&) { return scalar(json(nullptr)); }
    bool start_object(std::size_t) { return begin(true); }
    bool start_array(std::size_t) { return begin(false); }
    bool end_object() { return end(true); }
    bool end_array() { return end(false); }
    bool key(json::string_t& k) {
        if (capturing()) {
            pending_key_ = std::move(k);
        } else {
            events_.on_key(std::move(k), value_start());
        }
        done();
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        std::string message = e.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        const auto colon = message.find(": ", message.find("parse error"));
        if (colon != std::string::npos) message = message.substr(colon + 2);
        // nlohmann counts the character it failed on; point at it, or, when the text
        // ended early, just after its last visible character (not on the next line).
        std::size_t offset = position > 0 ? position - 1 : 0;
        const std::size_t visible_end = text_.find_last_not_of(" \t\r\n");
        if (visible_end != std::string_view::npos) offset = std::min(offset, visible_end + 1);
        fail_(base_ + offset, "invalid JSON: " + message);
        return false;
    }

private:
    bool capturing() const { return !stack_.empty(); }

    // Where the value of the current event starts: after the previous event's last
    // character, whitespace, and one ',' or ':' separator.
    std::size_t value_start() const {
        const char* p = last_end_;
        const char* end = text_.data() + text_.size();
        const auto skip_space = [&] {
            while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
        };
        skip_space();
        if (p < end && (*p == ',' || *p == ':')) {
            ++p;
            skip_space();
        }
        return base_ + static_cast<std::size_t>(p - text_.data());
    }

    void done() { last_end_ = cursor_; }

    json* insert(json&& value) {
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        json& slot = parent[pending_key_];
        slot = std::move(value);
        return &slot;
    }

    bool scalar(json&& value) {
        if (capturing()) {
            insert(std::move(value));
        } else {
            events_.on_value(std::move(value), value_start());
        }
        done();
        return true;
    }

    bool begin(bool is_object) {
        // nlohmann has consumed the opening bracket: it is the character before the cursor.
        const std::size_t start = base_ + static_cast<std::size_t>(cursor_ - 1 - text_.data());
        if (capturing()) {
            if (stack_.size() >= max_value_depth) fail_(start, "JSON value nested too deeply for an OVSDB datum");
            stack_.push_back(insert(is_object ? json::object() : json::array()));
        } else if (depth_ < events_.leaf_depth()) {
            ++depth_;
            events_.on_begin(is_object, start);
        } else {
            captured_ = is_object ? json::object() : json::array();
            captured_start_ = start;
            stack_.push_back(&captured_);
        }
        done();
        return true;
    }

    bool end(bool is_object) {
        if (capturing()) {
            stack_.pop_back();
            if (stack_.empty()) events_.on_value(std::move(captured_), captured_start_);
        } else {
            --depth_;
            events_.on_end(is_object);
        }
        done();
        return true;
    }

    std::string_view text_;
    std::size_t base_;
    OvsdbJsonEvents& events_;
    const std::function<void(std::size_t, std::string)>& fail_;
    const char* cursor_;
    const char* last_end_;
    int depth_ = 0;
    std::vector<json*> stack_;
    json captured_;
    std::size_t captured_start_ = 0;
    std::string pending_key_;
};

}  // namespace

void scan_ovsdb_json(std::string_view text, std::size_t base, OvsdbJsonEvents& events,
                     const std::function<void(std::size_t, std::string)>& fail) {
    EventAdapter adapter(text, base, events, fail);
    TrackingIterator first{text.data(), adapter.cursor()};
    TrackingIterator last{text.data() + text.size(), adapter.cursor()};
    json::sax_parse(first, last, &adapter, json::input_format_t::json, true);
}

}  // namespace ovnsim
