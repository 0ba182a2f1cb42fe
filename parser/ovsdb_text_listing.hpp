#pragma once
// `ovn-nbctl list TABLE` / `ovn-sbctl list TABLE` text (OVS lib/table.c, list format):
// one `%-20s: %s` line per column (`_uuid` first, then alphabetical; names of 20 or more
// characters unpadded), rows separated by a blank line, an empty file for an empty table.
// Values follow OVS's text syntax (lib/ovsdb-data.c): bare or JSON-quoted atoms, `[a, b]`
// sets, `{k=v, k2=v2}` maps. See ovsdb_text_atoms.hpp for how bare atoms are typed.
#include <string>

#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

// Throws InputError (FILE:LINE:COL) on anything `ovn-nbctl list` would not print,
// including a last line without its newline (a truncated file) and a row whose columns
// differ from the first row's (a truncated row).
OvsdbTable parse_ovsdb_text_listing(const TextFile& file, std::string table_name);

}  // namespace ovnsim
