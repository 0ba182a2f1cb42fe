#pragma once
// One entry point for table listings, whichever format: `<Table>.json` is read as
// `--format=json list` output, anything else as `list` text; a trailing `.xz` (the file
// is decompressed by TextFile::read) does not count.
#include <string>

#include "parser/ovsdb_table.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

// The table name is the file name without its extension ("nb/ACL.txt.xz" -> "ACL").
std::string ovsdb_table_name_from_path(const std::string& path);

// Parses `file` by the extension of its path. Throws InputError.
OvsdbTable parse_ovsdb_listing(const TextFile& file, std::string table_name);

// Reads and parses the file at `path`, named after the file. Throws InputError.
OvsdbTable read_ovsdb_listing(const std::string& path);

}  // namespace ovnsim
