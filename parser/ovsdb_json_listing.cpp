#include "parser/ovsdb_json_listing.hpp"

#include <algorithm>

#include "parser/ovsdb_column_layout.hpp"
#include "parser/ovsdb_json_datum.hpp"
#include "parser/ovsdb_json_events.hpp"
#include "parser/ovsdb_json_skim.hpp"
#include "parser/ovsdb_line_index.hpp"
#include "parser/ovsdb_row_index_formats.hpp"

namespace ovnsim {
namespace {

using json = nlohmann::json;

struct RawRow {
    std::size_t start = 0;
    std::vector<Datum> cells;
    std::vector<std::size_t> starts;
};

// The row as OvsdbTable holds it: cells in column order, _uuid taken out. `fail` throws.
template <class Fail>
OvsdbRow assemble_json_listing_row(RawRow& raw, const OvsdbColumnLayout& layout, const OvsdbLineIndex& lines,
                                   const Fail& fail) {
    const std::size_t width = layout.headings().size();
    if (raw.cells.size() != width) {
        fail(raw.start, "row has " + std::to_string(raw.cells.size()) + " cells for " + std::to_string(width) +
                            " headings");
    }
    const auto uuid = raw.cells[layout.uuid_heading()].as_uuid();
    if (!uuid) fail(raw.starts[layout.uuid_heading()], "_uuid is not a UUID");
    OvsdbRow row;
    row.uuid = *uuid;
    row.loc = lines.locate(raw.start);
    row.values.resize(layout.columns().size());
    row.locs.resize(layout.columns().size());
    for (std::size_t h = 0; h < width; ++h) {
        const std::size_t target = layout.target(h);
        if (target == OvsdbColumnLayout::not_stored) continue;
        row.values[target] = std::move(raw.cells[h]);
        row.locs[target] = lines.locate(raw.starts[h]);
    }
    return row;
}

// One row of "data", `[cell, ...]`, read on its own.
class JsonRowReader : public OvsdbJsonEvents {
public:
    JsonRowReader(const TextFile& file, const OvsdbLineIndex& lines) : file_(file), lines_(lines) {}

    [[noreturn]] void fail(std::size_t offset, std::string message) const {
        throw InputError(file_.path(), lines_.locate(offset), std::move(message));
    }

    int leaf_depth() const override { return 1; }
    void on_begin(bool is_object, std::size_t start) override {
        if (is_object) fail(start, "each row of \"data\" must be an array of cells");
        row.start = start;
    }
    void on_end(bool) override {}
    void on_key(std::string&&, std::size_t) override {}
    void on_value(json&& value, std::size_t start) override {
        auto datum = datum_from_wire_json(std::move(value));
        if (auto* problem = std::get_if<std::string>(&datum)) fail(start, *problem);
        row.cells.push_back(std::move(std::get<Datum>(datum)));
        row.starts.push_back(start);
    }

    RawRow row;

private:
    const TextFile& file_;
    const OvsdbLineIndex& lines_;
};

class JsonListingReader : public OvsdbJsonEvents {
public:
    JsonListingReader(const TextFile& file, const OvsdbLineIndex& lines) : file_(file), lines_(lines) {}

    [[noreturn]] void fail(std::size_t offset, std::string message) const {
        throw InputError(file_.path(), lines_.locate(offset), std::move(message));
    }

    int leaf_depth() const override { return section_ == Section::data ? 3 : 1; }

    void on_begin(bool is_object, std::size_t start) override {
        if (depth_ == 0 && !is_object) fail(start, shape_message);
        if (depth_ == 1 && is_object) fail(start, "\"data\" must be an array of rows");
        if (depth_ == 2) {
            if (is_object) fail(start, "each row of \"data\" must be an array of cells");
            rows_.push_back(RawRow{start, {}, {}});
        }
        ++depth_;
    }

    void on_end(bool) override {
        if (--depth_ == 1) section_ = Section::other;
    }

    void on_key(std::string&& key, std::size_t) override {
        if (key == "headings") {
            section_ = Section::headings;
        } else if (key == "data") {
            section_ = Section::data;
            seen_data_ = true;
        } else {
            section_ = Section::other;  // e.g. "caption": not data
        }
    }

