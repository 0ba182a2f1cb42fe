"""A loaded bundle and every question ovnsim answers about it."""
from __future__ import annotations

from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _ovnsim
from .acls import AclTable
from .cost import Cost, Sweep, WhatIf
from .flows import FlowTable
from .sampling import DecodedSample, DecodedSamples, SamplingReport
from .stats import Check, Stats
from .trace import Trace

SampleId = Union[int, str]
Selectors = Union[str, Sequence[str], None]
Collectors = Union[str, Mapping[str, int], Sequence[Union[str, Mapping[str, int]]], None]


def _sample_id(value: SampleId, what: str) -> int:
    """An id as a collector delivers it: an int, or text in decimal or 0x hex."""
    number = int(value, 0) if isinstance(value, str) else int(value)
    if not 0 <= number <= 0xFFFFFFFF:
        raise ValueError(f"{what} {value!r} is not a 32-bit unsigned id")
    return number


class Bundle:
    """The dump and the NB/SB tables of one OVN deployment, loaded once; every method asks one
    question of it. Get one with `ovnsim.load(path)`.

    Errors in the input raise `ovnsim.InputError` (FILE:LINE:COL in its message and attributes).
    """

    __slots__ = ("_core",)

    def __init__(self, core: _ovnsim.Bundle) -> None:
        self._core = core

    @property
    def path(self) -> str:
        """The bundle directory or dump file it was loaded from."""
        return self._core.path

    @property
    def has_nb(self) -> bool:
        """The bundle has NB tables (nb/*.txt|json or nb.db): ACL names, samples, messages."""
        return self._core.has_nb

    @property
    def has_sb(self) -> bool:
        """The bundle has SB tables (sb/*.txt|json or sb.db): tunnel keys, port bindings, stage hints."""
        return self._core.has_sb

    def stats(self) -> Stats:
        """Logical flows per datapath, pipeline and stage (what `ovn-sbctl count-flows` prints) and
        the size of the NB tables, as `ovnsim stats --json`.

        >>> ovnsim.load("corpora/ovn-26.03/talk").stats().by_stage["ls_in_acl_sample"]
        3
        """
        return Stats(self._core.stats())

    def flows(self, stage: Optional[str] = None, datapath: Optional[str] = None) -> FlowTable:
        """The logical flows of one stage (`"ls_in_acl_eval"`), one datapath (a name, aka name,
        uuid or uuid prefix), both, or all, in pipeline order.

        Raises InputError for a stage no datapath has or a datapath that names none or several.
        """
        return FlowTable(self._core.flows(stage, datapath), {"stage": stage, "datapath": datapath})

    def trace(self, datapath: Optional[str], microflow: str, *, then: Sequence[str] = (), handshake: bool = False,
              reply: bool = False, ct: Union[str, Sequence[str], None] = None, lb_dst: Optional[str] = None,
              trace_generated: bool = False, ovn_trace_handoff: bool = False) -> Trace:
        """Trace a packet through the logical flows, as `ovnsim trace --json DATAPATH MICROFLOW`,
        with a conntrack that remembers what `ct_commit` stored.

        datapath: a name, aka name or uuid (prefix); None or "" for the inport's datapath.
        microflow: ovn-trace's microflow syntax, e.g. 'inport == "vif1" && eth.src == ... &&
            ip4.src == 10.244.1.4 && ip4.dst == 10.244.2.6 && tcp.dst == 80 && tcp.flags == 0x002';
            unwritten fields get defaults (listed in each packet's `defaults`).
        handshake: the packet is a SYN; also trace the SYN+ACK the receiver answers with and the
            ACK, through the same conntrack. reply: trace only the SYN+ACK (the SYN runs first,
            unreported). then: follow-up microflows, traced after the others.
        ct: force the ct_state of each ct action in order, as ovn-trace's --ct ("new",
            "est,rpl", ...); by default conntrack decides.
        lb_dst: the backend IP[:PORT] load balancers pick (default the first).
        trace_generated: also trace the packets reject / tcp_reset / icmp generate.
        ovn_trace_handoff: clear registers between pipelines as ovn-trace does, not as a datapath.

        Each packet names its verdict, output ports, the hops, the ACL that decided it (and how
        it was found), the samples that fired and the conntrack after it:

        >>> t = b.trace("ls1", microflow, handshake=True)
        >>> [p.verdict for p in t], t[0].acl["uuid"], t.samples_frame()

        Raises InputError (with the column in the microflow) for a microflow that does not
        parse or solve, an unknown datapath or port, or an inport not on the datapath.
        """
        return Trace(self._core.trace(datapath or "", microflow, _conversation(handshake, reply, then),
                                      _trace_options(ct, lb_dst, trace_generated, ovn_trace_handoff)))

    def trace_ports(self, src: str, dst: str, proto: str = "tcp", dport: Optional[int] = None, *,
                    sport: Optional[int] = None, handshake: bool = False, reply: bool = False,
                    then: Sequence[str] = (), ct: Union[str, Sequence[str], None] = None, lb_dst: Optional[str] = None,
                    trace_generated: bool = False, ovn_trace_handoff: bool = False) -> Trace:
        """Trace a packet the way people think of it: from logical port `src` to port or IP
        `dst`, as `ovnsim trace --from SRC --to DST`. MACs and IPs come from the ports'
        addresses (the router port's MAC when `dst` is behind a router); proto is "tcp"
        (a SYN), "udp" or "icmp" (echo request); sport defaults to 49152, dport to 80 (TCP) or
        53 (UDP). `Trace.built_packet` shows the microflow and every value filled in. The other
        keywords are trace()'s.

        >>> b.trace_ports("vif1", "vif2", dport=5201, handshake=True)

        Raises InputError for an unknown port, a port without a usable address, or ports on
        an ICMP packet.
        """
        return Trace(self._core.trace_ports(src, dst, proto, sport, dport, _conversation(handshake, reply, then),
                                            _trace_options(ct, lb_dst, trace_generated, ovn_trace_handoff)))

    def acls(self) -> AclTable:
        """Every NB ACL (NB order) with its owner (OVN-Kubernetes `k8s.ovn.org/owner-type` and
        `k8s.ovn.org/name`), switches, port groups, the obs_point_id of its Samples and the
        message a collector prints for it ("Allowed by network policy allow-5201 in namespace
        demo, direction Ingress" for OVN-Kubernetes ACLs, ovnsim's own form for others).

        Raises InputError when the bundle has no NB tables.
        """
        return AclTable(self._core.acls())

    def decode(self, obs_domain_id: SampleId, obs_point_id: SampleId) -> DecodedSample:
        """What a collector's sample means: `obs_domain_id` ((Sampling_App id << 24) | datapath
        tunnel key) and `obs_point_id` (Sample.metadata) back to the app, datapath, Sample, ACL
        and the message OVN-Kubernetes prints, following its decoder; ids that decode to nothing
        are explained in `errors` (a changed or deleted ACL, an unknown app id, ...). Ids are
        ints or text in decimal or 0x hex.

        >>> b.decode(0x2a000001, 1011).message
        'Allowed by ACL 878ba823-... (allow-related, from-lport, priority 2000, match: ...)'

        Raises InputError when the bundle has no NB tables.
        """
        pair = (_sample_id(obs_domain_id, "obs_domain_id"), _sample_id(obs_point_id, "obs_point_id"))
        return DecodedSample(self._core.decode([pair])[0])

    def decode_all(self, pairs: Iterable[Tuple[SampleId, SampleId]]) -> DecodedSamples:
        """`decode()` for many (obs_domain_id, obs_point_id) pairs, as psample or IPFIX deliver
        them; `to_frame()` gives one row per pair."""
        ids = [(_sample_id(d, "obs_domain_id"), _sample_id(p, "obs_point_id")) for d, p in pairs]
        return DecodedSamples(self._core.decode(ids))

    def samples(self) -> SamplingReport:
        """Sampling coverage and lint (`ovnsim samples --json`): for every ACL what fires for
        new, established and reply traffic (and why not), the flow mode of each Sample (shared
        per collector or per ACL), and findings such as a Sample without collectors, a missing
        Sampling_App or probability 0.

        Raises InputError when the bundle has no NB tables.
        """
        return SamplingReport(self._core.samples())

    def cost(self, predict: bool = False, *, ovn_version: Optional[str] = None,
             sample_with_registers: Optional[bool] = None) -> Cost:
        """Logical flows per stage and datapath, the sampling overhead (flows in the
        *_acl_sample stages beyond the defaults), and each ACL's and owner's flows, as
        `ovnsim cost --json`.

        predict: also model northd's ACL flows from the NB tables (`Cost.predicted`), as
            `--predict`; `ovn_version` ("25.03") and `sample_with_registers` override what the
            bundle says. Raises InputError without NB tables or for a bundle older than 24.09.
        """
        return Cost(self._core.cost(predict, ovn_version or "", sample_with_registers))

    def whatif(self, *, sample_all: bool = False, sample: Selectors = None, unsample: Selectors = None,
               which: str = "both", collectors: Optional[int] = None, collector: Collectors = None,
               add_acls: Optional[int] = None, template: Optional[str] = None,
               sample_with_registers: Optional[bool] = None, ovn_version: Optional[str] = None) -> WhatIf:
        """Price NB edits with the northd model: the flows before, after and the delta per stage,
        as `ovnsim whatif --json`. The keywords are its options:

        sample_all: sample every ACL. sample / unsample: ACL selectors ("all", or terms such as
            "name=NP:*,priority=1000-2000,match=tcp"; a str or a list). which: what they touch,
            "new", "est" or "both".
        collectors: every Sample gets N collectors; or collector: exactly these, each
            "set_id=S,probability=P" or {"set_id": S, "probability": P}.
        add_acls: N synthetic copies of the `template` ACL (a selector; default the first
            sampled allow-related ACL).
        sample_with_registers: whether every chassis can sample from registers (OVS >= 3.4).
        ovn_version: price the result as this release family ("24.09" ... "26.03").

        >>> b.whatif(collectors=1).delta["sampling_flows"]

        Raises InputError for a malformed selector or collector, or without NB tables.
        """
        return WhatIf(self._core.whatif(_edits(
            sample_all=sample_all, sample=_strings(sample), unsample=_strings(unsample), which=which,
            collectors=collectors, collector=_collector_specs(collector), add_acls=add_acls, template=template,
            sample_with_registers=sample_with_registers, ovn_version=ovn_version)))

    def sweep(self, acls: Sequence[int] = (10, 100, 1000, 10000), *, template: Optional[str] = None,
              which: str = "both", sample_with_registers: Optional[bool] = None,
              ovn_version: Optional[str] = None) -> Sweep:
        """Sampling flows for N sampled copies of the `template` ACL (every other ACL
        unsampled), for each N in `acls` and each flow mode (per-ACL with two collectors,
        per-ACL with one collector without registers, shared with one collector): the talk's
        O(#ACLs) against constant, as numbers (`ovnsim whatif --sweep acls=...`).

        >>> b.sweep([1, 10, 100]).to_frame()
        """
        return Sweep(self._core.sweep([int(n) for n in acls], _edits(
            which=which, template=template, sample_with_registers=sample_with_registers, ovn_version=ovn_version)))

    def check(self) -> Check:
        """Check every line and file of this bundle, as `ovnsim parse` (see `ovnsim.check`)."""
        return Check(_ovnsim.check(self.path))

    def __repr__(self) -> str:
        return f"Bundle({self.path!r})"


