#pragma once
// Reading the SB tables of an OvsdbDatabase into SbModel's row vectors (references are
// left to SbModel::resolve()). Internal to SbModel and the row-by-row lookups.
#include "parser/ovsdb_table.hpp"
#include "sim/sb_rows.hpp"

namespace ovnsim {

class SbModel;

void read_sb_rows(const OvsdbDatabase& database, SbModel& model);
void read_sb_rows(const OvsdbTableLookup& tables, SbModel& model);

// One row of the table (its columns) as the model types it; references left unresolved.
SbLogicalFlow sb_logical_flow_from_row(const OvsdbTable& table, const OvsdbRow& row);

}  // namespace ovnsim
