#include "parser/ovsdb_db_file_index.hpp"

#include <unordered_map>

#include "parser/ovsdb_db_file.hpp"
#include "parser/ovsdb_db_replay.hpp"
#include "parser/ovsdb_json_skim.hpp"
#include "parser/ovsdb_log.hpp"
#include "parser/ovsdb_row_index_formats.hpp"

namespace ovnsim {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// A transaction's write of one row: the row object at text[begin, end).
struct RowWrite {
    std::uint32_t record = 0;
    std::uint32_t next = kNone;  // the row's next write
    std::size_t key = 0;         // where the row's uuid key starts
    std::size_t begin = 0, end = 0;
};

// A row as it stands at the end of the file: the writes since it was (last) inserted.
struct RowHistory {
    Uuid uuid;
    std::uint32_t first = kNone, last = kNone;  // into Impl::writes
    std::uint32_t count = 0;
    bool alive = true;
};

// The rows of one table, by uuid to the latest row of that uuid (an open-addressing table
// that never removes: a deleted row stays, marked dead, until its uuid comes back).
class TableHistory {
public:
    std::vector<RowHistory> rows;  // in insertion order, deleted ones included

    // The live row of `uuid`, or nullptr.
    RowHistory* live(const Uuid& uuid) {
        const std::uint32_t i = slots_.empty() ? kNone : slots_[slot(uuid)];
        return i != kNone && rows[i].alive ? &rows[i] : nullptr;
    }
    RowHistory& insert(const Uuid& uuid) {
        if ((rows.size() + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 64 : slots_.size() * 2);
        slots_[slot(uuid)] = static_cast<std::uint32_t>(rows.size());
        rows.push_back(RowHistory{uuid});
        return rows.back();
    }

private:
    // The slot of `uuid`, or the empty slot it would take.
    std::size_t slot(const Uuid& uuid) const {
        std::size_t s = UuidHash{}(uuid) & (slots_.size() - 1);
        while (slots_[s] != kNone && rows[slots_[s]].uuid != uuid) s = (s + 1) & (slots_.size() - 1);
        return s;
    }
    void rehash(std::size_t size) {
        slots_.assign(size, kNone);
        for (std::uint32_t i = 0; i < rows.size(); ++i) {
            if (!rows[i].alive) continue;
            slots_[slot(rows[i].uuid)] = i;
        }
    }

    std::vector<std::uint32_t> slots_;
};

}  // namespace

struct OvsdbDatabaseIndex::Impl {
    std::shared_ptr<const TextFile> file;
    OvsdbLineIndex lines;
    OvsdbSchema schema;
    std::map<std::string, OvsdbReplayTable, std::less<>> tables;
    std::vector<bool> is_diff;  // per record
    std::vector<RowWrite> writes;  // in file order
    std::map<std::string, std::unique_ptr<OvsdbRowIndex>, std::less<>> rows;
    // When the skim could not follow the file: the whole file, read the usual way.
    std::optional<OvsdbDatabase> parsed;

    explicit Impl(std::shared_ptr<const TextFile> f) : file(std::move(f)), lines(file->text()) {}

    bool skim(const std::vector<OvsdbLogRecord>& records, std::map<std::string, TableHistory, std::less<>>& history);
    bool skim_record(const OvsdbLogRecord& record, std::uint32_t number,
                     std::map<std::string, TableHistory, std::less<>>& history);
    OvsdbRow replay(const OvsdbReplayTable& table, const RowHistory& row) const;
};

namespace {

class DbTableRows final : public OvsdbRowIndex {
public:
    DbTableRows(const OvsdbDatabaseIndex::Impl& db, const OvsdbReplayTable& table, std::vector<RowHistory> rows)
        : db_(db), table_(table), rows_(std::move(rows)) {
        skeleton_.name = table.name;
        skeleton_.source = db.file->path();
        skeleton_.columns = table.columns;
        uuids_.reserve(rows_.size());
        for (const RowHistory& row : rows_) uuids_.push_back(row.uuid);
        index_uuids();
    }

