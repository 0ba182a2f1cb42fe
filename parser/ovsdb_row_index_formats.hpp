#pragma once
// What the row indexes of each file format share with that format's whole-table reader.
// Internal to the OVSDB readers.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "parser/ovsdb_column_layout.hpp"
#include "parser/ovsdb_line_index.hpp"
#include "parser/ovsdb_row_index.hpp"

namespace ovnsim {

// An atom / datum as OvsdbRowIndex::simple_cells gives it (nullopt: not simple).
std::optional<std::string> simple_atom_text(const Atom& atom);
std::optional<std::string> simple_datum_text(const Datum& datum);

// Rows already parsed, served as an index.
std::unique_ptr<OvsdbRowIndex> index_parsed_table(OvsdbTable table);

std::unique_ptr<OvsdbRowIndex> index_ovsdb_json_listing(std::shared_ptr<const TextFile> file, std::string table_name);
std::unique_ptr<OvsdbRowIndex> index_ovsdb_text_listing(std::shared_ptr<const TextFile> file, std::string table_name);

// ovsdb_json_listing.cpp: the row `[cell, ...]` at text[begin, end).
OvsdbRow parse_ovsdb_json_listing_row(const TextFile& file, const OvsdbLineIndex& lines, const OvsdbColumnLayout& layout,
                                      std::size_t begin, std::size_t end);

// ovsdb_text_listing.cpp: the rows of `part` (a run of whole lines of `file` starting at
// line `first_line`), as parse_ovsdb_text_listing reads them.
OvsdbTable parse_ovsdb_text_listing_part(const TextFile& file, std::string_view part, std::uint32_t first_line,
                                         std::string table_name);

}  // namespace ovnsim
