#include "sim/report/trace_text.hpp"

#include <functional>

#include "parser/symbol_table.hpp"
#include "sim/field_format.hpp"
#include "sim/field_openflow.hpp"
#include "sim/report/trace_text_facts.hpp"
#include "sim/report/trace_text_tree.hpp"

namespace ovnsim {
namespace {

std::string friendly_name(const LogicalDatapath* dp) {
    if (dp == nullptr) return "";
    if (!dp->name2.empty()) return std::string(dp->name2);
    if (!dp->name.empty()) return std::string(dp->name);
    return std::string(dp->uuid);
}

// "%2d. " as ovn-trace prints a table number.
std::string table_prefix(std::uint16_t table) {
    std::string out = std::to_string(table);
    if (out.size() < 2) out.insert(0, 1, ' ');
    return out + ". ";
}

// "%08x".
std::string hex8(std::uint32_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(8, '0');
    for (int i = 7; i >= 0; --i, v >>= 4) out[i] = kDigits[v & 0xf];
    return out;
}

std::string action_text(const Action& action) { return print_actions(ActionList{action}); }

// A packet as ovn-trace formats it: without the datapath key and the conntrack zones, which
// ovn-trace does not model.
std::string flow_text(const Packet& packet) {
    Packet shown = packet;
    shown.datapath_key = shown.ct_zone = shown.dnat_zone = shown.snat_zone = 0;
    return format_openflow_flow(shown);
}

// OpenFlow registers: ovn-trace shows no modification of these (mf_is_register).
bool is_register(Storage s) {
    switch (s) {
    case Storage::xxreg0:
    case Storage::xxreg1:
    case Storage::xreg4:
    case Storage::flags:
    case Storage::inport_key:
    case Storage::outport_key:
    case Storage::inport:
    case Storage::outport: return true;
    default: return false;
    }
}

std::optional<FieldBits> field_bits(const FieldRef& ref) {
    const Symbol* symbol = SymbolTable::standard().find(ref.name);
    if (symbol == nullptr || symbol->kind == SymbolKind::predicate) return std::nullopt;
    if (!ref.has_bits) return symbol->field();
    const BitRange range{ref.low, ref.high};
    if (symbol->check_range(range)) return std::nullopt;
    return symbol->field(range);
}

std::string field_ref_text(const FieldRef& ref) {
    std::string out(ref.name);
    if (ref.has_bits) {
        out += '[' + std::to_string(ref.low);
        if (ref.high != ref.low) out += ".." + std::to_string(ref.high);
        out += ']';
    }
    return out;
}

// ovn-trace's title for the branch after a ct action it cannot model.
std::string ovn_trace_branch_title(const CtLookupEvent& e) {
    const std::string action(e.action);
    const std::string state = ct_state_text(e.state);
    const std::string by_default = e.source == CtSource::forced_default ? " /* default (use --ct to customize) */" : "";
    if (action == "ct_next") return "ct_next(ct_state=" + state + by_default + ")";
    if (action == "ct_commit_nat") return "ct_commit_nat /* assuming no un-nat entry, so no change */" + by_default;
    if (action.rfind("ct_dnat", 0) == 0 || action.rfind("ct_snat", 0) == 0) {
        const char direction = action[3];
        if (!e.nat_applied)
            return action + std::string(" /* assuming no un-") + direction + "nat entry, so no change */" + by_default;
        const std::string ip = e.tuple.ipv6 ? format_ipv6(e.nat_applied->address) : format_ipv4(e.nat_applied->address);
        return action + "(" + (e.tuple.ipv6 ? "ip6." : "ip4.") + (direction == 'd' ? "dst=" : "src=") + ip + ")" + by_default;
    }
    return action + by_default;  // ct_lb, ct_lb_mark, ct_commit_to_zone(...)
}

}  // namespace

TraceTextPrinter::TraceTextPrinter(std::ostream& out, TraceTextOptions options)
    : out_(out), options_(std::move(options)) {}

TraceTextPrinter::~TraceTextPrinter() = default;

void TraceTextPrinter::push(TraceNode* node, std::string datapath, std::optional<Pipeline> pipeline, std::string inport) {
    frames_.push_back({node, node, std::move(datapath), pipeline, std::move(inport)});
}

void TraceTextPrinter::pop() {
    if (frames_.size() > 1) frames_.pop_back();
}

bool TraceTextPrinter::shows(TraceNodeType type) const {
    switch (options_.style) {
    case TraceTextStyle::detailed: return type != TraceNodeType::modify;  // never printed there
    case TraceTextStyle::summary: return shown_in_summary(type);
    case TraceTextStyle::minimal: return shown_in_minimal(type);
    }
    return true;
}

TraceNode* TraceTextPrinter::add(TraceNode* parent, TraceNodeType type, std::string text) {
    return shows(type) ? parent->add(type, std::move(text)) : parent;
}

bool TraceTextPrinter::shows_facts(bool visible) const {
    return !options_.ovn_trace_only && shows(visible ? TraceNodeType::visible_fact : TraceNodeType::fact);
}

void TraceTextPrinter::fact(std::string text, bool visible) {
    if (shows_facts(visible)) insert()->add(visible ? TraceNodeType::visible_fact : TraceNodeType::fact, std::move(text));
}

bool TraceTextPrinter::in_egress() const {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
        if (it->pipeline) return *it->pipeline == Pipeline::Egress;
    return false;
}

const std::string& TraceTextPrinter::current_datapath() const {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
        if (it->pipeline) return it->datapath;
    return frames_.front().datapath;
}

const std::string& TraceTextPrinter::current_inport() const {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it)
        if (it->pipeline) return it->inport;
    return frames_.front().inport;
}