    OvsdbRow row(std::size_t row) const override { return db_.replay(table_, rows_.at(row)); }

    std::optional<std::vector<std::string>> simple_cells(std::size_t row,
                                                         std::span<const std::string> columns) const override {
        const RowHistory& h = rows_.at(row);
        if (h.count != 1) return std::nullopt;
        std::vector<std::optional<std::string>> found(columns.size());
        JsonSkimmer s(db_.file->text(), db_.writes[h.first].begin);
        if (!s.consume('{')) return std::nullopt;
        if (!s.consume('}')) {
            do {
                const auto key = s.plain_string();
                if (!key || !s.consume(':')) return std::nullopt;
                for (std::size_t k = 0; k < columns.size(); ++k) {
                    if (*key != columns[k]) continue;
                    JsonSkimmer cell = s;
                    found[k] = skim_simple_datum(cell);
                    if (!found[k]) return std::nullopt;
                }
                if (!s.skip_value()) return std::nullopt;
            } while (s.consume(','));
        }
        std::vector<std::string> out;
        for (std::size_t k = 0; k < columns.size(); ++k) {
            if (!found[k]) {
                const auto column = table_.column_index(columns[k]);
                if (!column) return std::nullopt;
                found[k] = simple_datum_text(table_.defaults[*column]);
                if (!found[k]) return std::nullopt;
            }
            out.push_back(std::move(*found[k]));
        }
        return out;
    }

private:
    const OvsdbDatabaseIndex::Impl& db_;
    const OvsdbReplayTable& table_;
    std::vector<RowHistory> rows_;
};

}  // namespace

// One transaction, {"Table": {"uuid": {row} | null, ...}, "_date": ..., "_is_diff": ...}.
// False for anything the whole-file reader would reject (or the skim cannot follow).
bool OvsdbDatabaseIndex::Impl::skim_record(const OvsdbLogRecord& record, std::uint32_t number,
                                           std::map<std::string, TableHistory, std::less<>>& history) {
    const std::size_t end_of_data = record.data_offset + record.data.size();
    JsonSkimmer s(file->text().substr(0, end_of_data), record.data_offset);
    if (!s.consume('{')) return false;
    bool diff = false;
    if (!s.consume('}')) {
        do {
            const auto key = s.plain_string();
            if (!key || !s.consume(':')) return false;
            const auto table = tables.find(*key);
            if (table == tables.end()) {
                if (*key != "_date" && *key != "_comment" && *key != "_is_diff") return false;
                if (s.peek() == '{' || s.peek() == '[') return false;
                const std::size_t start = s.pos();
                if (!s.skip_value()) return false;
                if (*key == "_is_diff") diff = s.text().substr(start, s.pos() - start) == "true";
                continue;
            }
            TableHistory& rows = history[table->first];
            if (!s.consume('{')) return false;
            if (s.consume('}')) continue;
            do {
                s.peek();
                const std::size_t key_at = s.pos();
                const auto row_key = s.plain_string();
                if (!row_key || !s.consume(':')) return false;
                const auto uuid = Uuid::parse(*row_key);
                if (!uuid) return false;
                RowHistory* live = rows.live(*uuid);
                if (s.peek() == 'n') {  // null: delete
                    const std::size_t value_at = s.pos();
                    if (!s.skip_value() || s.text().substr(value_at, s.pos() - value_at) != "null") return false;
                    if (live == nullptr) return false;
                    live->alive = false;
                    continue;
                }
                if (s.peek() != '{') return false;
                const std::size_t begin = s.pos();
                if (!s.skip_value()) return false;
                if (live == nullptr) live = &rows.insert(*uuid);
                const auto w = static_cast<std::uint32_t>(writes.size());
                writes.push_back(RowWrite{number, kNone, key_at, begin, s.pos()});
                if (live->last == kNone) live->first = w;
                else writes[live->last].next = w;
                live->last = w;
                ++live->count;
            } while (s.consume(','));
            if (!s.consume('}')) return false;
        } while (s.consume(','));
        if (!s.consume('}')) return false;
    }
    if (s.peek() != '\0') return false;
    if (is_diff.size() <= number) is_diff.resize(number + 1);
    is_diff[number] = diff;
    return true;
}

bool OvsdbDatabaseIndex::Impl::skim(const std::vector<OvsdbLogRecord>& records,
                                    std::map<std::string, TableHistory, std::less<>>& history) {
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (!skim_record(records[i], static_cast<std::uint32_t>(i), history)) return false;
    }
    return true;
}

