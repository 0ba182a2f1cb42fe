#include "sim/report/trace_table.hpp"

#include <algorithm>

#include "sim/report/trace_text_facts.hpp"

namespace ovnsim {
namespace {

std::string cut(std::string_view text, std::size_t max) {
    if (text.size() <= max || max < 4) return std::string(text);
    return std::string(text.substr(0, max - 3)) + "...";
}

std::string datapath_name(const LogicalDatapath* dp) {
    if (dp == nullptr) return "";
    return std::string(!dp->name.empty() ? dp->name : dp->uuid);
}

void append(std::string& cell, const std::string& text) {
    if (!cell.empty()) cell += "; ";
    cell += text;
}

// Aligned columns, two spaces apart, a dashed line under the header; no trailing blanks.
std::string render_columns(const std::vector<std::vector<std::string>>& table) {
    std::vector<std::size_t> widths;
    for (const auto& row : table)
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) widths.push_back(0);
            widths[i] = std::max(widths[i], row[i].size());
        }
    std::string out;
    auto line = [&](const std::vector<std::string>& row) {
        std::string text;
        for (std::size_t i = 0; i < row.size(); ++i) {
            text += row[i];
            if (i + 1 < row.size()) text += std::string(widths[i] - row[i].size() + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + '\n';
    };
    for (std::size_t r = 0; r < table.size(); ++r) {
        line(table[r]);
        if (r == 0) {
            std::vector<std::string> dashes;
            for (std::size_t w : widths) dashes.emplace_back(w, '-');
            line(dashes);
        }
    }
    return out;
}

}  // namespace

TraceTablePrinter::TraceTablePrinter(std::ostream& out, TraceTableOptions options) : out_(out), options_(options) {}

void TraceTablePrinter::packet_start(const PacketStartEvent&) {
    rows_.clear();
    row_open_ = false;
    pipelines_.clear();
    zones_.clear();
    for (const CtZoneSnapshot& z : after_last_packet_.zones) zones_[z.zone.number] = z.entries;
}

void TraceTablePrinter::pipeline_start(const PipelineStartEvent& e) {
    finish_row();
    PipelineFrame frame{datapath_name(e.datapath), e.pipeline, std::nullopt};
    if (e.zone && e.zone->number != 0) frame.zone = *e.zone;
    pipelines_.push_back(std::move(frame));
}

void TraceTablePrinter::pipeline_end(const PipelineEndEvent&) {
    finish_row();
    if (!pipelines_.empty()) pipelines_.pop_back();
}

TraceTablePrinter::Row& TraceTablePrinter::start_row(std::optional<std::size_t> hop) {
    finish_row();
    Row row;
    row.hop = hop;
    if (!pipelines_.empty()) {
        const PipelineFrame& p = pipelines_.back();
        row.datapath = p.datapath;
        row.pipeline = p.pipeline == Pipeline::Ingress ? "in" : "out";
        if (p.zone) {
            row.zone = p.zone->name + " (" + std::to_string(p.zone->number) + ")";
            row.zone_number = p.zone->number;
        }
    }
    rows_.push_back(std::move(row));
    row_open_ = true;
    return rows_.back();
}

void TraceTablePrinter::finish_row() {
    if (!row_open_) return;
    row_open_ = false;
    Row& row = rows_.back();
    if (!row.zone_number) return;
    const auto it = zones_.find(*row.zone_number);
    if (it != zones_.end())
        for (const CtEntrySnapshot& e : it->second) append(row.entries, format_ct_entry_compact(e));
    // Unchanged since the zone's previous row: a ditto mark keeps the column readable.
    for (auto prev = rows_.rbegin() + 1; prev != rows_.rend(); ++prev) {
        if (prev->zone_number != row.zone_number) continue;
        if (prev->entries_full == row.entries && !row.entries.empty()) {
            row.entries_full = row.entries;
            row.entries = "\"";
            return;
        }
        break;
    }
    row.entries_full = row.entries;
}

void TraceTablePrinter::table_hit(const TableHitEvent& e) {
    if (e.ovn_trace_omits) return;
    Row& row = start_row(e.hop);
    const DumpFlow& f = *e.flow;
    row.table = std::to_string(f.table);
    row.stage = e.stage ? std::string(e.stage->name) : std::string();
    row.priority = std::to_string(f.priority);
    row.match = cut(f.match, options_.max_cell);
    row.actions = cut(f.actions, options_.max_cell);
    if (e.packet) {
        const auto state = static_cast<std::uint8_t>(e.packet->get(Storage::ct_state).low());
        row.state = state == 0 ? "-" : ct_state_text(state);
    }
    if (!e.ties.empty()) append(row.notes, "ambiguous: " + std::to_string(e.ties.size()) + " tie(s)");
}

void TraceTablePrinter::table_miss(const TableMissEvent& e) {
    Row& row = start_row(std::nullopt);
    row.table = std::to_string(e.table);
    row.stage = e.stage ? std::string(e.stage->name) : std::string();
    row.match = "no match (implicit drop)";
}

void TraceTablePrinter::ct_lookup(const CtLookupEvent& e) {
    if (e.entry && e.found) remember(e.zone ? e.zone->number : 0, *e.entry);
    if (!row_open_) return;
    std::string text = std::string(e.action) + " -> " + ct_state_text(e.state);
    switch (e.source) {
    case CtSource::modelled: text += e.found ? (e.reply_direction ? " (entry, reply)" : " (entry)") : " (no entry)"; break;
    case CtSource::forced: text += " (--ct)"; break;
    case CtSource::forced_default: text += " (--ct default)"; break;
    }
    append(rows_.back().ct, text);
}

void TraceTablePrinter::ct_commit(const CtCommitEvent& e) {
    remember(e.zone ? e.zone->number : 0, e.entry);
    if (row_open_) append(rows_.back().ct, e.created ? "commit (new entry)" : "commit (update)");
}

void TraceTablePrinter::remember(std::uint32_t zone, const CtEntrySnapshot& entry) {
    auto& entries = zones_[zone];
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const CtEntrySnapshot& e) { return e.original == entry.original; });
    if (it != entries.end()) *it = entry;
    else entries.push_back(entry);
}