void TraceTextPrinter::packet_start(const PacketStartEvent& e) {
    root_ = std::make_unique<TraceNode>();
    frames_.clear();
    push(root_.get(), friendly_name(e.datapath), std::nullopt);
    flow_line_ = e.packet ? "# " + flow_text(*e.packet) : std::string();
    omitted_hop_.reset();
    hop_with_actions_.reset();
    commit_body_begin_ = commit_body_end_ = nullptr;
}

void TraceTextPrinter::pipeline_start(const PipelineStartEvent& e) {
    const std::string dp = friendly_name(e.datapath);
    std::string text;
    const bool ingress = e.pipeline == Pipeline::Ingress;
    if (e.entry == PipelineEntry::jump) {
        text = ingress ? "ingress(dp=\"" + dp + "\", inport=\"" + std::string(e.inport) + "\")"
                       : "egress(dp=\"" + dp + "\", outport=\"" + std::string(e.outport) + "\")";
    } else if (ingress) {
        text = "ingress(dp=\"" + dp + "\", inport=\"" + std::string(e.inport) + "\")";
    } else {
        text = "egress(dp=\"" + dp + "\", inport=\"" + std::string(e.inport) + "\", outport=\"" + std::string(e.outport) + "\")";
    }
    TraceNode* node = add(insert(), TraceNodeType::pipeline, std::move(text));
    if (node != insert()) node->always_indent = e.entry == PipelineEntry::multicast_copy;
    push(node, dp, e.pipeline, std::string(e.inport));
    if (e.entry == PipelineEntry::from_remote_ingress)
        fact("the outport is bound to another chassis: flags and conntrack state do not cross the tunnel");
}

void TraceTextPrinter::pipeline_end(const PipelineEndEvent&) { pop(); }

void TraceTextPrinter::table_hit(const TableHitEvent& e) {
    hop_with_actions_.reset();
    if (e.ovn_trace_omits) {
        omitted_hop_ = e.hop;
        return;
    }
    omitted_hop_.reset();
    if (e.packet && shows(TraceNodeType::modify)) hop_packet_ = *e.packet;
    const DumpFlow& f = *e.flow;
    if (shows(TraceNodeType::table)) {
        std::string text = table_prefix(f.table);
        if (e.stage && !e.stage->name.empty()) text += std::string(e.stage->name) + ": ";
        text += std::string(f.match) + ", priority " + std::to_string(f.priority);
        if (e.flow_uuid) text += ", uuid " + hex8(*e.flow_uuid);
        frames_.back().insert = insert()->add(TraceNodeType::table, std::move(text));
    }
    if (!e.ties.empty() && shows_facts()) {
        std::string lines;
        for (const DumpFlow* tie : e.ties) lines += (lines.empty() ? "" : ", ") + std::to_string(tie->line);
        fact(std::to_string(e.ties.size()) + " other flow(s) of priority " + std::to_string(f.priority) +
             " match too (dump line " + lines + "): ambiguous, the first in dump order ran");
    }
}

void TraceTextPrinter::table_miss(const TableMissEvent& e) {
    omitted_hop_.reset();
    if (!shows(TraceNodeType::table)) return;
    std::string text = table_prefix(e.table);
    if (e.stage && !e.stage->name.empty()) text += std::string(e.stage->name) + ": ";
    text += "no match (implicit drop)";
    frames_.back().insert = insert()->add(TraceNodeType::table, std::move(text));
}

