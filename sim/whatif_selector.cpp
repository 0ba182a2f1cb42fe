#include "sim/whatif_selector.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <charconv>

#include "parser/source_location.hpp"

namespace ovnsim {
namespace {

constexpr std::string_view kKeys[] = {"name", "owner", "owner-type", "priority", "action", "direction", "uuid", "match"};

bool glob(const std::string& pattern, const std::string& text) { return fnmatch(pattern.c_str(), text.c_str(), 0) == 0; }

std::optional<std::int64_t> integer(std::string_view text) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::string external(const NbAcl& acl, std::string_view key) {
    const std::string* value = ovsdb_option(acl.external_ids, key);
    return value ? *value : std::string();
}

}  // namespace

AclSelector AclSelector::parse(std::string_view text, std::string_view option) {
    AclSelector selector;
    selector.text_ = std::string(text);
    const auto fail = [&](const std::string& message) -> AclSelector {
        throw InputError(std::string(option), {}, "bad ACL selector '" + std::string(text) + "': " + message);
    };
    if (text == "all") return selector;
    if (text.empty()) return fail("empty (use 'all' for every ACL)");
    std::string_view rest = text;
    while (!rest.empty()) {
        const std::size_t eq = rest.find('=');
        if (eq == std::string_view::npos) return fail("expected KEY=VALUE, e.g. name=NP:* or priority=1000-2000");
        Term term;
        term.key = std::string(rest.substr(0, eq));
        if (std::find(std::begin(kKeys), std::end(kKeys), term.key) == std::end(kKeys)) {
            return fail("unknown key '" + term.key + "' (name, owner, owner-type, priority, action, direction, uuid, match)");
        }
        std::size_t end = term.key == "match" ? std::string_view::npos : rest.find(',', eq + 1);
        term.value = std::string(rest.substr(eq + 1, end == std::string_view::npos ? end : end - eq - 1));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (term.key == "priority") {
            const std::size_t dash = term.value.find('-');
            const auto low = integer(std::string_view(term.value).substr(0, dash));
            const auto high = dash == std::string::npos ? low : integer(std::string_view(term.value).substr(dash + 1));
            if (!low || !high || *low > *high) return fail("priority must be N or LOW-HIGH");
            term.low = *low;
            term.high = *high;
        }
        if (term.key == "direction" && term.value != "from-lport" && term.value != "to-lport") {
            return fail("direction is from-lport or to-lport");
        }
        selector.terms_.push_back(std::move(term));
    }
    return selector;
}

bool AclSelector::matches(const NbAcl& acl) const {
    for (const Term& term : terms_) {
        bool ok = false;
        if (term.key == "name") ok = acl.name && glob(term.value, *acl.name);
        else if (term.key == "owner") ok = glob(term.value, external(acl, "k8s.ovn.org/name"));
        else if (term.key == "owner-type") ok = glob(term.value, external(acl, "k8s.ovn.org/owner-type"));
        else if (term.key == "priority") ok = acl.priority >= term.low && acl.priority <= term.high;
        else if (term.key == "action") ok = acl.action_name == term.value;
        else if (term.key == "direction") ok = (acl.direction == AclDirection::from_lport) == (term.value == "from-lport");
        else if (term.key == "uuid") ok = acl.uuid.to_string().starts_with(term.value);
        else if (term.key == "match") ok = acl.match.find(term.value) != std::string::npos;
        if (!ok) return false;
    }
    return true;
}

}  // namespace ovnsim