void TraceTablePrinter::sample(const SampleEvent& e) {
    if (e.sample == nullptr) return;
    const SampleFired& s = *e.sample;
    for (Row& row : rows_)
        if (row.hop == s.hop)
            append(row.notes, "sample " + std::to_string(s.obs_domain) + "/" +
                                  (s.obs_point_id ? std::to_string(*s.obs_point_id) : std::string("?")) + " set " +
                                  std::to_string(s.collector_set));
}

std::string TraceTablePrinter::render(const PacketResult& r) {
    for (const AclAttribution& acl : r.acls)
        for (Row& row : rows_)
            if (row.hop == acl.hop)
                append(row.notes, "ACL " + (acl.name ? "\"" + *acl.name + "\" " : std::string()) + acl.uuid.substr(0, 8) +
                                      " " + acl.action);
    std::vector<std::vector<std::string>> table;
    table.push_back({"#", "datapath", "pipe", "table", "stage", "prio", "match", "actions", "ct zone", "ct_state",
                     "ct action", "zone entries after", "acl / samples"});
    std::size_t n = 0;
    for (const Row& row : rows_)
        table.push_back({std::to_string(++n), row.datapath, row.pipeline, row.table, row.stage, row.priority, row.match,
                         row.actions, row.zone.empty() ? "-" : row.zone, row.state.empty() ? "-" : row.state,
                         row.ct.empty() ? "-" : row.ct, row.entries.empty() ? "-" : row.entries,
                         row.notes.empty() ? "-" : row.notes});
    std::string out = r.role + ": " + r.datapath + (r.microflow.empty() ? "" : " '" + r.microflow + "'") + '\n';
    out += render_columns(table);
    out += "verdict: " + format_verdict(r) + '\n';
    if (r.acl) out += "acl: " + format_acl(*r.acl) + '\n';
    const auto conntrack = format_conntrack(r.conntrack);
    out += conntrack.empty() ? "conntrack after the packet: empty\n" : "conntrack after the packet:\n";
    for (const std::string& line : conntrack) out += "  " + line + '\n';
    return out;
}

void TraceTablePrinter::packet_end(const PacketEndEvent& e) {
    finish_row();
    if (e.result == nullptr) return;
    out_ << (packets_written_++ == 0 ? "" : "\n") << render(*e.result);
    after_last_packet_ = e.result->conntrack;
}

}  // namespace ovnsim
