#include "sim/eval/stage_index.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <unordered_map>

#include "sim/eval/flat_key_map.hpp"

#include "sim/eval/address_literal.hpp"
#include "sim/packet.hpp"

// The build reads each flow's match once into flat arrays of terms and constants, parses
// each term's constants at most once (the second level reuses them), and sorts flat
// (key, flow) pairs instead of filling hash maps of vectors: a 25 000-flow ACL stage is
// indexed in a few milliseconds.
namespace ovnsim {
namespace {

using NumericKey = std::pair<std::uint64_t, std::uint64_t>;

struct ConstantText {
    std::string_view text;
    bool is_string = false;
};

// `FIELD == C` or `FIELD == {C, ...}`: constants_[first .. last) of the build.
struct EqualityTerm {
    std::uint32_t field = 0;  // index into the build's fields
    std::uint32_t first = 0, last = 0;
};

enum class Tok : std::uint8_t { word, string, eq, open_set, close_set, comma, open_paren, close_paren, or_op, not_op, other };
struct Token {
    Tok kind;
    std::string_view text;
};

// What a character starts. Words run until a character that is not `word` or `slash`.
enum class CharClass : std::uint8_t { word, slash, space, quote, pipe, bang, eq, open_paren, close_paren, open_set, close_set, comma, other };

constexpr std::array<CharClass, 256> kCharClass = [] {
    std::array<CharClass, 256> table{};
    table.fill(CharClass::word);
    for (const unsigned char c : std::string_view(" \t\n\r")) table[c] = CharClass::space;
    for (const unsigned char c : std::string_view("&<>;")) table[c] = CharClass::other;
    table['/'] = CharClass::slash;
    table['"'] = CharClass::quote;
    table['|'] = CharClass::pipe;
    table['!'] = CharClass::bang;
    table['='] = CharClass::eq;
    table['('] = CharClass::open_paren;
    table[')'] = CharClass::close_paren;
    table['{'] = CharClass::open_set;
    table['}'] = CharClass::close_set;
    table[','] = CharClass::comma;
    return table;
}();

CharClass char_class(char c) { return kCharClass[static_cast<unsigned char>(c)]; }

// The match's tokens (strings and comments skipped) into `tokens`; false when it does not
// scan.
bool tokenize(std::string_view text, std::vector<Token>& tokens) {
    tokens.clear();
    const char* p = text.data();
    const char* const end = p + text.size();
    const auto next_is = [&](char c) { return p + 1 < end && p[1] == c; };
    while (p < end) {
        switch (char_class(*p)) {
            case CharClass::space:
                ++p;
                continue;
            case CharClass::slash:
                if (next_is('*')) {
                    const std::size_t close = text.find("*/", static_cast<std::size_t>(p - text.data()) + 2);
                    if (close == std::string_view::npos) return false;
                    p = text.data() + close + 2;
                    continue;
                }
                if (next_is('/')) return true;
                [[fallthrough]];
            case CharClass::word: {
                const char* const begin = p++;
                while (p < end && (char_class(*p) == CharClass::word || char_class(*p) == CharClass::slash)) ++p;
                tokens.push_back({Tok::word, std::string_view(begin, static_cast<std::size_t>(p - begin))});
                continue;
            }
            case CharClass::quote: {
                const char* q = p + 1;
                bool escaped = false;
                while (q < end && *q != '"') {
                    if (*q == '\\') {
                        escaped = true;
                        ++q;
                    }
                    ++q;
                }
                if (q >= end) return false;
                tokens.push_back({escaped ? Tok::other : Tok::string, std::string_view(p + 1, static_cast<std::size_t>(q - p - 1))});
                p = q + 1;
                continue;
            }
            case CharClass::pipe:
                if (next_is('|')) {
                    tokens.push_back({Tok::or_op, {}});
                    p += 2;
                    continue;
                }
                break;
            case CharClass::bang:
                if (!next_is('=')) {
                    tokens.push_back({Tok::not_op, {}});
                    ++p;
                    continue;
                }
                tokens.push_back({Tok::other, {}});  // `!=`
                p += 2;
                continue;
            case CharClass::eq:
                if (next_is('=')) {
                    tokens.push_back({Tok::eq, {}});
                    p += 2;
                    continue;
                }
                break;
            case CharClass::open_paren: tokens.push_back({Tok::open_paren, {}}); ++p; continue;
            case CharClass::close_paren: tokens.push_back({Tok::close_paren, {}}); ++p; continue;
            case CharClass::open_set: tokens.push_back({Tok::open_set, {}}); ++p; continue;
            case CharClass::close_set: tokens.push_back({Tok::close_set, {}}); ++p; continue;
            case CharClass::comma: tokens.push_back({Tok::comma, {}}); ++p; continue;
            case CharClass::other: break;
        }
        tokens.push_back({Tok::other, {}});
        ++p;
    }
    return true;
}

// `name`, `name[lo]` or `name[lo..hi]` as storage bits (nullopt for predicates, unknown
// names and bad ranges). Sets `symbol`.
std::optional<FieldBits> field_bits(std::string_view word, const SymbolTable& symbols, const Symbol*& symbol) {
    const std::size_t bracket = word.find('[');
    symbol = symbols.find(word.substr(0, bracket));
    if (symbol == nullptr || symbol->kind == SymbolKind::predicate) return std::nullopt;
    if (bracket == std::string_view::npos) return symbol->field();
    if (symbol->kind == SymbolKind::string_field || word.back() != ']') return std::nullopt;
    const std::string_view inside = word.substr(bracket + 1, word.size() - bracket - 2);
    const std::size_t dots = inside.find("..");
    unsigned lo = 0, hi = 0;
    const std::string_view lo_text = inside.substr(0, dots);
    if (std::from_chars(lo_text.data(), lo_text.data() + lo_text.size(), lo).ptr != lo_text.data() + lo_text.size())
        return std::nullopt;
    hi = lo;
    if (dots != std::string_view::npos) {
        const std::string_view hi_text = inside.substr(dots + 2);
        if (std::from_chars(hi_text.data(), hi_text.data() + hi_text.size(), hi).ptr != hi_text.data() + hi_text.size())
            return std::nullopt;
    }
    if (symbol->check_range(BitRange{lo, hi})) return std::nullopt;
    return symbol->field(BitRange{lo, hi});
}

// Expands each $set / @group once per index build. Names are views into the dump.
class CachedExpander {
public:
    explicit CachedExpander(const SetExpander& expand) : expand_(expand) {}
    const SetMembers* operator()(char sigil, std::string_view name) {
        if (!expand_) return nullptr;
        auto& cache = sigil == '@' ? port_groups_ : address_sets_;
        auto [it, inserted] = cache.try_emplace(name);
        if (inserted) it->second = expand_(sigil, name);
        return it->second ? &*it->second : nullptr;
    }

private:
    const SetExpander& expand_;
    std::unordered_map<std::string_view, std::optional<SetMembers>> port_groups_, address_sets_;
};

// A decimal integer that fits 64 bits, read as parse_address_literal reads it (no IPv4,
// IPv6, MAC or hex form is all digits).
std::optional<std::uint64_t> plain_decimal(std::string_view text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

// A field some flow tests for equality; `bits` is nullopt when it cannot be a key
// (predicates, unknown names).
struct FieldInfo {
    std::string_view name;
    const Symbol* symbol = nullptr;
    std::optional<FieldBits> bits;
    bool string_field() const { return symbol->kind == SymbolKind::string_field; }
};

// The values a term allows, parsed on first use: keys_[first .. last) of the build, in
// the numeric or string arena by its field's kind.
struct TermKeys {
    enum class State : std::uint8_t { unknown, usable, unusable } state = State::unknown;
    std::uint32_t first = 0, last = 0;
};

// One level's candidate index field: the flows (ascending) that test it, each through
// the term that decides (its first usable one).
struct Column {
    std::vector<std::uint32_t> flows;
    std::vector<std::uint32_t> terms;
};

}  // namespace

// Builds one level of an index over some flows of a stage, and the next level over the
// flows it cannot place.
class StageIndexBuilder {
public:
    static constexpr std::size_t kMinRest = 32;

