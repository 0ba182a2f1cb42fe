// The row index of a `--format=json list` listing: a skim of {"data": [[cell, ...], ...],
// "headings": [...]} records where each row is and reads its _uuid cell.
#include <mutex>

#include <nlohmann/json.hpp>

#include "parser/ovsdb_json_listing.hpp"
#include "parser/ovsdb_json_skim.hpp"
#include "parser/ovsdb_row_index_formats.hpp"

namespace ovnsim {
namespace {

bool skip_cells(JsonSkimmer& s, std::size_t cells) {
    for (std::size_t i = 0; i < cells; ++i) {
        if (!s.skip_value() || !s.consume(',')) return false;
    }
    return true;
}

class JsonListingRows final : public OvsdbRowIndex {
public:
    JsonListingRows(std::shared_ptr<const TextFile> file, OvsdbColumnLayout layout,
                    std::vector<std::pair<std::size_t, std::size_t>> spans, std::vector<Uuid> uuids, std::string name)
        : file_(std::move(file)), layout_(std::move(layout)), spans_(std::move(spans)) {
        skeleton_.name = std::move(name);
        skeleton_.source = file_->path();
        skeleton_.columns = layout_.columns();
        uuids_ = std::move(uuids);
        index_uuids();
    }

    OvsdbRow row(std::size_t row) const override {
        std::call_once(lines_once_, [this] { lines_.emplace(file_->text()); });
        return parse_ovsdb_json_listing_row(*file_, *lines_, layout_, spans_.at(row).first, spans_.at(row).second);
    }

    std::optional<std::vector<std::string>> simple_cells(std::size_t row,
                                                         std::span<const std::string> columns) const override {
        std::vector<std::size_t> wanted;
        for (const std::string& column : columns) {
            std::size_t h = 0;
            while (h < layout_.headings().size() && layout_.headings()[h] != column) ++h;
            if (h == layout_.headings().size()) return std::nullopt;
            wanted.push_back(h);
        }
        std::vector<std::string> out(columns.size());
        std::size_t found = 0;
        JsonSkimmer s(file_->text(), spans_.at(row).first);
        if (!s.consume('[')) return std::nullopt;
        for (std::size_t h = 0; found < wanted.size() && h < layout_.headings().size(); ++h) {
            if (h > 0 && !s.consume(',')) return std::nullopt;
            for (std::size_t k = 0; k < wanted.size(); ++k) {
                if (wanted[k] != h) continue;
                JsonSkimmer cell = s;
                auto text = skim_simple_datum(cell);
                if (!text) return std::nullopt;
                out[k] = std::move(*text);
                ++found;
            }
            if (!s.skip_value()) return std::nullopt;
        }
        if (found < wanted.size()) return std::nullopt;
        return out;
    }

private:
    std::shared_ptr<const TextFile> file_;
    OvsdbColumnLayout layout_;
    std::vector<std::pair<std::size_t, std::size_t>> spans_;  // each row's `[...]`
    mutable std::once_flag lines_once_;
    mutable std::optional<OvsdbLineIndex> lines_;
};

// The index, or nullptr when the skim cannot follow the file (the whole-table reader then
// says what is wrong with it).
std::unique_ptr<OvsdbRowIndex> skim(const std::shared_ptr<const TextFile>& file, const std::string& name) {
    JsonSkimmer s(file->text());
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    std::optional<std::pair<std::size_t, std::size_t>> headings;
    bool seen_data = false;
    if (!s.consume('{')) return nullptr;
    while (true) {
        const auto key = s.plain_string();
        if (!key || !s.consume(':')) return nullptr;
        if (*key == "data") {
            if (seen_data || !s.consume('[')) return nullptr;
            seen_data = true;
            if (!s.consume(']')) {
                do {
                    if (s.peek() != '[') return nullptr;
                    const std::size_t start = s.pos();
                    if (!s.skip_value()) return nullptr;
                    spans.emplace_back(start, s.pos());
                } while (s.consume(','));
                if (!s.consume(']')) return nullptr;
            }
        } else {
            const std::size_t start = s.pos();
            if (!s.skip_value()) return nullptr;
            if (*key == "headings") {
                if (headings) return nullptr;
                headings.emplace(start, s.pos());
            }
        }
        if (s.consume(',')) continue;
        if (s.consume('}')) break;
        return nullptr;
    }
    if (s.peek() != '\0' || !seen_data || !headings) return nullptr;

    const nlohmann::json heading_json =
        nlohmann::json::parse(file->text().substr(headings->first, headings->second - headings->first), nullptr, false);
    if (!heading_json.is_array()) return nullptr;
    std::vector<std::string> names;
    for (const auto& h : heading_json) {
        if (!h.is_string()) return nullptr;
        names.push_back(h.get<std::string>());
    }
    OvsdbColumnLayout layout(std::move(names));
    if (layout.problem()) return nullptr;

    std::vector<Uuid> uuids;
    uuids.reserve(spans.size());
    for (const auto& [begin, end] : spans) {
        JsonSkimmer row(file->text(), begin);
        if (!row.consume('[') || !skip_cells(row, layout.uuid_heading())) return nullptr;
        const auto uuid = skim_uuid_atom(row);
        if (!uuid) return nullptr;
        uuids.push_back(*uuid);
    }
    return std::make_unique<JsonListingRows>(file, std::move(layout), std::move(spans), std::move(uuids), name);
}

}  // namespace

std::unique_ptr<OvsdbRowIndex> index_ovsdb_json_listing(std::shared_ptr<const TextFile> file, std::string table_name) {
    if (auto index = skim(file, table_name)) return index;
    return index_parsed_table(parse_ovsdb_json_listing(*file, std::move(table_name)));
}

}  // namespace ovnsim
