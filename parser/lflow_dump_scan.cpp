#include "parser/lflow_dump_scan.hpp"

#include <array>
#include <cstring>

namespace ovnsim::dump_scan {
namespace {

constexpr std::string_view kActionDelimiter = "), action=(";

constexpr std::array<std::pair<std::string_view, TrailerSection>, 5> kTrailerHeaders{{
    {"Port Bindings:", TrailerSection::PortBindings},
    {"MAC Bindings:", TrailerSection::MacBindings},
    {"MC Groups:", TrailerSection::McGroups},
    {"Chassis:", TrailerSection::Chassis},
    {"Load Balancers:", TrailerSection::LoadBalancers},
}};

const char* find_newline(const char* p, const char* end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    return nl != nullptr ? static_cast<const char*>(nl) : end;
}

// Whether the line after the newline at `newline` continues the current flow.
bool next_line_continues(const char* newline, const char* end) {
    const char* next = newline + 1;
    return next < end && !starts_record({next, static_cast<std::size_t>(end - next)});
}

constexpr const char* kUnterminatedString = "unterminated string literal: this '\"' is never closed";
constexpr const char* kMatchCut = "flow line cut short: its match is not closed by `), action=(`";
constexpr const char* kActionsCut = "flow line cut short: its actions are not closed by `)`";

const char* find_byte(const char* p, const char* end, char c) {
    const void* found = std::memchr(p, c, static_cast<std::size_t>(end - p));
    return found != nullptr ? static_cast<const char*>(found) : nullptr;
}

// Tracks whether a scan is inside a JSON string literal (`\"` and `\\` escapes). Scans
// jump between quotes with memchr: most of a dump is outside strings.
struct StringState {
    bool inside = false;
    const char* opened_at = nullptr;

    // Leaves the string if it closes in [p, end); returns where scanning resumes.
    const char* skip_string(const char* p, const char* end) {
        for (const char* q = p; (q = find_byte(q, end, '"')) != nullptr; ++q) {
            if (!escaped(q)) {
                inside = false;
                return q + 1;
            }
        }
        return end;
    }

    // Feeds [p, end), which holds no newline; returns the first `), action=(` outside a
    // string, or nullptr.
    const char* find_action_delimiter(const char* p, const char* end) {
        while (p < end) {
            if (inside) {
                p = skip_string(p, end);
                continue;
            }
            const char* quote = find_byte(p, end, '"');
            const char* const plain_end = quote != nullptr ? quote : end;
            for (const char* r = p; (r = find_byte(r, plain_end, ')')) != nullptr; ++r) {
                if (std::string_view(r, static_cast<std::size_t>(end - r)).starts_with(kActionDelimiter)) return r;
            }
            if (quote == nullptr) return nullptr;
            inside = true;
            opened_at = quote;
            p = quote + 1;
        }
        return nullptr;
    }

    // Feeds [p, end), which holds no newline.
    void feed(const char* p, const char* end) {
        while (p < end) {
            if (inside) {
                p = skip_string(p, end);
                continue;
            }
            const char* quote = find_byte(p, end, '"');
            if (quote == nullptr) return;
            inside = true;
            opened_at = quote;
            p = quote + 1;
        }
    }

private:
    // A quote is escaped by an odd number of backslashes before it, inside the string.
    bool escaped(const char* quote) const {
        std::size_t backslashes = 0;
        for (const char* b = quote - 1; b > opened_at && *b == '\\'; --b) ++backslashes;
        return backslashes % 2 == 1;
    }
};

}  // namespace

std::optional<TrailerSection> trailer_section(std::string_view line) {
    for (const auto& [text, section] : kTrailerHeaders) {
        if (line == text) return section;
    }
    return std::nullopt;
}

bool starts_record(std::string_view text) {
    if (text.starts_with("  table=") || text.starts_with("  uuid=") || text.starts_with("Datapath:")) return true;
    const auto newline = text.find('\n');
    return trailer_section(chomp_cr(text.substr(0, newline))).has_value();
}

bool scan_flow_body(const char* match_begin, const char* text_end, FlowBody& out, BodyError& error) {
    out = {};
    // The match: up to the first `), action=(` outside a string literal.
    StringState string;
    const char* p = match_begin;
    const char* match_end = nullptr;
    const char* newline = nullptr;
    for (;;) {
        newline = find_newline(p, text_end);
        const std::string_view line = chomp_cr({p, static_cast<std::size_t>(newline - p)});
        match_end = string.find_action_delimiter(line.data(), line.data() + line.size());
        if (match_end != nullptr) break;
        if (newline == text_end || !next_line_continues(newline, text_end)) {
            error = string.inside ? BodyError{string.opened_at, kUnterminatedString} : BodyError{newline, kMatchCut};
            return false;
        }
        ++out.match_newlines;
        p = newline + 1;
    }
    out.match = {match_begin, static_cast<std::size_t>(match_end - match_begin)};

    // The actions: up to the `)` that ends a line outside a string literal.
    const char* const actions_begin = match_end + kActionDelimiter.size();
    string = {};
    for (p = actions_begin;; newline = find_newline(p, text_end)) {
        const std::string_view line = chomp_cr({p, static_cast<std::size_t>(newline - p)});
        string.feed(line.data(), line.data() + line.size());
        const char* const line_end = line.data() + line.size();
        if (!string.inside && line_end > actions_begin && line_end[-1] == ')') {
            out.actions = {actions_begin, static_cast<std::size_t>(line_end - 1 - actions_begin)};
            out.end = newline;
            return true;
        }
        if (newline == text_end || !next_line_continues(newline, text_end)) {
            error = string.inside ? BodyError{string.opened_at, kUnterminatedString}
                                  : BodyError{line_end, kActionsCut};
            return false;
        }
        ++out.actions_newlines;
        p = newline + 1;
    }
}

}  // namespace ovnsim::dump_scan