    StageIndexBuilder(const SymbolTable& symbols, const SetExpander& expand) : symbols_(symbols), expand_(expand) {}

    void read_flows(const LogicalStage& stage);
    std::unique_ptr<StageIndex> level(std::span<const std::uint32_t> positions, bool top);

private:
    // Appends the equality terms every match of the flow satisfies: those whose every
    // enclosing parenthesised group (and the whole match) is a conjunction and not
    // negated. False when the match does not scan.
    bool read_terms(std::string_view text);
    std::uint32_t field_id(std::string_view name, std::size_t nth);
    // Parses the term's keys on first use; false when one of them cannot be a key
    // (masked, unknown set, wrong kind).
    bool usable(std::uint32_t term);
    bool add_keys(const EqualityTerm& term, const FieldInfo& field);
    // The most flows one value of the column can select, counting a value a flow lists
    // twice twice (as a per-key count over the column's keys does).
    template <class Key, class Arena>
    std::size_t largest_bucket(const Column& column, const Arena& arena, FlatKeyMap<Key>& counter);
    template <class Key, class Arena>
    void fill_buckets(const Column& column, const Arena& arena, FlatKeyMap<Key>& keys, StageIndex& index);

    const SymbolTable& symbols_;
    CachedExpander expand_;
    std::vector<FieldInfo> fields_;
    std::unordered_map<std::string_view, std::uint32_t> field_ids_;
    std::vector<std::uint32_t> recent_fields_;  // the field of the nth term of the last flows
    std::vector<EqualityTerm> terms_;
    std::vector<ConstantText> constants_;
    std::vector<TermKeys> keys_of_;
    std::vector<NumericKey> numeric_;
    std::vector<std::string_view> strings_;
    // Flow i's terms are terms_[flow_terms_[i] .. flow_terms_[i + 1]); none when it did not scan.
    std::vector<std::uint32_t> flow_terms_{0};
    // Scratch for read_terms and the levels.
    std::vector<Token> tokens_;
    std::vector<int> parent_, open_, group_of_;
    std::vector<char> optional_, required_;
    FlatKeyMap<NumericKey> numeric_counter_;
    FlatKeyMap<std::string_view> string_counter_;
    std::vector<std::uint32_t> counts_, ids_, last_flow_;
};

std::uint32_t StageIndexBuilder::field_id(std::string_view name, std::size_t nth) {
    // Flows of a stage tend to test the same fields in the same order.
    if (nth < recent_fields_.size() && fields_[recent_fields_[nth]].name == name) return recent_fields_[nth];
    const auto [it, inserted] = field_ids_.try_emplace(name, static_cast<std::uint32_t>(fields_.size()));
    if (inserted) {
        FieldInfo field;
        field.name = name;
        field.bits = field_bits(name, symbols_, field.symbol);
        fields_.push_back(field);
    }
    if (nth >= recent_fields_.size()) recent_fields_.resize(nth + 1);
    recent_fields_[nth] = it->second;
    return it->second;
}

bool StageIndexBuilder::read_terms(std::string_view text) {
    if (!tokenize(text, tokens_)) return false;
    const auto& t = tokens_;
    // Groups: 0 is the whole match; each `(` opens one. A group is optional when it holds
    // `||` directly or is negated; a term is required when no group around it is optional.
    parent_.assign(1, -1);
    optional_.assign(1, false);
    open_.assign(1, 0);
    group_of_.resize(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == Tok::open_paren) {
            parent_.push_back(open_.back());
            optional_.push_back(i > 0 && t[i - 1].kind == Tok::not_op);
            open_.push_back(static_cast<int>(parent_.size() - 1));
        } else if (t[i].kind == Tok::close_paren) {
            if (open_.size() == 1) return false;
            open_.pop_back();
        } else if (t[i].kind == Tok::or_op) {
            optional_[open_.back()] = true;
        }
        group_of_[i] = open_.back();
    }
    // Parents come before their groups.
    required_.resize(parent_.size());
    for (std::size_t g = 0; g < parent_.size(); ++g)
        required_[g] = !optional_[g] && (parent_[g] < 0 || required_[parent_[g]]);

