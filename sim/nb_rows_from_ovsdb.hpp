#pragma once
// Reading the NB tables of an OvsdbDatabase into NbModel's row vectors (references are
// left to NbModel::resolve()). Internal to NbModel and the row-by-row lookups.
#include "parser/ovsdb_table.hpp"
#include "sim/nb_rows.hpp"

namespace ovnsim {

class NbModel;

void read_nb_rows(const OvsdbDatabase& database, NbModel& model);
void read_nb_rows(const OvsdbTableLookup& tables, NbModel& model);

// One row of the table (its columns) as the model types it; references left unresolved.
NbAcl nb_acl_from_row(const OvsdbTable& table, const OvsdbRow& row);

}  // namespace ovnsim
