#pragma once
// Reading the NB tables of an OvsdbDatabase into NbModel's row vectors (references are
// left to NbModel::resolve()). Internal to NbModel.
#include "parser/ovsdb_table.hpp"

namespace ovnsim {

class NbModel;

void read_nb_rows(const OvsdbDatabase& database, NbModel& model);

}  // namespace ovnsim
