#include "sim/sampling_id_input.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace ovnsim {
namespace {

constexpr std::string_view kBlanks = " \t\r";

struct Field {
    std::string_view text;
    std::uint32_t column = 0;  // 1-based
};

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(kBlanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

// Splits on commas (CSV) or on blanks and at most one comma (plain pairs).
std::vector<Field> split(std::string_view line, bool csv) {
    std::vector<Field> fields;
    std::size_t at = 0;
    while (at <= line.size()) {
        std::size_t end = csv ? line.find(',', at) : line.find_first_of(" \t,", at);
        if (end == std::string_view::npos) end = line.size();
        std::string_view raw = line.substr(at, end - at);
        const std::size_t lead = raw.find_first_not_of(kBlanks);
        std::string_view text = trim(raw);
        if (text.size() >= 2 && text.front() == '"' && text.back() == '"') text = text.substr(1, text.size() - 2);
        if (csv || !text.empty()) {
            fields.push_back({text, static_cast<std::uint32_t>(at + (lead == std::string_view::npos ? 0 : lead) + 1)});
        }
        at = end + 1;
    }
    return fields;
}

struct CsvColumns {
    std::size_t domain = 0, point = 0;
};

std::optional<std::size_t> column_named(const std::vector<Field>& header, std::string_view name) {
    const auto it = std::find_if(header.begin(), header.end(), [&](const Field& f) { return f.text == name; });
    if (it == header.end()) return std::nullopt;
    return static_cast<std::size_t>(it - header.begin());
}

}  // namespace

std::uint32_t parse_sample_id(std::string_view text, std::string_view what, const std::string& file, SourceLoc loc) {
    int base = 10;
    std::string_view digits = text;
    if (digits.starts_with("0x") || digits.starts_with("0X")) {
        base = 16;
        digits.remove_prefix(2);
    }
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (digits.empty() || end != digits.data() + digits.size() || ec == std::errc::invalid_argument) {
        throw InputError(file, loc, "expected " + std::string(what) + " (decimal or 0x hex), got \"" +
                                        std::string(text) + "\"");
    }
    if (ec == std::errc::result_out_of_range || value > UINT32_MAX) {
        throw InputError(file, loc, std::string(what) + " " + std::string(text) + " does not fit in 32 bits");
    }
    return static_cast<std::uint32_t>(value);
}

std::vector<SampleIdPair> read_sample_id_pairs(std::string_view text, const std::string& file) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 BOM from spreadsheet exports
    std::vector<SampleIdPair> pairs;
    std::optional<CsvColumns> csv;
    bool first = true;
    std::uint32_t line_number = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(at, end - at);
        at = end + 1;
        ++line_number;
        const std::string_view content = trim(line);
        if (content.empty() || content.starts_with('#')) continue;
        if (first) {
            first = false;
            if (line.find("obs_domain_id") != std::string_view::npos) {
                const auto header = split(line, true);
                const auto domain = column_named(header, "obs_domain_id");
                const auto point = column_named(header, "obs_point_id");
                if (!domain || !point) {
                    throw InputError(file, {line_number, 1},
                                     "a CSV header needs the columns obs_domain_id and obs_point_id");
                }
                csv = CsvColumns{*domain, *point};
                continue;
            }
        }
        const auto fields = split(line, csv.has_value());
        const std::size_t domain = csv ? csv->domain : 0;
        const std::size_t point = csv ? csv->point : 1;
        if (fields.size() <= std::max(domain, point)) {
            throw InputError(file, {line_number, static_cast<std::uint32_t>(line.size()) + 1},
                             csv ? "missing columns: the header has obs_domain_id in column " +
                                       std::to_string(domain + 1) + " and obs_point_id in column " +
                                       std::to_string(point + 1)
                                 : "expected two ids: OBS_DOMAIN_ID OBS_POINT_ID");
        }
        if (!csv && fields.size() > 2) {
            throw InputError(file, {line_number, fields[2].column}, "expected two ids, found more");
        }
        SampleIdPair pair;
        pair.loc = {line_number, 1};
        pair.obs_domain_id =
            parse_sample_id(fields[domain].text, "an obs_domain_id", file, {line_number, fields[domain].column});
        pair.obs_point_id =
            parse_sample_id(fields[point].text, "an obs_point_id", file, {line_number, fields[point].column});
        pairs.push_back(pair);
    }
    return pairs;
}

}  // namespace ovnsim
