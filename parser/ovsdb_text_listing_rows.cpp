// The row index of an `ovn-nbctl list` / `ovn-sbctl list` text listing: rows are runs of
// `column : value` lines separated by blank lines; the skim finds each run and reads its
// `_uuid` line.
#include <cstring>

#include "parser/ovsdb_column_layout.hpp"
#include "parser/ovsdb_row_index_formats.hpp"
#include "parser/ovsdb_text_atoms.hpp"
#include "parser/ovsdb_text_listing.hpp"

namespace ovnsim {
namespace {

struct Line {
    std::string_view heading;
    std::string_view value;  // after "heading<spaces>: ", without the newline
};

// `heading<spaces>: value`; nullopt for anything else.
std::optional<Line> split_line(std::string_view line) {
    const std::size_t colon = line.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    std::size_t end = colon;
    while (end > 0 && line[end - 1] == ' ') --end;
    if (end == 0) return std::nullopt;
    return Line{line.substr(0, end), line.substr(colon + 2)};
}

// A value as OvsdbRowIndex::simple_cells gives it.
std::optional<std::string> simple_value(std::string_view value) {
    if (value == "[]" || value == "{}") return std::string();
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        const std::string_view body = value.substr(1, value.size() - 2);
        for (std::size_t i = 0; i < body.size(); ++i) {
            if (body[i] == '\\') ++i;
            else if (body[i] == '"') return std::nullopt;  // `"k"="v"`: a map, not one string
        }
        std::string out;
        if (!ovsdb_text::unescape_json_string(body, out).empty()) return std::nullopt;
        return out;
    }
    if (value.find_first_of("[]{}=\", ") != std::string_view::npos) return std::nullopt;
    auto atom = ovsdb_text::atom_from_bare_token(value);
    if (auto* a = std::get_if<Atom>(&atom)) return simple_atom_text(*a);
    return std::nullopt;
}

struct Block {
    std::size_t begin = 0, end = 0;  // whole lines, the last newline included
    std::uint32_t first_line = 0;
};

class TextListingRows final : public OvsdbRowIndex {
public:
    TextListingRows(std::shared_ptr<const TextFile> file, std::vector<std::string> columns, std::vector<Block> blocks,
                    std::vector<Uuid> uuids, std::string name)
        : file_(std::move(file)), blocks_(std::move(blocks)) {
        skeleton_.name = std::move(name);
        skeleton_.source = file_->path();
        skeleton_.columns = std::move(columns);
        uuids_ = std::move(uuids);
        index_uuids();
    }

    OvsdbRow row(std::size_t row) const override {
        const Block& b = blocks_.at(row);
        OvsdbTable part = parse_ovsdb_text_listing_part(*file_, file_->text().substr(b.begin, b.end - b.begin),
                                                        b.first_line, skeleton_.name);
        if (part.rows.size() != 1 || part.columns != skeleton_.columns) {
            // Not what the skim saw: let the whole-table reader say why.
            const OvsdbTable whole = parse_ovsdb_text_listing(*file_, skeleton_.name);
            return whole.rows.at(row);
        }
        return std::move(part.rows.front());
    }

    std::optional<std::vector<std::string>> simple_cells(std::size_t row,
                                                         std::span<const std::string> columns) const override {
        const Block& b = blocks_.at(row);
        const std::string_view text = file_->text().substr(b.begin, b.end - b.begin);
        std::vector<std::optional<std::string>> found(columns.size());
        for (std::size_t at = 0; at < text.size();) {
            std::size_t nl = text.find('\n', at);
            if (nl == std::string_view::npos) nl = text.size();
            const auto line = split_line(text.substr(at, nl - at));
            at = nl + 1;
            if (!line) return std::nullopt;
            for (std::size_t k = 0; k < columns.size(); ++k) {
                if (line->heading != columns[k]) continue;
                found[k] = simple_value(line->value);
                if (!found[k]) return std::nullopt;
            }
        }
        std::vector<std::string> out;
        for (auto& f : found) {
            if (!f) return std::nullopt;
            out.push_back(std::move(*f));
        }
        return out;
    }

private:
    std::shared_ptr<const TextFile> file_;
    std::vector<Block> blocks_;
};

std::unique_ptr<OvsdbRowIndex> skim(const std::shared_ptr<const TextFile>& file, const std::string& name) {
    const std::string_view text = file->text();
    std::vector<Block> blocks;
    std::vector<Uuid> uuids;
    std::vector<std::string> first_headings;
    std::optional<Uuid> uuid;
    std::uint32_t line_number = 1;
    Block block;
    bool in_block = false;
    const auto close_block = [&](std::size_t end) {
        if (!uuid) return false;
        block.end = end;
        blocks.push_back(block);
        uuids.push_back(*uuid);
        uuid.reset();
        in_block = false;
        return true;
    };
    for (std::size_t at = 0; at < text.size(); ++line_number) {
        const auto* nl = static_cast<const char*>(std::memchr(text.data() + at, '\n', text.size() - at));
        if (nl == nullptr) return nullptr;  // a last line without its newline: let the reader judge
        const std::size_t next = static_cast<std::size_t>(nl - text.data()) + 1;
        const std::string_view line = text.substr(at, next - 1 - at);
        if (line.empty()) {
            if (in_block && !close_block(at)) return nullptr;
        } else {
            if (!in_block) {
                in_block = true;
                block = Block{at, 0, line_number};
            }
            const auto parts = split_line(line);
            if (!parts) return nullptr;
            if (blocks.empty()) first_headings.emplace_back(parts->heading);
            if (parts->heading == "_uuid") {
                if (uuid) return nullptr;
                uuid = Uuid::parse(parts->value);
                if (!uuid) return nullptr;
            }
        }
        at = next;
    }
    if (in_block && !close_block(text.size())) return nullptr;
    OvsdbColumnLayout layout(std::move(first_headings));
    if (blocks.empty() || layout.problem()) return nullptr;
    return std::make_unique<TextListingRows>(file, layout.columns(), std::move(blocks), std::move(uuids), name);
}

}  // namespace

std::unique_ptr<OvsdbRowIndex> index_ovsdb_text_listing(std::shared_ptr<const TextFile> file, std::string table_name) {
    if (auto index = skim(file, table_name)) return index;
    return index_parsed_table(parse_ovsdb_text_listing(*file, std::move(table_name)));
}

}  // namespace ovnsim
