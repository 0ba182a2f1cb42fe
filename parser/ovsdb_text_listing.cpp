#include "parser/ovsdb_text_listing.hpp"

#include <boost/spirit/home/x3.hpp>
#include <optional>

#include "parser/ovsdb_column_layout.hpp"
#include "parser/ovsdb_row_index_formats.hpp"
#include "parser/ovsdb_text_atoms.hpp"

namespace ovnsim {
namespace {

namespace x3 = boost::spirit::x3;
using Iterator = const char*;

// Collects rows while the grammar below walks the text. Locations are tracked line by
// line, so no offset is ever converted by rescanning the file.
class TextListingBuilder {
public:
    // `text` is `file`'s text or a run of its lines starting at line `first_line`.
    TextListingBuilder(const TextFile& file, std::string_view text, std::uint32_t first_line, std::string table_name)
        : file_(file), text_(text), first_line_(first_line), line_(first_line) {
        table_.name = std::move(table_name);
        table_.source = file.path();
        line_start_ = text_.data();
    }

    [[noreturn]] void fail(Iterator at, std::string message) const {
        throw InputError(file_.path(), locate(at), std::move(message));
    }
    [[noreturn]] void fail_at_offset(Iterator at, std::string message) const {
        SourceLoc loc = ovnsim::locate(text_, static_cast<std::size_t>(at - text_.data()));
        loc.line += first_line_ - 1;
        throw InputError(file_.path(), loc, std::move(message));
    }

    void heading(Iterator begin, Iterator end) {
        const std::string_view name(begin, static_cast<std::size_t>(end - begin));
        if (!in_row_) open_row(begin);
        if (layout_) {
            const auto& expected = layout_->headings();
            if (column_ >= expected.size()) {
                fail(begin, "unexpected column " + std::string(name) + " after the last column of the first row (" +
                                expected.back() + ")");
            }
            if (name != expected[column_]) {
                fail(begin, "column " + std::string(name) + " where the first row has " + expected[column_] +
                                ": every row of a listing has the same columns");
            }
        } else {
            first_headings_.emplace_back(name);
        }
    }

    void begin_value(Iterator at, Datum::Kind kind) {
        kind_ = kind;
        keys_.clear();
        values_.clear();
        value_loc_ = locate(at);
    }

    void pair_mark() { kind_ = Datum::Kind::map; }

    void quoted_atom(Iterator begin, Iterator end) {
        const std::string_view body(begin + 1, static_cast<std::size_t>(end - begin - 2));
        std::string value;
        if (body.find('\\') == std::string_view::npos) {
            value.assign(body);
        } else if (auto problem = ovsdb_text::unescape_json_string(body, value); !problem.empty()) {
            fail(begin, problem);
        }
        add_atom(Atom(std::move(value)));
    }

    void bare_atom(Iterator begin, Iterator end) {
        auto atom = ovsdb_text::atom_from_bare_token(std::string_view(begin, static_cast<std::size_t>(end - begin)));
        if (auto* problem = std::get_if<std::string>(&atom)) fail(begin, *problem);
        add_atom(std::move(std::get<Atom>(atom)));
    }

    void end_of_column_line(Iterator newline) {
        Datum datum = kind_ == Datum::Kind::map ? Datum::map(std::move(keys_), std::move(values_))
                                                : Datum::set(std::move(keys_));
        keys_ = {};
        values_ = {};
        if (!datum.normalize()) {
            throw InputError(file_.path(), value_loc_,
                             datum.is_map() ? "map contains a duplicate key" : "set contains a duplicate value");
        }
        row_values_.push_back(std::move(datum));
        row_locs_.push_back(value_loc_);
        ++column_;
        next_line(newline);
    }

    void blank_line(Iterator newline) {
        if (in_row_) close_row();
        next_line(newline);
    }

    OvsdbTable finish() {
        if (in_row_) close_row();
        return std::move(table_);
    }

private:
    SourceLoc locate(Iterator p) const {
        return {line_, static_cast<std::uint32_t>(p - line_start_ + 1)};
    }

    void next_line(Iterator newline) {
        ++line_;
        line_start_ = newline + 1;
    }

    void add_atom(Atom atom) {
        if (kind_ == Datum::Kind::map && keys_.size() > values_.size()) {
            values_.push_back(std::move(atom));
        } else {
            keys_.push_back(std::move(atom));
        }
    }

    void open_row(Iterator at) {
        in_row_ = true;
        column_ = 0;
        row_loc_ = locate(at);
        row_values_.clear();
        row_locs_.clear();
    }