void TraceTextPrinter::action(const ActionEvent& e) {
    if (omitted_hop_ && *omitted_hop_ == e.hop) return;
    const std::less<const Action*> before;
    if (commit_body_begin_ && !before(e.action, commit_body_begin_) && before(e.action, commit_body_end_)) return;
    hop_with_actions_ = e.hop;
    if (shows(TraceNodeType::action)) insert()->add(TraceNodeType::action, action_text(*e.action));
    if (const auto* commit = std::get_if<CtCommitAction>(&e.action->node); commit && !commit->body.empty()) {
        commit_body_begin_ = commit->body.data();
        commit_body_end_ = commit->body.data() + commit->body.size();
    }
    if (shows(TraceNodeType::modify)) add_modifications(*e.action);
}

// The header changes ovn-trace lists as modifications (kept by --minimal).
void TraceTextPrinter::add_modifications(const Action& action) {
    auto value_of = [this](const FieldRef& ref) -> std::string {
        const auto bits = field_bits(ref);
        if (!bits || !hop_packet_ || is_string_storage(bits->storage)) return field_ref_text(ref);
        return format_field_value(bits->storage, hop_packet_->read(*bits), bits->width);
    };
    auto visible = [](const FieldRef& ref) {
        const auto bits = field_bits(ref);
        return bits && !is_register(bits->storage);
    };
    if (const auto* load = std::get_if<LoadAction>(&action.node)) {
        if (visible(load->destination)) {
            std::string text = action_text(action);
            if (!text.empty() && text.back() == ';') text.pop_back();
            add(insert(), TraceNodeType::modify, std::move(text));
        }
    } else if (const auto* move = std::get_if<MoveAction>(&action.node)) {
        if (visible(move->destination))
            add(insert(), TraceNodeType::modify, field_ref_text(move->destination) + " = " + value_of(move->source));
    } else if (const auto* exchange = std::get_if<ExchangeAction>(&action.node)) {
        if (visible(exchange->left))
            add(insert(), TraceNodeType::modify, field_ref_text(exchange->left) + " = " + value_of(exchange->right));
        if (visible(exchange->right))
            add(insert(), TraceNodeType::modify, field_ref_text(exchange->right) + " = " + value_of(exchange->left));
    } else if (std::holds_alternative<DecrementTtlAction>(action.node)) {
        add(insert(), TraceNodeType::modify, "ip.ttl--");
    }
}

void TraceTextPrinter::ct_lookup(const CtLookupEvent& e) {
    if (options_.ovn_trace_only) {
        pending_branch_title_ = ovn_trace_branch_title(e);
    } else {
        pending_branch_title_ = std::string(e.action) + "(ct_state=" + ct_state_text(e.state) + ")";
        if (shows_facts()) pending_branch_fact_ = format_ct_lookup(e);
    }
}

void TraceTextPrinter::ct_commit(const CtCommitEvent& e) {
    if (shows_facts()) fact(format_ct_commit(e));
}

void TraceTextPrinter::sample(const SampleEvent& e) {
    if (e.sample == nullptr || !shows_facts(true)) return;
    fact(format_sample(*e.sample), true);
    if (options_.describe_sample)
        for (std::string& line : options_.describe_sample(*e.sample)) fact("  " + line, true);
}

void TraceTextPrinter::log(const LogEvent& e) {
    const std::string name = e.name ? std::string(*e.name) : "<unnamed>";
    const std::string packet = e.packet ? flow_text(*e.packet) : std::string();
    add(insert(), TraceNodeType::transformation,
                  "LOG: ACL name=" + name + ", direction=" + (e.pipeline == Pipeline::Ingress ? "IN" : "OUT") +
                      ", verdict=" + std::string(e.verdict) + ", severity=" + std::string(e.severity) + ", packet=\"" +
                      packet + "\"");
}

void TraceTextPrinter::drop(const DropEvent& e) {
    if (e.drop == nullptr) return;
    const DropInfo& d = *e.drop;
    switch (d.reason) {
    case DropReason::drop_action:
        // An empty action list (or `/* drop */`) ran no action: ovn-trace shows `drop;`.
        if (!hop_with_actions_ || (d.hop && *hop_with_actions_ != *d.hop)) add(insert(), TraceNodeType::action, "drop;");
        break;
    case DropReason::null_output_port: add(insert(), TraceNodeType::error, "*** output to null logical port"); break;
    case DropReason::unknown_output_port:
        add(insert(), TraceNodeType::error, "*** unknown port or multicast group \"" + d.port + "\"");
        break;
    case DropReason::loopback:
        add(insert(), TraceNodeType::output, "/* omitting output because inport == outport && !flags.loopback */");
        break;
    case DropReason::loop_guard: add(insert(), TraceNodeType::error, "*** too many tables: the trace loops"); break;
    case DropReason::no_peer:
        add(insert(), TraceNodeType::error, "*** patch port \"" + d.port + "\" has no peer datapath in the dump");
        break;
    case DropReason::empty_group:
        add(insert(), TraceNodeType::fact, "no port of multicast group \"" + d.port + "\" to send a copy to");
        break;
    case DropReason::no_match:
    case DropReason::no_table:
    case DropReason::generated_only: break;
    }
}