    const std::size_t terms_before = terms_.size();
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i].kind != Tok::word || t[i + 1].kind != Tok::eq || !required_[group_of_[i]]) continue;
        if (i > 0 && (t[i - 1].kind == Tok::eq || t[i - 1].kind == Tok::not_op)) continue;  // `C == field`
        const auto first = static_cast<std::uint32_t>(constants_.size());
        if (t[i + 2].kind == Tok::word || t[i + 2].kind == Tok::string) {
            constants_.push_back({t[i + 2].text, t[i + 2].kind == Tok::string});
        } else if (t[i + 2].kind == Tok::open_set) {
            std::size_t j = i + 3;
            for (; j < t.size() && t[j].kind != Tok::close_set; ++j) {
                if (t[j].kind == Tok::comma) continue;
                if (t[j].kind != Tok::word && t[j].kind != Tok::string) break;
                constants_.push_back({t[j].text, t[j].kind == Tok::string});
            }
            if (j >= t.size() || t[j].kind != Tok::close_set) {
                constants_.resize(first);
                continue;
            }
        } else {
            continue;
        }
        const std::size_t nth = terms_.size() - terms_before;
        terms_.push_back({field_id(t[i].text, nth), first, static_cast<std::uint32_t>(constants_.size())});
    }
    return true;
}

