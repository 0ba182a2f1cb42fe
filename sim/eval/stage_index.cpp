#include "sim/eval/stage_index.hpp"

#include <algorithm>
#include <charconv>
#include <span>
#include <type_traits>

#include "sim/eval/address_literal.hpp"
#include "sim/packet.hpp"

namespace ovnsim {
namespace {

using NumericKey = std::pair<std::uint64_t, std::uint64_t>;

struct ConstantText {
    std::string_view text;
    bool is_string = false;
};

// `FIELD == C` or `FIELD == {C, ...}`.
struct EqualityTerm {
    std::string_view field;
    std::vector<ConstantText> constants;
};

bool is_word_char(char c) {
    switch (c) {
        case ' ': case '\t': case '\n': case '\r': case '(': case ')': case '&': case '|': case '!':
        case '=': case '<': case '>': case '{': case '}': case ',': case ';': case '"':
            return false;
        default:
            return true;
    }
}

enum class Tok { word, string, eq, open_set, close_set, comma, open_paren, close_paren, or_op, not_op, other };
struct Token {
    Tok kind;
    std::string_view text;
};

// The match's tokens (strings and comments skipped), or nullopt when it does not scan.
std::optional<std::vector<Token>> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            const std::size_t end = text.find("*/", i + 2);
            if (end == std::string_view::npos) return std::nullopt;
            i = end + 2;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            break;
        } else if (c == '"') {
            std::size_t j = i + 1;
            bool escaped = false;
            while (j < text.size() && text[j] != '"') {
                if (text[j] == '\\') {
                    escaped = true;
                    ++j;
                }
                ++j;
            }
            if (j >= text.size()) return std::nullopt;
            tokens.push_back({escaped ? Tok::other : Tok::string, text.substr(i + 1, j - i - 1)});
            i = j + 1;
        } else if (c == '|' && i + 1 < text.size() && text[i + 1] == '|') {
            tokens.push_back({Tok::or_op, {}});
            i += 2;
        } else if (c == '!' && !(i + 1 < text.size() && text[i + 1] == '=')) {
            tokens.push_back({Tok::not_op, {}});
            ++i;
        } else if (c == '=' && i + 1 < text.size() && text[i + 1] == '=') {
            tokens.push_back({Tok::eq, {}});
            i += 2;
        } else if (c == '(' || c == ')') {
            tokens.push_back({c == '(' ? Tok::open_paren : Tok::close_paren, {}});
            ++i;
        } else if (c == '{' || c == '}' || c == ',') {
            tokens.push_back({c == '{' ? Tok::open_set : c == '}' ? Tok::close_set : Tok::comma, {}});
            ++i;
        } else if (is_word_char(c)) {
            std::size_t j = i;
            while (j < text.size() && is_word_char(text[j])) ++j;
            tokens.push_back({Tok::word, text.substr(i, j - i)});
            i = j;
        } else {
            tokens.push_back({Tok::other, {}});
            i += c == '!' ? 2 : 1;  // `!=`
        }
    }
    return tokens;
}

// The equality terms every match of the flow satisfies: those whose every enclosing
// parenthesised group (and the whole match) is a conjunction and not negated.
std::optional<std::vector<EqualityTerm>> conjunct_equalities(std::string_view text) {
    const auto tokens = tokenize(text);
    if (!tokens) return std::nullopt;
    const auto& t = *tokens;
    // Groups: 0 is the whole match; each `(` opens one. A group is optional when it holds
    // `||` directly or is negated; a term is required when no group around it is optional.
    std::vector<int> parent{-1};
    std::vector<bool> optional_group{false};
    std::vector<int> group_of(t.size(), 0);
    std::vector<int> open{0};
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i].kind == Tok::open_paren) {
            parent.push_back(open.back());
            optional_group.push_back(i > 0 && t[i - 1].kind == Tok::not_op);
            open.push_back(static_cast<int>(parent.size() - 1));
        } else if (t[i].kind == Tok::close_paren) {
            if (open.size() == 1) return std::nullopt;
            open.pop_back();
        } else if (t[i].kind == Tok::or_op) {
            optional_group[open.back()] = true;
        }
        group_of[i] = open.back();
    }
    const auto required = [&](int g) {
        for (; g >= 0; g = parent[g]) {
            if (optional_group[g]) return false;
        }
        return true;
    };
    std::vector<EqualityTerm> terms;
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t[i].kind != Tok::word || t[i + 1].kind != Tok::eq || !required(group_of[i])) continue;
        if (i > 0 && (t[i - 1].kind == Tok::eq || t[i - 1].kind == Tok::not_op)) continue;  // `C == field`
        EqualityTerm term{t[i].text, {}};
        if (t[i + 2].kind == Tok::word || t[i + 2].kind == Tok::string) {
            term.constants.push_back({t[i + 2].text, t[i + 2].kind == Tok::string});
        } else if (t[i + 2].kind == Tok::open_set) {
            std::size_t j = i + 3;
            for (; j < t.size() && t[j].kind != Tok::close_set; ++j) {
                if (t[j].kind == Tok::comma) continue;
                if (t[j].kind != Tok::word && t[j].kind != Tok::string) break;
                term.constants.push_back({t[j].text, t[j].kind == Tok::string});
            }
            if (j >= t.size() || t[j].kind != Tok::close_set) continue;
        } else {
            continue;
        }
        terms.push_back(std::move(term));
    }
    return terms;
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

