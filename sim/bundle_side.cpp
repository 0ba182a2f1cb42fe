#include "sim/bundle_side.hpp"

#include "parser/ovsdb_listing.hpp"
#include "parser/text_file.hpp"

namespace ovnsim {

// Where one table comes from, and what has been read of it.
struct BundleSide::Slot {
    std::string name;
    std::optional<std::string> listing;  // else the database file's table
    std::once_flag file_once, table_once, rows_once;
    std::shared_ptr<const TextFile> file;
    const OvsdbTable* table = nullptr;
    std::unique_ptr<OvsdbRowIndex> own_rows;  // a listing's
    const OvsdbRowIndex* rows = nullptr;
};

BundleSide::BundleSide(Listings listings, std::optional<std::string> database_file)
    : listings_(std::move(listings)), database_file_(std::move(database_file)) {}

BundleSide::~BundleSide() = default;

const OvsdbDatabaseIndex* BundleSide::database() const {
    if (!database_file_) return nullptr;
    std::call_once(database_once_, [this] {
        database_ = std::make_unique<OvsdbDatabaseIndex>(TextFile::read(*database_file_));
    });
    return database_.get();
}

BundleSide::Slot* BundleSide::slot(std::string_view table) const {
    {
        std::lock_guard lock(mutex_);
        if (const auto it = slots_.find(table); it != slots_.end()) return it->second.get();
    }
    auto s = std::make_unique<Slot>();
    s->name = std::string(table);
    if (const auto it = listings_.find(table); it != listings_.end()) {
        s->listing = it->second.front();
    } else if (!database() || !database()->has_table(table)) {
        s.reset();
    }
    std::lock_guard lock(mutex_);
    const auto [it, inserted] = slots_.try_emplace(std::string(table), std::move(s));
    return it->second.get();
}

bool BundleSide::has(std::string_view table) const { return slot(table) != nullptr; }

const OvsdbTable* BundleSide::table(std::string_view table) const {
    Slot* s = slot(table);
    if (s == nullptr) return nullptr;
    std::call_once(s->table_once, [&] {
        OvsdbTable read;
        if (s->listing) {
            std::call_once(s->file_once, [&] { s->file = TextFile::read(*s->listing); });
            read = parse_ovsdb_listing(*s->file, ovsdb_table_name_from_path(*s->listing));
        } else {
            read = database()->table(table);
        }
        std::lock_guard lock(mutex_);
        auto [it, inserted] = tables_.tables.try_emplace(s->name, std::move(read));
        s->table = &it->second;
    });
    return s->table;
}

const OvsdbRowIndex* BundleSide::rows(std::string_view table) const {
    Slot* s = slot(table);
    if (s == nullptr) return nullptr;
    std::call_once(s->rows_once, [&] {
        if (s->listing) {
            std::call_once(s->file_once, [&] { s->file = TextFile::read(*s->listing); });
            s->own_rows = index_ovsdb_listing(s->file, ovsdb_table_name_from_path(*s->listing));
            s->rows = s->own_rows.get();
        } else {
            s->rows = database()->rows(table);
        }
    });
    return s->rows;
}

const OvsdbDatabase& BundleSide::all() const {
    std::call_once(all_once_, [this] {
        for (const auto& [name, paths] : listings_) this->table(name);
        if (const OvsdbDatabaseIndex* db = database()) {
            for (const std::string& name : db->table_names()) this->table(name);
            std::lock_guard lock(mutex_);
            tables_.name = db->name();
            tables_.version = db->version();
        }
    });
    return tables_;
}

}  // namespace ovnsim