    void on_value(json&& value, std::size_t start) override {
        if (depth_ == 0) fail(start, shape_message);
        if (depth_ == 1) {
            if (section_ == Section::data) fail(start, "\"data\" must be an array of rows");
            if (section_ == Section::headings) read_headings(value, start);
            return;
        }
        if (depth_ == 2) fail(start, "each row of \"data\" must be an array of cells");
        auto datum = datum_from_wire_json(std::move(value));
        if (auto* problem = std::get_if<std::string>(&datum)) fail(start, *problem);
        rows_.back().cells.push_back(std::move(std::get<Datum>(datum)));
        rows_.back().starts.push_back(start);
    }

    OvsdbTable finish(std::string table_name) {
        OvsdbTable table;
        table.name = std::move(table_name);
        table.source = file_.path();
        if (!headings_) fail(0, "no \"headings\" in the listing");
        if (!seen_data_) fail(0, "no \"data\" in the listing");
        OvsdbColumnLayout layout(std::move(*headings_));
        if (layout.problem()) fail(headings_start_, *layout.problem());
        table.columns = layout.columns();
        table.rows.reserve(rows_.size());
        for (auto& raw : rows_) {
            table.rows.push_back(assemble_json_listing_row(raw, layout, lines_, [&](std::size_t offset, std::string message) {
                fail(offset, std::move(message));
            }));
        }
        return table;
    }

private:
    enum class Section { other, headings, data };
    static constexpr const char* shape_message =
        "expected a JSON object {\"data\": [...], \"headings\": [...]} (ovn-nbctl --format=json list)";

    void read_headings(const json& value, std::size_t start) {
        if (!value.is_array()) fail(start, "\"headings\" must be an array of column names");
        std::vector<std::string> headings;
        for (const json& heading : value) {
            if (!heading.is_string()) fail(start, "\"headings\" must be an array of column names");
            headings.push_back(heading.get<std::string>());
        }
        headings_ = std::move(headings);
        headings_start_ = start;
    }

    const TextFile& file_;
    const OvsdbLineIndex& lines_;
    int depth_ = 0;
    Section section_ = Section::other;
    std::optional<std::vector<std::string>> headings_;
    std::size_t headings_start_ = 0;
    bool seen_data_ = false;
    std::vector<RawRow> rows_;
};

bool is_blank(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}

}  // namespace

OvsdbTable parse_ovsdb_json_listing(const TextFile& file, std::string table_name) {
    if (is_blank(file.text())) {
        OvsdbTable empty;
        empty.name = std::move(table_name);
        empty.source = file.path();
        return empty;
    }
    const OvsdbLineIndex lines(file.text());
    JsonListingReader reader(file, lines);
    scan_ovsdb_json(file.text(), 0, reader, [&](std::size_t offset, std::string message) {
        reader.fail(offset, std::move(message));
    });
    return reader.finish(std::move(table_name));
}

namespace {

// The row's cells read by the skimmer; nullopt when a cell is not in a form it reads.
std::optional<RawRow> skim_row(std::string_view text, std::size_t begin, std::size_t end) {
    JsonSkimmer s(text.substr(0, end), begin);
    RawRow row;
    row.start = begin;
    if (!s.consume('[')) return std::nullopt;
    if (s.consume(']')) return row;
    do {
        s.peek();
        const std::size_t start = s.pos();
        auto datum = skim_wire_datum(s);
        if (!datum) return std::nullopt;
        row.cells.push_back(std::move(*datum));
        row.starts.push_back(start);
    } while (s.consume(','));
    if (!s.consume(']') || s.peek() != '\0') return std::nullopt;
    return row;
}

}  // namespace

OvsdbRow parse_ovsdb_json_listing_row(const TextFile& file, const OvsdbLineIndex& lines, const OvsdbColumnLayout& layout,
                                      std::size_t begin, std::size_t end) {
    const auto fail = [&](std::size_t offset, std::string message) {
        throw InputError(file.path(), lines.locate(offset), std::move(message));
    };
    if (auto skimmed = skim_row(file.text(), begin, end)) return assemble_json_listing_row(*skimmed, layout, lines, fail);
    JsonRowReader reader(file, lines);
    scan_ovsdb_json(file.text().substr(begin, end - begin), begin, reader,
                    [&](std::size_t offset, std::string message) { reader.fail(offset, std::move(message)); });
    return assemble_json_listing_row(reader.row, layout, lines,
                                     [&](std::size_t offset, std::string message) { reader.fail(offset, std::move(message)); });
}

}  // namespace ovnsim
