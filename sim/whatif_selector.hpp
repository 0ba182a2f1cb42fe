#pragma once
// Which ACLs a what-if edit applies to. A selector is `all`, or comma-separated terms that
// must all hold:
//   name=GLOB        ACL name (shell wildcards * ? [..])
//   owner=GLOB       external_ids k8s.ovn.org/name ("ns1:allow-web")
//   owner-type=GLOB  external_ids k8s.ovn.org/owner-type ("NetworkPolicy")
//   priority=N       or priority=A-B
//   action=A         allow, allow-related, allow-stateless, drop, reject, pass
//   direction=D      from-lport or to-lport
//   uuid=PREFIX      UUID prefix
//   match=TEXT       substring of the ACL match; must come last, takes the rest (commas too)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/nb_rows.hpp"

namespace ovnsim {

class AclSelector {
public:
    // Throws InputError naming `option` (e.g. "--sample") for a malformed selector.
    static AclSelector parse(std::string_view text, std::string_view option);
    static AclSelector all() { return parse("all", ""); }

    bool matches(const NbAcl& acl) const;
    const std::string& text() const { return text_; }

private:
    struct Term {
        std::string key;
        std::string value;
        std::int64_t low = 0, high = 0;  // priority
    };
    std::string text_;
    std::vector<Term> terms_;  // empty: every ACL
};

}  // namespace ovnsim
