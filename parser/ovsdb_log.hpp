#pragma once
// The record framing of OVSDB database files (OVS ovsdb/log.c): each record is a header
// line "OVSDB JSON <length> <sha1>" followed by <length> bytes of JSON (with its newline)
// whose SHA-1 the header gives.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parser/text_file.hpp"

namespace ovnsim {

struct OvsdbLogRecord {
    std::size_t header_offset = 0;  // where the "OVSDB ..." line starts
    std::size_t data_offset = 0;    // where the JSON starts
    std::string_view data;          // the JSON text and its newline
};

// Splits a standalone database file into records, checking each length and SHA-1.
// Throws InputError for a file that is not an OVSDB log, a truncated or corrupted record,
// and a clustered database (OVSDB CLUSTER), which ovnsim does not read: the message says
// how to convert it.
std::vector<OvsdbLogRecord> split_ovsdb_log(const TextFile& file);

// One standalone record holding `json` (header, JSON, newline), as ovsdb-server writes it.
std::string format_ovsdb_log_record(std::string_view json);

}  // namespace ovnsim
