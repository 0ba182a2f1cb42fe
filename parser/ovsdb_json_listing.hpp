#pragma once
// `ovn-nbctl --format=json list TABLE` / `ovn-sbctl --format=json list TABLE` (OVS
// lib/table.c:table_print_json__): {"data": [[cell, ...], ...], "headings": [...]} with
// cells in OVSDB wire JSON. An empty file is an empty table, as for the text listing.
#include <string>

#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

// Throws InputError (FILE:LINE:COL, the column counted in bytes on the JSON's line) for
// invalid or truncated JSON, a document of another shape, or a cell that is not an OVSDB
// datum.
OvsdbTable parse_ovsdb_json_listing(const TextFile& file, std::string table_name);

}  // namespace ovnsim