def _strings(value: Union[str, Sequence[str], None]) -> List[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _collector_specs(value: Collectors) -> List[str]:
    """"set_id=S,probability=P" for each collector, from text or mappings."""
    if value is None:
        return []
    if isinstance(value, (str, Mapping)):
        value = [value]
    return [spec if isinstance(spec, str) else ",".join(f"{key}={spec[key]}" for key in spec) for spec in value]


def _filled(target: Any, **fields: object) -> Any:
    """`target` with every field that is not None set."""
    for name, value in fields.items():
        if value is not None:
            setattr(target, name, value)
    return target


def _edits(**fields: object) -> _ovnsim.WhatIfEdits:
    return _filled(_ovnsim.WhatIfEdits(), **fields)


def _conversation(handshake: bool, reply: bool, then: Sequence[str]) -> _ovnsim.Conversation:
    return _filled(_ovnsim.Conversation(), handshake=handshake, reply=reply, then=_strings(then))


def _trace_options(ct: Union[str, Sequence[str], None], lb_dst: Optional[str], trace_generated: bool,
                   ovn_trace_handoff: bool) -> _ovnsim.TraceOptions:
    return _filled(_ovnsim.TraceOptions(), ct=_strings(ct), lb_dst=lb_dst, trace_generated=trace_generated,
                   ovn_trace_handoff=ovn_trace_handoff)
