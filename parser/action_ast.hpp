#pragma once
// The OVN action language (ovn-sb(5) Logical_Flow.actions; lib/actions.c) as a syntax tree.
//
// Actions a simulator executes have typed nodes; actions OVN knows that only matter to
// ovn-controller (put_arp, handle_svc_check, set_queue, ...) keep their raw arguments in a
// ControllerAction; a well-formed action that OVN's own list does not name is kept as a
// GenericAction (see count_generic_actions()), never a parse failure.
//
// Like the match tree, names, strings and raw arguments are string_views into the parsed
// text, nodes are kept small (rare bulky parts are boxed), and equality ignores locations.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "parser/match_ast.hpp"

namespace ovnsim {

struct Action;
using ActionList = std::vector<Action>;

// The text between an action's parentheses, lexically valid and balanced, not interpreted.
struct RawArguments {
    std::string_view text;  // without the enclosing parentheses, blanks trimmed
    NodeLoc loc;
    friend bool operator==(const RawArguments&, const RawArguments&) = default;
};

// `next;`, `next(N);`, `next(pipeline=P, table=N);` (either argument may be alone).
struct NextAction {
    enum class Pipeline : std::uint8_t { Ingress, Egress };
    std::optional<Pipeline> pipeline;  // none: the current pipeline
    std::optional<std::uint32_t> table;  // none: the next table
    NodeLoc loc;
    friend bool operator==(const NextAction&, const NextAction&) = default;
};

struct OutputAction {
    NodeLoc loc;
    friend bool operator==(const OutputAction&, const OutputAction&) = default;
};

// `drop;`, only ever alone in its list. (An empty action text is an empty list, also a drop.)
struct DropAction {
    NodeLoc loc;
    friend bool operator==(const DropAction&, const DropAction&) = default;
};

// `field = constant;` (the constant may be masked, a string, or a `$`/`@`/`^` name).
struct LoadAction {
    FieldRef destination;
    Constant value;
    NodeLoc loc;
    friend bool operator==(const LoadAction&, const LoadAction&) = default;
};

// `destination = source;`
struct MoveAction {
    FieldRef destination;
    FieldRef source;
    NodeLoc loc;
    friend bool operator==(const MoveAction&, const MoveAction&) = default;
};

// `left <-> right;`
struct ExchangeAction {
    FieldRef left;
    FieldRef right;
    NodeLoc loc;
    friend bool operator==(const ExchangeAction&, const ExchangeAction&) = default;
};

// `result = function(args);` for the functions OVN defines (lookup_arp, ct_tp_dst,
// check_in_port_sec, put_dhcp_opts, select, ...; see is_known_function()).
struct FunctionCallAction {
    FieldRef result;
    std::string_view function;
    RawArguments arguments;
    NodeLoc loc;
    friend bool operator==(const FunctionCallAction&, const FunctionCallAction&) = default;
};

// `ip.ttl--;`
struct DecrementTtlAction {
    NodeLoc loc;
    friend bool operator==(const DecrementTtlAction&, const DecrementTtlAction&) = default;
};

// `push(field);` / `pop(field);`
struct StackAction {
    bool push = true;
    FieldRef field;
    NodeLoc loc;
    friend bool operator==(const StackAction&, const StackAction&) = default;
};

// The conntrack zone argument of ct_next, ct_commit_nat and ct_commit_to_zone.
enum class CtZone : std::uint8_t { Default, Dnat, Snat };

// `ct_next;`, `ct_next(dnat);`, `ct_next(snat);`
struct CtNextAction {
    CtZone zone = CtZone::Default;
    NodeLoc loc;
    friend bool operator==(const CtNextAction&, const CtNextAction&) = default;
};

// `ct_commit;`, `ct_commit { assignments };`, and the form of older OVN releases
// `ct_commit(ct_mark=V[/M], ct_label=V[/M]);`.
struct CtCommitAction {
    enum class Form : std::uint8_t { Bare, Block, Arguments };
    Form form = Form::Bare;
    ActionList body;         // Block
    Box<Constant> ct_mark;   // Arguments, each optional
    Box<Constant> ct_label;
    NodeLoc loc;
    friend bool operator==(const CtCommitAction&, const CtCommitAction&) = default;
};

// `ct_commit_nat;`, `ct_commit_nat(dnat|snat);`, `ct_commit_to_zone(dnat|snat);`
struct CtCommitNatAction {
    bool to_zone = false;  // ct_commit_to_zone: commit without NAT
    CtZone zone = CtZone::Default;
    NodeLoc loc;
    friend bool operator==(const CtCommitNatAction&, const CtCommitNatAction&) = default;
};

// `ct_dnat;`, `ct_dnat(IP);`, `ct_dnat(IP, LOW[-HIGH]);`, and ct_snat, ct_dnat_in_czone,
// ct_snat_in_czone likewise.
struct CtNatAction {
    enum class Kind : std::uint8_t { Dnat, Snat, DnatInCzone, SnatInCzone };
    Kind kind = Kind::Dnat;
    std::optional<Constant> address;  // IPv4 or IPv6 integer (or a `^template`)
    std::optional<std::uint16_t> port_low;
    std::optional<std::uint16_t> port_high;
    NodeLoc loc;
    friend bool operator==(const CtNatAction&, const CtNatAction&) = default;
};

// One backend of ct_lb: `IP`, `IP:PORT`, `[IPv6]:PORT`, optionally after `"lport":`.
struct LbBackend {
    std::optional<QuotedString> logical_port;
    Constant address;                      // IPv4/IPv6 integer or `^template`
    std::optional<Constant> port;          // decimal integer or `^template`
    bool bracketed = false;                // `[IPv6]`
    NodeLoc loc;
    friend bool operator==(const LbBackend&, const LbBackend&) = default;
};

// `ct_lb;`, `ct_lb_mark(backends=B1,B2...[; hash_fields="..."][; skip_snat|force_snat]);`
// (also the older form without `backends=`, and ct_lb_mark_local).
struct CtLbAction {
    enum class Kind : std::uint8_t { CtLb, CtLbMark, CtLbMarkLocal };
    enum class Flag : std::uint8_t { None, SkipSnat, ForceSnat };
    Kind kind = Kind::CtLbMark;
    bool has_arguments = false;  // parentheses were written
    std::vector<LbBackend> backends;
    std::optional<QuotedString> hash_fields;
    Flag flag = Flag::None;
    NodeLoc loc;
    friend bool operator==(const CtLbAction&, const CtLbAction&) = default;
};

struct CtClearAction {
    NodeLoc loc;
    friend bool operator==(const CtClearAction&, const CtClearAction&) = default;
};

// `sample(probability=P, collector_set=C, obs_domain=D, obs_point=X);`, arguments in any order.
// Not checked here: OVN refuses probability 0 (or none), so such a flow is never installed.
struct SampleAction {
    // obs_point: a number, `$cookie` (the first 32 bits of the logical flow's UUID), or a field.
    struct ObsPoint {
        enum class Kind : std::uint8_t { Number, Cookie, Field };
        Kind kind = Kind::Number;
        std::uint32_t number = 0;
        FieldRef field;
        friend bool operator==(const ObsPoint&, const ObsPoint&) = default;
    };
    std::optional<std::uint16_t> probability;
    std::optional<std::uint32_t> collector_set;
    std::optional<std::uint8_t> obs_domain;
    std::optional<ObsPoint> obs_point;
    NodeLoc loc;
    friend bool operator==(const SampleAction&, const SampleAction&) = default;
};

// `log(name="N", severity=S, verdict=V, meter="M");`, arguments in any order, verdict required.
struct LogAction {
    std::optional<QuotedString> name;
    std::optional<std::string_view> severity;
    std::string_view verdict;  // allow, drop, reject, pass, ...
    std::optional<QuotedString> meter;
    NodeLoc loc;
    friend bool operator==(const LogAction&, const LogAction&) = default;
};

// `kind { actions };` for the actions that run a nested list on a (derived) packet.
struct NestedAction {
    enum class Kind : std::uint8_t {
        Clone, Arp, NdNs, NdNa, NdNaRouter, Icmp4, Icmp4Error, Icmp6, Icmp6Error, TcpReset, SctpAbort, Reject
    };
    Kind kind = Kind::Clone;
    ActionList body;
    NodeLoc loc;
    friend bool operator==(const NestedAction&, const NestedAction&) = default;
};

// An action OVN defines whose effect is outside the logical pipeline (ovn-controller work,
// meters, queues): `put_arp(inport, arp.spa, arp.sha);`, `handle_svc_check(inport);`,
// `igmp;`, `mac_cache_use;`, ... (see is_known_action()).
struct ControllerAction {
    std::string_view name;
    std::optional<RawArguments> arguments;
    NodeLoc loc;
    friend bool operator==(const ControllerAction&, const ControllerAction&) = default;
};

// A well-formed action OVN's list does not name: `name;`, `name(args);`, `name { ... };`,
// `name(args) { ... };`, or `field = name(args);` for an unknown function.
struct GenericAction {
    std::string_view name;
    Box<FieldRef> result;  // `result = name(...)`
    std::optional<RawArguments> arguments;
    Box<ActionList> body;
    NodeLoc loc;
    friend bool operator==(const GenericAction&, const GenericAction&) = default;
};

struct Action {
    using Node = std::variant<NextAction, OutputAction, DropAction, LoadAction, MoveAction, ExchangeAction,
                              FunctionCallAction, DecrementTtlAction, StackAction, CtNextAction, CtCommitAction,
                              CtCommitNatAction, CtNatAction, CtLbAction, CtClearAction, SampleAction, LogAction,
                              NestedAction, ControllerAction, GenericAction>;
    Node node;
    SourceLoc loc() const;
    friend bool operator==(const Action&, const Action&) = default;
};

// Parses an action list. An empty text (or only comments, e.g. `/* drop */`) is an empty
// list, which drops the packet. Throws InputError like parse_match().
ActionList parse_actions(std::string_view text, const TextOrigin& origin);

// Canonical text, each action followed by `;` and separated by one space; "" for an empty
// list.
std::string print_actions(const ActionList& actions);

// True when the list drops the packet as it stands: empty, or `drop;`.
bool is_drop(const ActionList& actions);

// GenericActions in the list, nested blocks included.
std::size_t count_generic_actions(const ActionList& actions);
// Their names, in order of appearance (nested blocks included).
std::vector<std::string_view> generic_action_names(const ActionList& actions);

// Whether OVN defines `name` as a keyword action / as a function usable as `R = name(...)`.
bool is_known_action(std::string_view name);
bool is_known_function(std::string_view name);

std::string_view nested_action_name(NestedAction::Kind kind);

}  // namespace ovnsim