void StageIndexBuilder::read_flows(const LogicalStage& stage) {
    flow_terms_.reserve(stage.flows.size() + 1);
    for (const DumpFlow* flow : stage.flows) {
        const std::size_t before = terms_.size();
        if (!read_terms(flow->match)) terms_.resize(before);
        flow_terms_.push_back(static_cast<std::uint32_t>(terms_.size()));
    }
    keys_of_.resize(terms_.size());
}

bool StageIndexBuilder::add_keys(const EqualityTerm& term, const FieldInfo& field) {
    const unsigned width = field.bits->width;
    const Bits128 full = Bits128::ones(width);
    const bool string_field = field.string_field();
    for (std::uint32_t k = term.first; k < term.last; ++k) {
        const ConstantText& c = constants_[k];
        const char sigil = c.is_string || c.text.empty() ? '\0' : c.text.front();
        if (sigil == '$' || sigil == '@') {
            if ((sigil == '@') != string_field) return false;
            const SetMembers* members = expand_(sigil, c.text.substr(1));
            if (members == nullptr) return false;
            for (const std::string& port : members->ports) strings_.push_back(port);
            for (const MaskedValue& v : members->values) {
                if ((v.mask & full) != full || !v.value.fits_in(width)) return false;
                numeric_.push_back({v.value.high(), v.value.low()});
            }
        } else if (string_field) {
            if (!c.is_string) return false;
            // As in ResolvedMatch::evaluate: OVN reads the port name "none" as no port.
            strings_.push_back(c.text == "none" ? std::string_view() : c.text);
        } else {
            if (c.is_string || sigil == '^') return false;
            if (const auto decimal = plain_decimal(c.text)) {
                if (!Bits128(*decimal).fits_in(width)) return false;
                numeric_.push_back({0, *decimal});
                continue;
            }
            const auto value = parse_address_literal(c.text);
            if (!value || value->masked || !value->value.fits_in(width)) return false;
            numeric_.push_back({value->value.high(), value->value.low()});
        }
    }
    return true;
}

