#pragma once
// NB ACL rows found one at a time, without building the table: by full uuid (the ACL a
// connection was committed under) or by the 32-bit uuid prefix a logical flow's
// stage-hint names. Rows are typed once and kept; their references (samples, switches,
// port groups) are left unresolved: what a traced verdict prints needs only the ACL's own
// columns. Thread-safe.
#include <cstdint>
#include <vector>

#include "parser/ovsdb_row_index.hpp"
#include "sim/nb_rows.hpp"
#include "sim/typed_row_cache.hpp"

namespace ovnsim {

class NbAclRows {
public:
    // `rows` null: the bundle has no ACL table.
    explicit NbAclRows(const OvsdbRowIndex* rows) : rows_(rows) {}

    bool available() const { return rows_ != nullptr; }
    const NbAcl* by_uuid(const Uuid& uuid) const;
    // The ACLs whose uuid starts with these 32 bits, in file order.
    std::vector<const NbAcl*> by_stage_hint(std::uint32_t hint) const;

private:
    const NbAcl& typed(std::size_t row) const;

    const OvsdbRowIndex* rows_;
    TypedRowCache<NbAcl> typed_;
};

}  // namespace ovnsim