    void close_row() {
        in_row_ = false;
        if (!layout_) {
            layout_.emplace(std::move(first_headings_));
            if (layout_->problem()) throw InputError(file_.path(), row_loc_, *layout_->problem());
            table_.columns = layout_->columns();
        } else if (column_ < layout_->headings().size()) {
            throw InputError(file_.path(), row_loc_,
                             "row ends before column " + layout_->headings()[column_] +
                                 " (the first row has it): truncated row?");
        }
        const Datum& uuid_datum = row_values_[layout_->uuid_heading()];
        const auto uuid = uuid_datum.as_uuid();
        if (!uuid) throw InputError(file_.path(), row_locs_[layout_->uuid_heading()], "_uuid is not a UUID");
        OvsdbRow row;
        row.uuid = *uuid;
        row.loc = row_loc_;
        row.values.resize(table_.columns.size());
        row.locs.resize(table_.columns.size());
        for (std::size_t h = 0; h < row_values_.size(); ++h) {
            const std::size_t target = layout_->target(h);
            if (target == OvsdbColumnLayout::not_stored) continue;
            row.values[target] = std::move(row_values_[h]);
            row.locs[target] = row_locs_[h];
        }
        table_.rows.push_back(std::move(row));
    }

    const TextFile& file_;
    std::string_view text_;
    std::uint32_t first_line_;
    OvsdbTable table_;
    std::uint32_t line_;
    Iterator line_start_;

    bool in_row_ = false;
    std::size_t column_ = 0;
    SourceLoc row_loc_;
    std::vector<std::string> first_headings_;
    std::optional<OvsdbColumnLayout> layout_;
    std::vector<Datum> row_values_;
    std::vector<SourceLoc> row_locs_;

    Datum::Kind kind_ = Datum::Kind::set;
    std::vector<Atom> keys_, values_;
    SourceLoc value_loc_;
};

struct builder_tag;

template <typename Context>
TextListingBuilder& builder(const Context& ctx) {
    return x3::get<builder_tag>(ctx).get();
}

// A run of characters accepted by Pred (at least one): a fast loop instead of a
// char-set parser per character.
template <typename Pred>
struct run_parser : x3::parser<run_parser<Pred>> {
    using attribute_type = x3::unused_type;
    static bool const has_attribute = false;

