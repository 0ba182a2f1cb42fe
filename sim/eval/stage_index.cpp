#include "sim/eval/stage_index.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "sim/eval/address_literal.hpp"
#include "sim/packet.hpp"

namespace ovnsim {
namespace {

// `FIELD == CONSTANT` where CONSTANT is a plain number/address or a string without escapes.
struct EqualityTerm {
    std::string_view field;
    std::string_view constant;
    bool is_string = false;
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

// The equality terms of a conjunction, or nullopt when `text` is not one (it has `||` or a
// negation, or does not scan).
std::optional<std::vector<EqualityTerm>> conjunct_equalities(std::string_view text) {
    enum class Tok { word, string, eq, other };
    std::vector<EqualityTerm> terms;
    Tok prev2 = Tok::other, prev = Tok::other;
    std::string_view prev2_text, prev_text;
    std::size_t i = 0;
    const auto push = [&](Tok t, std::string_view s) {
        if (prev2 == Tok::word && prev == Tok::eq && (t == Tok::word || t == Tok::string)) {
            terms.push_back({prev2_text, s, t == Tok::string});
        }
        prev2 = prev;
        prev2_text = prev_text;
        prev = t;
        prev_text = s;
    };
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
            push(escaped ? Tok::other : Tok::string, text.substr(i + 1, j - i - 1));
            i = j + 1;
        } else if (c == '|') {
            return std::nullopt;
        } else if (c == '!') {
            if (i + 1 >= text.size() || text[i + 1] != '=') return std::nullopt;
            push(Tok::other, {});
            i += 2;
        } else if (c == '=' && i + 1 < text.size() && text[i + 1] == '=') {
            push(Tok::eq, {});
            i += 2;
        } else if (is_word_char(c)) {
            std::size_t j = i;
            while (j < text.size() && is_word_char(text[j])) ++j;
            push(Tok::word, text.substr(i, j - i));
            i = j;
        } else {
            push(Tok::other, {});
            ++i;
        }
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

}  // namespace

std::unique_ptr<StageIndex> StageIndex::build(const LogicalStage& stage, const SymbolTable& symbols) {
    const std::size_t n = stage.flows.size();
    if (n < kMinFlows) return nullptr;
    // Per field word: (flow position, constant), the first constant each flow writes.
    std::unordered_map<std::string_view, std::vector<std::pair<std::uint32_t, EqualityTerm>>> by_field;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto terms = conjunct_equalities(stage.flows[i]->match);
        if (!terms) continue;
        for (const EqualityTerm& t : *terms) {
            if (t.constant.empty() || t.constant.front() == '$' || t.constant.front() == '@' ||
                t.constant.front() == '^' || t.constant.find('/') != std::string_view::npos)
                continue;
            auto& column = by_field[t.field];
            if (column.empty() || column.back().first != i) column.emplace_back(i, t);
        }
    }
    // The field that leaves the fewest candidates for the unluckiest packet.
    std::string_view best;
    std::size_t best_cost = n;
    for (const auto& [field, column] : by_field) {
        std::unordered_map<std::string_view, std::size_t> sizes;
        std::size_t largest = 0;
        for (const auto& [i, t] : column) largest = std::max(largest, ++sizes[t.constant]);
        const std::size_t cost = (n - column.size()) + largest;
        if (cost < best_cost || (cost == best_cost && field < best)) {
            best_cost = cost;
            best = field;
        }
    }
    if (best.empty() || best_cost * 4 > n) return nullptr;

    auto index = std::make_unique<StageIndex>();
    const auto bits = field_bits(best, symbols, index->symbol_);
    if (!bits) return nullptr;
    index->field_ = std::string(best);
    index->bits_ = *bits;
    const bool string_field = index->symbol_->kind == SymbolKind::string_field;
    const auto& column = by_field[best];
    std::size_t next = 0;  // position in column
    for (std::uint32_t i = 0; i < n; ++i) {
        const EqualityTerm* t = next < column.size() && column[next].first == i ? &column[next++].second : nullptr;
        bool bucketed = false;
        if (t && string_field && t->is_string) {
            index->strings_[std::string(t->constant)].push_back(i);
            bucketed = true;
        } else if (t && !string_field && !t->is_string) {
            const auto value = parse_address_literal(t->constant);
            if (value && !value->masked && value->value.fits_in(bits->width)) {
                index->numeric_[{value->value.high(), value->value.low()}].push_back(i);
                bucketed = true;
            }
        }
        if (!bucketed) index->always_.push_back(i);
    }
    return index;
}

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
    if (bucket == nullptr) {
        out = always_;
        return;
    }
    out.resize(bucket->size() + always_.size());
    std::merge(bucket->begin(), bucket->end(), always_.begin(), always_.end(), out.begin());
}

}  // namespace ovnsim