bool StageIndexBuilder::usable(std::uint32_t term) {
    TermKeys& keys = keys_of_[term];
    if (keys.state == TermKeys::State::unknown) {
        const FieldInfo& field = fields_[terms_[term].field];
        const bool strings = field.string_field();
        const std::size_t numeric_before = numeric_.size(), strings_before = strings_.size();
        if (add_keys(terms_[term], field)) {
            keys.state = TermKeys::State::usable;
            keys.first = static_cast<std::uint32_t>(strings ? strings_before : numeric_before);
            keys.last = static_cast<std::uint32_t>(strings ? strings_.size() : numeric_.size());
        } else {
            keys.state = TermKeys::State::unusable;
            numeric_.resize(numeric_before);
            strings_.resize(strings_before);
        }
    }
    return keys.state == TermKeys::State::usable;
}

template <class Key, class Arena>
std::size_t StageIndexBuilder::largest_bucket(const Column& column, const Arena& arena, FlatKeyMap<Key>& counter) {
    counter.clear();
    counts_.clear();
    std::size_t largest = 0;
    for (const std::uint32_t term : column.terms) {
        const TermKeys& keys = keys_of_[term];
        for (std::uint32_t j = keys.first; j < keys.last; ++j) {
            const std::uint32_t id = counter.insert(arena[j]);
            if (id == counts_.size()) counts_.push_back(0);
            largest = std::max<std::size_t>(largest, ++counts_[id]);
        }
    }
    return largest;
}

template <class Key, class Arena>
void StageIndexBuilder::fill_buckets(const Column& column, const Arena& arena, FlatKeyMap<Key>& keys,
                                     StageIndex& index) {
    // Rows come in ascending flow order, so each bucket does too; a key a flow lists twice
    // selects it once.
    ids_.clear();
    last_flow_.clear();
    counts_.clear();
    for (std::size_t row = 0; row < column.flows.size(); ++row) {
        const TermKeys& k = keys_of_[column.terms[row]];
        for (std::uint32_t j = k.first; j < k.last; ++j) {
            std::uint32_t id = keys.insert(arena[j]);
            if (id == counts_.size()) {
                counts_.push_back(0);
                last_flow_.push_back(FlatKeyMap<Key>::npos);
            }
            if (last_flow_[id] == column.flows[row]) id = FlatKeyMap<Key>::npos;
            else {
                last_flow_[id] = column.flows[row];
                ++counts_[id];
            }
            ids_.push_back(id);
        }
    }
    index.starts_.assign(counts_.size() + 1, 0);
    for (std::size_t id = 0; id < counts_.size(); ++id) {
        index.starts_[id + 1] = index.starts_[id] + counts_[id];
        index.largest_ = std::max<std::size_t>(index.largest_, counts_[id]);
    }
    index.flows_.resize(index.starts_.back());
    std::vector<std::uint32_t>& next = counts_;
    std::copy(index.starts_.begin(), index.starts_.end() - 1, next.begin());
    std::size_t at = 0;
    for (std::size_t row = 0; row < column.flows.size(); ++row) {
        const TermKeys& k = keys_of_[column.terms[row]];
        for (std::uint32_t j = k.first; j < k.last; ++j, ++at) {
            if (ids_[at] != FlatKeyMap<Key>::npos) index.flows_[next[ids_[at]]++] = column.flows[row];
        }
    }
}

std::unique_ptr<StageIndex> StageIndex::build(const LogicalStage& stage, const SymbolTable& symbols,
                                              const SetExpander& expand) {
    const std::size_t n = stage.flows.size();
    if (n < kMinFlows) return nullptr;
    StageIndexBuilder builder(symbols, expand);
    builder.read_flows(stage);
    std::vector<std::uint32_t> all(n);
    for (std::uint32_t i = 0; i < n; ++i) all[i] = i;
    return builder.level(all, true);
}