OvsdbRow OvsdbDatabaseIndex::Impl::replay(const OvsdbReplayTable& table, const RowHistory& history) const {
    const OvsdbReplayErrors errors(*file, lines);
    OvsdbRow row;
    row.uuid = history.uuid;
    row.values = table.defaults;
    row.locs.resize(table.columns.size());
    for (std::uint32_t w = history.first; w != kNone; w = writes[w].next) {
        auto cells = read_ovsdb_row_write(table, writes[w].begin, writes[w].end, errors);
        apply_ovsdb_row_write(table, row.values, row.locs, cells, w == history.first, is_diff[writes[w].record]);
        row.loc = lines.locate(writes[w].key);
    }
    return row;
}

OvsdbDatabaseIndex::OvsdbDatabaseIndex(std::shared_ptr<const TextFile> file)
    : impl_(std::make_unique<Impl>(std::move(file))) {
    Impl& db = *impl_;
    const auto records = split_ovsdb_log(*db.file);
    db.schema = read_ovsdb_schema_record(*db.file, db.lines, records.front());
    db.tables = ovsdb_replay_tables(db.schema);
    std::map<std::string, TableHistory, std::less<>> history;
    if (!db.skim(records, history)) {
        // The usual reader says what is wrong (or reads what the skim could not follow).
        OvsdbDatabaseFile whole = read_ovsdb_database_file(*db.file);
        for (auto& [name, table] : whole.database.tables) db.rows.emplace(name, index_parsed_table(std::move(table)));
        return;
    }
    for (const auto& [name, table] : db.tables) {
        std::vector<RowHistory> live;
        auto& rows = history[name].rows;
        for (RowHistory& row : rows) {
            if (row.alive) live.push_back(std::move(row));
        }
        db.rows.emplace(name, std::make_unique<DbTableRows>(db, table, std::move(live)));
    }
}

OvsdbDatabaseIndex::~OvsdbDatabaseIndex() = default;

const std::string& OvsdbDatabaseIndex::name() const { return impl_->schema.name; }
const std::string& OvsdbDatabaseIndex::version() const { return impl_->schema.version; }

std::vector<std::string> OvsdbDatabaseIndex::table_names() const {
    std::vector<std::string> names;
    for (const auto& [name, rows] : impl_->rows) names.push_back(name);
    return names;
}

bool OvsdbDatabaseIndex::has_table(std::string_view name) const { return impl_->rows.contains(name); }

const OvsdbRowIndex* OvsdbDatabaseIndex::rows(std::string_view name) const {
    const auto it = impl_->rows.find(name);
    return it == impl_->rows.end() ? nullptr : it->second.get();
}

OvsdbTable OvsdbDatabaseIndex::table(std::string_view name) const {
    const OvsdbRowIndex* index = rows(name);
    if (index == nullptr) throw InputError(impl_->file->path(), {}, "no table " + std::string(name) + " in the database");
    OvsdbTable table = index->skeleton();
    table.rows.reserve(index->size());
    for (std::size_t i = 0; i < index->size(); ++i) table.rows.push_back(index->row(i));
    return table;
}

}  // namespace ovnsim