void TraceTextPrinter::output(const OutputEvent& e) {
    if (!in_egress()) return;
    add(insert(), TraceNodeType::output,
                  "/* output to \"" + std::string(e.port) + "\", type \"" + std::string(e.port_type) + "\" */");
    if (e.delivered) add(insert(), TraceNodeType::modify, "output(\"" + std::string(e.port) + "\")");
}

void TraceTextPrinter::not_modelled(const NotModelledEvent& e) {
    std::string text = "not modelled: " + std::string(e.action);
    if (!e.assumption.empty()) text += " (" + std::string(e.assumption) + ")";
    fact(std::move(text));
}

void TraceTextPrinter::note(const NoteEvent& e) {
    if (e.note == nullptr) return;
    if (e.note->code == "loopback_copy_omitted" && frames_.back().multicast) {
        // ovn-trace shows the copy to the inport, and why it goes no further.
        TraceNode* copy = add(insert(), TraceNodeType::pipeline,
                              "egress(dp=\"" + current_datapath() + "\", inport=\"" + current_inport() + "\", outport=\"" +
                                  e.note->subject + "\")");
        if (copy != insert()) copy->always_indent = true;
        add(copy, TraceNodeType::output, "/* omitting output because inport == outport && !flags.loopback */");
        return;
    }
    // Other notes (assumptions such as "chassis_unknown") are listed once, under the packet.
}

void TraceTextPrinter::branch_start(const BranchEvent& e) {
    TraceNode* node = nullptr;
    switch (e.kind) {
    case BranchKind::recirculation:
        node = add(insert(), TraceNodeType::transformation,
                             pending_branch_title_.empty() ? std::string(e.name) : pending_branch_title_);
        push(node, current_datapath(), std::nullopt);
        if (!pending_branch_fact_.empty()) fact(std::move(pending_branch_fact_));
        break;
    case BranchKind::multicast_group:
        node = add(insert(), TraceNodeType::pipeline,
                             "multicast(dp=\"" + current_datapath() + "\", mcgroup=\"" + std::string(e.name) + "\")");
        push(node, current_datapath(), std::nullopt, current_inport());
        frames_.back().multicast = true;
        break;
    case BranchKind::clone:
    case BranchKind::generated_packet:
        node = add(insert(), TraceNodeType::transformation, std::string(e.name));
        push(node, current_datapath(), std::nullopt);
        if (e.kind == BranchKind::generated_packet && e.packet && shows_facts())
            fact("generated packet: " + flow_text(*e.packet));
        break;
    }
    pending_branch_title_.clear();
    pending_branch_fact_.clear();
}

void TraceTextPrinter::branch_end(const BranchEvent&) { pop(); }

std::string TraceTextPrinter::header(const PacketResult& r) const {
    std::string out;
    if (!options_.ovn_trace_only) {
        out += "# " + r.role + ": " + r.datapath;
        out += r.microflow.empty() ? "\n" : " '" + r.microflow + "'\n";
    }
    if (!flow_line_.empty()) out += flow_line_ + '\n';
    if (!options_.ovn_trace_only)
        for (const FilledField& f : r.defaults) out += "# default: " + format_filled(f, r.packet) + '\n';
    return out;
}

std::string TraceTextPrinter::footer(const PacketResult& r) const {
    if (options_.ovn_trace_only) return {};
    std::string out = "# verdict: " + format_verdict(r) + '\n';
    if (r.acl) out += "# acl: " + format_acl(*r.acl) + '\n';
    for (const std::string& action : r.not_modelled) out += "# not modelled: " + action + '\n';
    for (const TraceNote& note : r.notes)
        if (note.code != "loopback_copy_omitted")
            out += "# note: " + note.code + (note.subject.empty() ? "" : " (" + note.subject + ")") + '\n';
    const auto conntrack = format_conntrack(r.conntrack);
    out += conntrack.empty() ? "# conntrack after the packet: empty\n" : "# conntrack after the packet:\n";
    for (const std::string& line : conntrack) out += "#   " + line + '\n';
    return out;
}

void TraceTextPrinter::packet_end(const PacketEndEvent& e) {
    if (e.result == nullptr || !root_) return;
    std::string text = packets_written_++ == 0 ? "" : "\n";
    text += header(*e.result);
    switch (options_.style) {
    case TraceTextStyle::detailed: text += render_detailed(*root_); break;
    case TraceTextStyle::summary: text += render_summary(*root_); break;
    case TraceTextStyle::minimal: text += render_minimal(*root_); break;
    }
    text += footer(*e.result);
    out_ << text;
    root_.reset();
}

}  // namespace ovnsim
