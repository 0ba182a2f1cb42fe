#pragma once
// Every table of the OVN Northbound and Southbound schemas, 20.03 through 26.03. A bundle
// file named after one of them is accepted even when ovnsim does not model the table; any
// other name is a mistake worth an error.
#include <string_view>

namespace ovnsim {

bool is_ovn_nb_table(std::string_view name);
bool is_ovn_sb_table(std::string_view name);

}  // namespace ovnsim