    template <typename It, typename Context, typename RContext, typename Attribute>
    bool parse(It& first, const It& last, const Context&, RContext&, Attribute&) const {
        It p = first;
        while (p != last && Pred{}(*p)) ++p;
        if (p == first) return false;
        first = p;
        return true;
    }
};

struct is_name_char {
    bool operator()(char c) const {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
};
struct is_bare_char {
    bool operator()(char c) const { return is_name_char{}(c) || c == '-' || c == '.' || c == '+'; }
};
struct is_plain_string_char {
    bool operator()(char c) const { return c != '"' && c != '\\' && c != '\n'; }
};

const run_parser<is_name_char> name_chars{};
const run_parser<is_bare_char> bare_chars{};
const run_parser<is_plain_string_char> plain_string_chars{};

// Semantic actions. In Boost 1.74, _where(ctx) is the input left after the match, so
// matched text comes from raw[] and single characters are found just before _where.
template <typename Context>
const char* just_before(const Context& ctx) {
    return x3::_where(ctx).begin() - 1;
}
template <typename Context>
const char* here(const Context& ctx) {
    return x3::_where(ctx).begin();
}
const auto on_heading = [](auto& ctx) { builder(ctx).heading(x3::_attr(ctx).begin(), x3::_attr(ctx).end()); };
const auto on_set = [](auto& ctx) { builder(ctx).begin_value(just_before(ctx), Datum::Kind::set); };
const auto on_map = [](auto& ctx) { builder(ctx).begin_value(just_before(ctx), Datum::Kind::map); };
const auto on_scalar = [](auto& ctx) { builder(ctx).begin_value(here(ctx), Datum::Kind::set); };
const auto on_pair = [](auto& ctx) { builder(ctx).pair_mark(); };
const auto on_quoted = [](auto& ctx) { builder(ctx).quoted_atom(x3::_attr(ctx).begin(), x3::_attr(ctx).end()); };
const auto on_bare = [](auto& ctx) { builder(ctx).bare_atom(x3::_attr(ctx).begin(), x3::_attr(ctx).end()); };
const auto on_line_end = [](auto& ctx) { builder(ctx).end_of_column_line(just_before(ctx)); };
const auto on_blank = [](auto& ctx) { builder(ctx).blank_line(just_before(ctx)); };

// Rule names double as error messages: "expected <name>".
const x3::rule<struct heading_class> heading = "a column name";
const x3::rule<struct separator_class> separator = "\": \" after the column name";
const x3::rule<struct colon_class> colon = "\": \" after the column name";
const x3::rule<struct datum_class> datum = "a value";
const x3::rule<struct atom_class> atom = "a value";
const x3::rule<struct quoted_class> quoted = "a quoted string";
const x3::rule<struct escape_class> escape = "a string character";
const x3::rule<struct escape_body_class> escape_body = "an escape sequence (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
const x3::rule<struct closing_quote_class> closing_quote = "a closing '\"' before the end of the line";
const x3::rule<struct set_class> set_value = "a set";
const x3::rule<struct set_end_class> set_end = "',' or ']' closing the set";
const x3::rule<struct map_class> map_value = "a map";
const x3::rule<struct map_end_class> map_end = "',' or '}' closing the map";
const x3::rule<struct pair_class> pair = "a key=value pair";
const x3::rule<struct equals_class> equals = "'=' between a key and its value";
const x3::rule<struct scalar_class> scalar = "a value";
const x3::rule<struct line_end_class> line_end = "the end of the line after the value";
const x3::rule<struct column_line_class> column_line = "a 'column : value' line";
const x3::rule<struct listing_end_class> listing_end = "a 'column : value' line or a blank line";
const x3::rule<struct listing_class> listing = "an OVSDB listing";

const auto list_separator = x3::lit(',') >> *x3::lit(' ');

const auto heading_def = x3::raw[&x3::char_("a-zA-Z_") >> name_chars][on_heading];
const auto separator_def = *x3::lit(' ') > colon;
const auto colon_def = x3::lit(": ");
const auto escape_def = x3::lit('\\') > escape_body;
const auto escape_body_def = x3::char_("\"\\\\/bfnrt") | (x3::lit('u') >> x3::repeat(4)[x3::xdigit]);
const auto closing_quote_def = x3::lit('"');
const auto quoted_def = x3::raw[x3::lit('"') > *(plain_string_chars | escape) > closing_quote][on_quoted];
const auto atom_def = quoted | x3::raw[bare_chars][on_bare];
const auto set_end_def = x3::lit(']');
const auto set_value_def = x3::lit('[')[on_set] > -(atom % list_separator) > set_end;
const auto equals_def = x3::lit('=');
const auto pair_def = atom > equals > atom;
const auto map_end_def = x3::lit('}');
const auto map_value_def = x3::lit('{')[on_map] > -(pair % list_separator) > map_end;
// A bare `k=v` is a map column of at most one pair, printed without braces.
const auto scalar_def = x3::eps[on_scalar] >> atom >> -(x3::lit('=')[on_pair] > atom);
const auto datum_def = set_value | map_value | scalar;
const auto line_end_def = x3::lit('\n')[on_line_end];
const auto column_line_def = heading > separator > datum > line_end;
const auto listing_end_def = x3::eoi;
const auto listing_def = *(column_line | x3::lit('\n')[on_blank]) > listing_end;

BOOST_SPIRIT_DEFINE(heading, separator, colon, datum, atom, quoted, escape, escape_body, closing_quote, set_value, set_end, map_value,
                    map_end, pair, equals, scalar, line_end, column_line, listing_end, listing)

}  // namespace

OvsdbTable parse_ovsdb_text_listing(const TextFile& file, std::string table_name) {
    return parse_ovsdb_text_listing_part(file, file.text(), 1, std::move(table_name));
}

OvsdbTable parse_ovsdb_text_listing_part(const TextFile& file, std::string_view text, std::uint32_t first_line,
                                         std::string table_name) {
    TextListingBuilder build(file, text, first_line, std::move(table_name));
    Iterator first = text.data();
    const Iterator last = text.data() + text.size();
    try {
        const auto parser = x3::with<builder_tag>(std::ref(build))[listing];
        if (!x3::parse(first, last, parser)) build.fail_at_offset(first, "not an OVSDB listing");
    } catch (const x3::expectation_failure<Iterator>& e) {
        if (e.where() == last) {
            build.fail_at_offset(e.where(), "the file ends in the middle of a line (expected " + e.which() +
                                                "): truncated file?");
        }
        build.fail_at_offset(e.where(), "expected " + e.which());
    }
    return build.finish();
}

}  // namespace ovnsim
