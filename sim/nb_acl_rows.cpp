#include "sim/nb_acl_rows.hpp"

#include "sim/nb_rows_from_ovsdb.hpp"

namespace ovnsim {

const NbAcl& NbAclRows::typed(std::size_t row) const {
    return typed_.get(row, [&] { return nb_acl_from_row(rows_->skeleton(), rows_->row(row)); });
}

const NbAcl* NbAclRows::by_uuid(const Uuid& uuid) const {
    if (!rows_) return nullptr;
    const auto row = rows_->find(uuid);
    if (!row) return nullptr;
    return &typed(*row);
}

std::vector<const NbAcl*> NbAclRows::by_stage_hint(std::uint32_t hint) const {
    std::vector<const NbAcl*> out;
    if (!rows_) return out;
    for (const std::size_t row : rows_->rows_with_prefix(hint)) out.push_back(&typed(row));
    return out;
}

}  // namespace ovnsim