// Expands each $set / @group once per index build.
class CachedExpander {
public:
    explicit CachedExpander(const SetExpander& expand) : expand_(expand) {}
    const SetMembers* operator()(char sigil, std::string_view name) {
        if (!expand_) return nullptr;
        auto [it, inserted] = cache_.try_emplace(std::string(1, sigil) + std::string(name));
        if (inserted) it->second = expand_(sigil, name);
        return it->second ? &*it->second : nullptr;
    }

private:
    const SetExpander& expand_;
    std::unordered_map<std::string, std::optional<SetMembers>> cache_;
};

// The flows of a stage that test one field for equality, and the values each allows (a
// flow's keys are keys[first[k]] .. keys[first[k + 1]] of its row k). Numeric fields use
// `numeric`, port fields `strings` (views into the match text or a set's members).
struct FieldColumn {
    const Symbol* symbol = nullptr;
    FieldBits bits;
    std::vector<std::uint32_t> flows;  // ascending positions
    std::vector<std::uint32_t> first{0};
    std::vector<NumericKey> numeric;
    std::vector<std::string_view> strings;

    bool string_field() const { return symbol->kind == SymbolKind::string_field; }
    std::size_t rows() const { return flows.size(); }
    template <class Visit>
    void for_each_key(std::size_t row, Visit visit) const {
        for (std::uint32_t k = first[row]; k < first[row + 1]; ++k) {
            if (string_field()) visit(strings[k]);
            else visit(numeric[k]);
        }
    }

    // Adds flow `i` with every value `term` allows; leaves the column as it was when one
    // of them cannot be a key (masked, unknown set, wrong kind).
    void add(std::uint32_t i, const EqualityTerm& term, CachedExpander& expand) {
        const std::size_t numeric_before = numeric.size(), strings_before = strings.size();
        if (!add_keys(term, expand)) {
            numeric.resize(numeric_before);
            strings.resize(strings_before);
            return;
        }
        flows.push_back(i);
        first.push_back(static_cast<std::uint32_t>(string_field() ? strings.size() : numeric.size()));
    }

private:
    bool add_keys(const EqualityTerm& term, CachedExpander& expand) {
        const unsigned width = bits.width;
        const Bits128 full = Bits128::ones(width);
        for (const ConstantText& c : term.constants) {
            const char sigil = c.is_string || c.text.empty() ? '\0' : c.text.front();
            if (sigil == '$' || sigil == '@') {
                if ((sigil == '@') != string_field()) return false;
                const SetMembers* members = expand(sigil, c.text.substr(1));
                if (members == nullptr) return false;
                for (const std::string& port : members->ports) strings.push_back(port);
                for (const MaskedValue& v : members->values) {
                    if ((v.mask & full) != full || !v.value.fits_in(width)) return false;
                    numeric.push_back({v.value.high(), v.value.low()});
                }
            } else if (string_field()) {
                if (!c.is_string) return false;
                // As in ResolvedMatch::evaluate: OVN reads the port name "none" as no port.
                strings.push_back(c.text == "none" ? std::string_view() : c.text);
            } else {
                if (c.is_string || sigil == '^') return false;
                const auto value = parse_address_literal(c.text);
                if (!value || value->masked || !value->value.fits_in(width)) return false;
                numeric.push_back({value->value.high(), value->value.low()});
            }
        }
        return true;
    }
};

// The columns of every field some flow of `positions` tests for equality.
std::unordered_map<std::string_view, std::optional<FieldColumn>> field_columns(
    const std::vector<std::optional<std::vector<EqualityTerm>>>& terms, std::span<const std::uint32_t> positions,
    const SymbolTable& symbols, CachedExpander& expand) {
    std::unordered_map<std::string_view, std::optional<FieldColumn>> columns;
    for (const std::uint32_t i : positions) {
        if (!terms[i]) continue;
        for (const EqualityTerm& t : *terms[i]) {
            auto [it, inserted] = columns.try_emplace(t.field);
            if (inserted) {
                FieldColumn column;
                if (const auto bits = field_bits(t.field, symbols, column.symbol)) {
                    column.bits = *bits;
                    it->second = std::move(column);
                }
            }
            if (!it->second) continue;
            FieldColumn& column = *it->second;
            if (!column.flows.empty() && column.flows.back() == i) continue;  // its first term decides
            column.add(i, t, expand);
        }
    }
    return columns;
}

}  // namespace

