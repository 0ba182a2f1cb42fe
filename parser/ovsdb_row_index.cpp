#include "parser/ovsdb_row_index.hpp"

#include <algorithm>

#include "parser/ovsdb_row_index_formats.hpp"

namespace ovnsim {
namespace {

// A table already parsed whole: what the quick scans fall back to.
class ParsedRowIndex final : public OvsdbRowIndex {
public:
    explicit ParsedRowIndex(OvsdbTable table) {
        rows_ = std::move(table.rows);
        table.rows.clear();
        skeleton_ = std::move(table);
        uuids_.reserve(rows_.size());
        for (const OvsdbRow& row : rows_) uuids_.push_back(row.uuid);
        index_uuids();
    }

    OvsdbRow row(std::size_t row) const override { return rows_.at(row); }

    std::optional<std::vector<std::string>> simple_cells(std::size_t row,
                                                         std::span<const std::string> columns) const override {
        std::vector<std::string> out;
        for (const std::string& column : columns) {
            const Datum* datum = skeleton_.cell(rows_.at(row), column);
            if (datum == nullptr) return std::nullopt;
            auto text = simple_datum_text(*datum);
            if (!text) return std::nullopt;
            out.push_back(std::move(*text));
        }
        return out;
    }

private:
    std::vector<OvsdbRow> rows_;
};

}  // namespace

std::optional<std::string> simple_atom_text(const Atom& atom) {
    switch (atom_type(atom)) {
        case AtomType::integer: return std::to_string(std::get<std::int64_t>(atom));
        case AtomType::boolean: return std::string(std::get<bool>(atom) ? "true" : "false");
        case AtomType::string: return std::get<std::string>(atom);
        case AtomType::uuid: return std::get<Uuid>(atom).to_string();
        case AtomType::real: return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> simple_datum_text(const Datum& datum) {
    if (datum.empty()) return std::string();
    if (datum.is_map() || datum.size() != 1) return std::nullopt;
    return simple_atom_text(datum.keys().front());
}

void OvsdbRowIndex::index_uuids() {
    by_prefix_.clear();
    by_prefix_.reserve(uuids_.size());
    for (std::size_t i = 0; i < uuids_.size(); ++i) by_prefix_.emplace_back(uuids_[i].prefix32(), static_cast<std::uint32_t>(i));
    std::sort(by_prefix_.begin(), by_prefix_.end());
}

std::vector<std::size_t> OvsdbRowIndex::rows_with_prefix(std::uint32_t prefix) const {
    std::vector<std::size_t> out;
    auto it = std::lower_bound(by_prefix_.begin(), by_prefix_.end(), std::pair<std::uint32_t, std::uint32_t>{prefix, 0});
    for (; it != by_prefix_.end() && it->first == prefix; ++it) out.push_back(it->second);
    return out;
}

std::optional<std::size_t> OvsdbRowIndex::find(const Uuid& uuid) const {
    for (const std::size_t row : rows_with_prefix(uuid.prefix32())) {
        if (uuids_[row] == uuid) return row;
    }
    return std::nullopt;
}

std::unique_ptr<OvsdbRowIndex> index_parsed_table(OvsdbTable table) {
    return std::make_unique<ParsedRowIndex>(std::move(table));
}

}  // namespace ovnsim