std::unique_ptr<StageIndex> StageIndexBuilder::level(std::span<const std::uint32_t> positions, bool top) {
    const std::size_t n = positions.size();
    // The columns of every field some flow of `positions` tests for equality.
    std::vector<Column> columns(fields_.size());
    for (const std::uint32_t i : positions) {
        for (std::uint32_t term = flow_terms_[i]; term < flow_terms_[i + 1]; ++term) {
            const std::uint32_t f = terms_[term].field;
            if (!fields_[f].bits) continue;
            Column& column = columns[f];
            if (!column.flows.empty() && column.flows.back() == i) continue;  // its first term decides
            if (!usable(term)) continue;
            column.flows.push_back(i);
            column.terms.push_back(term);
        }
    }
    // The field that leaves the fewest candidates for the unluckiest packet.
    std::size_t best = fields_.size();
    std::size_t best_cost = n;
    for (std::size_t f = 0; f < fields_.size(); ++f) {
        const Column& column = columns[f];
        if (column.flows.empty()) continue;
        const std::size_t unplaced = n - column.flows.size();
        if (unplaced > best_cost) continue;
        const std::size_t cost = unplaced + (fields_[f].string_field() ? largest_bucket(column, strings_, string_counter_)
                                                                       : largest_bucket(column, numeric_, numeric_counter_));
        if (cost < best_cost || (cost == best_cost && best < fields_.size() && fields_[f].name < fields_[best].name)) {
            best_cost = cost;
            best = f;
        }
    }
    if (best == fields_.size() || best_cost * 10 > n * 9) return nullptr;

    std::unique_ptr<StageIndex> index(new StageIndex());
    const FieldInfo& field = fields_[best];
    const Column& column = columns[best];
    index->field_ = std::string(field.name);
    index->symbol_ = field.symbol;
    index->bits_ = *field.bits;
    if (field.string_field()) {
        fill_buckets(column, strings_, index->string_keys_, *index);
    } else {
        fill_buckets(column, numeric_, index->numeric_keys_, *index);
    }
    std::size_t row = 0;
    for (const std::uint32_t i : positions) {
        if (row < column.flows.size() && column.flows[row] == i) {
            ++row;
        } else {
            index->always_.push_back(i);
        }
    }
    if (index->always_.size() >= kMinRest) index->rest_ = level(index->always_, false);
    // Worth a lookup when the unluckiest packet keeps at most a quarter of the flows.
    if (top && index->worst_case() * 4 > n) return nullptr;
    return index;
}

std::size_t StageIndex::always_count() const { return rest_ ? rest_->always_count() : always_.size(); }

std::size_t StageIndex::worst_case() const { return largest_ + (rest_ ? rest_->worst_case() : always_.size()); }

std::span<const std::uint32_t> StageIndex::bucket(const Packet& packet) const {
    std::uint32_t k = 0;
    if (symbol_->kind == SymbolKind::string_field) {
        k = string_keys_.find(std::string_view(packet.port(bits_.storage)));
    } else {
        const Bits128 v = packet.read(bits_);
        k = numeric_keys_.find(NumericKey{v.high(), v.low()});
    }
    if (k == FlatKeyMap<NumericKey>::npos) return {};
    return {flows_.data() + starts_[k], flows_.data() + starts_[k + 1]};
}

void StageIndex::candidates(const Packet& packet, std::vector<std::uint32_t>& out) const {
    const std::span<const std::uint32_t> bucket = this->bucket(packet);
    out.clear();
    if (!rest_) {
        if (bucket.empty()) {
            out = always_;
            return;
        }
        out.resize(bucket.size() + always_.size());
        std::merge(bucket.begin(), bucket.end(), always_.begin(), always_.end(), out.begin());
        return;
    }
    rest_->candidates(packet, out);
    if (bucket.empty()) return;
    const std::size_t rest = out.size();
    out.insert(out.end(), bucket.begin(), bucket.end());
    std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(rest), out.end());
}

}  // namespace ovnsim