// Builds one level of an index over some flows of a stage, and the next level over the
// flows it cannot place.
class StageIndexBuilder {
public:
    static constexpr std::size_t kMinRest = 32;
    using Terms = std::vector<std::optional<std::vector<EqualityTerm>>>;
    static std::unique_ptr<StageIndex> level(const Terms& terms, std::span<const std::uint32_t> positions,
                                             const SymbolTable& symbols, CachedExpander& expand, bool top);
};

std::unique_ptr<StageIndex> StageIndex::build(const LogicalStage& stage, const SymbolTable& symbols,
                                              const SetExpander& expand) {
    const std::size_t n = stage.flows.size();
    if (n < kMinFlows) return nullptr;
    std::vector<std::optional<std::vector<EqualityTerm>>> terms(n);
    std::vector<std::uint32_t> all(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        terms[i] = conjunct_equalities(stage.flows[i]->match);
        all[i] = i;
    }
    CachedExpander cached(expand);
    return StageIndexBuilder::level(terms, all, symbols, cached, true);
}

std::unique_ptr<StageIndex> StageIndexBuilder::level(const Terms& terms, std::span<const std::uint32_t> positions,
                                                     const SymbolTable& symbols, CachedExpander& expand, bool top) {
    const std::size_t n = positions.size();
    auto columns = field_columns(terms, positions, symbols, expand);
    // The field that leaves the fewest candidates for the unluckiest packet.
    std::string_view best;
    std::size_t best_cost = n;
    for (const auto& [field, column] : columns) {
        if (!column) continue;
        std::unordered_map<NumericKey, std::size_t, StageIndex::KeyHash> numeric;
        std::unordered_map<std::string_view, std::size_t> strings;
        std::size_t largest = 0;
        for (std::size_t row = 0; row < column->rows(); ++row) {
            column->for_each_key(row, [&](const auto& k) {
                if constexpr (std::is_same_v<std::decay_t<decltype(k)>, NumericKey>) {
                    largest = std::max(largest, ++numeric[k]);
                } else {
                    largest = std::max(largest, ++strings[k]);
                }
            });
        }
        const std::size_t cost = (n - column->rows()) + largest;
        if (cost < best_cost || (cost == best_cost && field < best)) {
            best_cost = cost;
            best = field;
        }
    }
    if (best.empty() || best_cost * 10 > n * 9) return nullptr;

    std::unique_ptr<StageIndex> index(new StageIndex());
    FieldColumn& column = *columns[best];
    index->field_ = std::string(best);
    index->symbol_ = column.symbol;
    index->bits_ = column.bits;
    std::size_t row = 0;
    for (const std::uint32_t i : positions) {
        if (row < column.rows() && column.flows[row] == i) {
            // A key listed twice in one flow must not list the flow twice.
            column.for_each_key(row++, [&](const auto& k) {
                if constexpr (std::is_same_v<std::decay_t<decltype(k)>, NumericKey>) {
                    auto& bucket = index->numeric_[k];
                    if (bucket.empty() || bucket.back() != i) bucket.push_back(i);
                } else {
                    auto& bucket = index->strings_[std::string(k)];
                    if (bucket.empty() || bucket.back() != i) bucket.push_back(i);
                }
            });
        } else {
            index->always_.push_back(i);
        }
    }
    for (const auto& [key, bucket] : index->numeric_) index->largest_ = std::max(index->largest_, bucket.size());
    for (const auto& [key, bucket] : index->strings_) index->largest_ = std::max(index->largest_, bucket.size());
    if (index->always_.size() >= kMinRest) index->rest_ = level(terms, index->always_, symbols, expand, false);
    // Worth a lookup when the unluckiest packet keeps at most a quarter of the flows.
    if (top && index->worst_case() * 4 > n) return nullptr;
    return index;
}

std::size_t StageIndex::always_count() const { return rest_ ? rest_->always_count() : always_.size(); }

std::size_t StageIndex::worst_case() const { return largest_ + (rest_ ? rest_->worst_case() : always_.size()); }

void StageIndex::candidates(const Packet& packet, std::vector<std::uint32_t>& out) const {
    const std::vector<std::uint32_t>* bucket = nullptr;
    if (symbol_->kind == SymbolKind::string_field) {
        const auto it = strings_.find(packet.port(bits_.storage));
        if (it != strings_.end()) bucket = &it->second;
    } else {
        const Bits128 v = packet.read(bits_);
        const auto it = numeric_.find({v.high(), v.low()});
        if (it != numeric_.end()) bucket = &it->second;
    }
    out.clear();
    if (!rest_) {
        if (bucket == nullptr) {
            out = always_;
            return;
        }
        out.resize(bucket->size() + always_.size());
        std::merge(bucket->begin(), bucket->end(), always_.begin(), always_.end(), out.begin());
        return;
    }
    rest_->candidates(packet, out);
    if (bucket == nullptr) return;
    const std::size_t rest = out.size();
    out.insert(out.end(), bucket->begin(), bucket->end());
    std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(rest), out.end());
}

}  // namespace ovnsim
