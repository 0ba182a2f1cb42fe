#pragma once
// Reading the SB tables of an OvsdbDatabase into SbModel's row vectors (references are
// left to SbModel::resolve()). Internal to SbModel.
#include "parser/ovsdb_table.hpp"

namespace ovnsim {

class SbModel;

void read_sb_rows(const OvsdbDatabase& database, SbModel& model);

}  // namespace ovnsim
