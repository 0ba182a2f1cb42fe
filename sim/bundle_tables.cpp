#include "sim/bundle_tables.hpp"

#include <string>

namespace ovnsim {

const NbModel& required_nb(const Bundle& bundle, std::string_view question) {
    if (!bundle.has_nb()) {
        throw InputError(bundle.path(), {},
                         std::string(question) + " needs the NB tables (nb/*.txt|json or nb.db) in the bundle");
    }
    return bundle.nb();
}

}  // namespace ovnsim
