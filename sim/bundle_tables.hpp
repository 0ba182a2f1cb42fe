#pragma once
// The NB tables a question cannot be answered without.
#include <string_view>

#include "sim/bundle.hpp"

namespace ovnsim {

// bundle.nb(); throws InputError "<question> needs the NB tables (nb/*.txt|json or nb.db) in
// the bundle" when it has none (a lone dump).
const NbModel& required_nb(const Bundle& bundle, std::string_view question);

}  // namespace ovnsim
