"""Packets and conversations traced through the logical pipelines (`Bundle.trace()`,
`Bundle.trace_ports()`): each packet's hops, verdict, deciding ACL, samples and conntrack."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

from ._frames import frame
from ._result import Result, field

if TYPE_CHECKING:
    import pandas

_HOP_COLUMNS = ["datapath", "pipeline", "stage", "table", "priority", "match", "actions", "flow_uuid", "depth",
                "ct_zone"]
_SAMPLE_COLUMNS = ["stage", "datapath", "collector_set", "probability", "obs_domain_id", "obs_point_id",
                   "obs_point_source", "obs_point_field", "app", "message", "hop"]
_CONNTRACK_COLUMNS = ["zone", "zone_number", "protocol", "src", "dst", "src_port", "dst_port", "state", "mark",
                      "label", "fields", "acl", "committed_at"]


def _sample_rows(samples: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Each sample with what its ids decode to (app, message) beside them."""
    rows = []
    for sample in samples:
        decoded = sample.get("decoded") or {}
        rows.append({**sample, "app": decoded.get("app"), "message": decoded.get("message")})
    return rows


def _conntrack_rows(zones: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    rows = []
    for zone in zones:
        for entry in zone["entries"]:
            acl = entry.get("acl") or {}
            rows.append({"zone": zone["zone"], "zone_number": zone["zone_number"], **entry["original"],
                         "state": entry["state"], "mark": entry["mark"], "label": entry["label"],
                         "fields": entry["fields"], "acl": acl.get("name") or acl.get("uuid"),
                         "committed_at": acl.get("stage")})
    return rows


class TracedPacket(Result):
    """One packet of a trace, as the `packets` entries of `ovnsim trace --json`: where it
    entered, every table it hit (`hops`), its verdict, the ACL that decided it, the samples
    that fired and the conntrack after it."""

    __slots__ = ()

    role = field("role", '"packet", or in a conversation "syn", "syn+ack", "ack", "reply", "then".')
    datapath = field("datapath", "Where it entered.")
    microflow = field("microflow", 'The microflow traced ("" for built packets).')
    verdict = field("verdict", '"output" or "drop".')
    drop_reason = field("drop_reason",
                        '"no_match", "drop_action", ... for a dropped packet, else None.')
    acl = field("acl", "The NB ACL that decided the verdict (dict: uuid, name, priority, direction, action, "
                       "match, tier, external_ids, method, hop, ...), or None.")
    attribution_method = field("attribution_method",
                               'How `acl` was found: "stage_hint", "match_text" or "connection".')

    @property
    def output_ports(self) -> List[str]:
        """The ports it left the logical network at, in order."""
        return list(self._data["output_ports"])

    @property
    def delivered(self) -> bool:
        """The packet left the logical network at a port."""
        return self.verdict == "output"

    @property
    def hops(self) -> List[Dict[str, Any]]:
        """Each table hit in order: datapath, pipeline, stage, table, priority, match, actions, ..."""
        return [dict(hop) for hop in self._data["hops"]]

    @property
    def samples(self) -> List[Dict[str, Any]]:
        """Each sample() that ran: stage, collector_set, probability, obs_domain_id,
        obs_point_id (resolved, also from reg3 or ct_label), ..., and "decoded": what the ids
        mean (as Bundle.decode() says; absent without NB tables)."""
        return [dict(sample) for sample in self._data["samples"]]

    @property
    def conntrack(self) -> List[Dict[str, Any]]:
        """The conntrack zones after the packet, each with its entries."""
        return [dict(zone) for zone in self._data["conntrack"]]

    @property
    def notes(self) -> List[Dict[str, str]]:
        """Assumptions the tracer made ({code, subject})."""
        return [dict(note) for note in self._data["notes"]]

    @property
    def not_modelled(self) -> List[str]:
        """Actions that ran without being simulated, as "name: assumption"."""
        return list(self._data["not_modelled"])

    def to_frame(self) -> "pandas.DataFrame":
        """The hops, one row per table hit: datapath, pipeline, stage, table, priority, match,
        actions, flow_uuid, depth, ct_zone."""
        return frame(self._data["hops"], _HOP_COLUMNS)

    def samples_frame(self) -> "pandas.DataFrame":
        """One row per sample() that ran: stage, datapath, collector_set, probability,
        obs_domain_id, obs_point_id (and where it was read from), app and message (what the
        ids decode to; None without NB tables), hop."""
        return frame(_sample_rows(self._data["samples"]), _SAMPLE_COLUMNS)

    def conntrack_frame(self) -> "pandas.DataFrame":
        """One row per conntrack entry after the packet: zone, the original 5-tuple, state,
        mark, label, named fields, the committing ACL and stage."""
        return frame(_conntrack_rows(self._data["conntrack"]), _CONNTRACK_COLUMNS)

    def __repr__(self) -> str:
        if self.delivered:
            text = f"{self.role}: output to {', '.join(self.output_ports)}"
        else:
            text = f"{self.role}: drop ({self.drop_reason})"
        if self.acl:
            text += f", ACL {self.acl.get('name') or self.acl['uuid'][:8]} {self.acl['action']}"
        samples = len(self._data["samples"])
        return f"TracedPacket({text}, {samples} sample{'s' * (samples != 1)}, {len(self._data['hops'])} hops)"


_PACKET_COLUMNS = ["role", "verdict", "output_ports", "drop_reason", "acl_uuid", "acl_name", "acl_action",
                   "attribution_method", "samples", "hops"]


class Trace(Result):
    """A traced packet or conversation (`ovnsim trace --json`): a sequence of `TracedPacket`,
    all through one conntrack. `to_frame()` has one row per packet; hops_frame(),
    samples_frame() and conntrack_frame() stack every packet's tables with a `role` column."""

    __slots__ = ()

    @property
    def packets(self) -> List[TracedPacket]:
        """The packets in the order they ran."""
        return [TracedPacket(packet) for packet in self._data["packets"]]

    @property
    def built_packet(self) -> Optional[Dict[str, Any]]:
        """For trace_ports(): the microflow built from the ports and every value filled in
        (from, to, datapath, destination_port, microflow, filled)."""
        built = self._data.get("built_packet")
        return dict(built) if built is not None else None

    def __len__(self) -> int:
        return len(self._data["packets"])

    def __getitem__(self, index: int) -> TracedPacket:
        return TracedPacket(self._data["packets"][index])

    def __iter__(self) -> Iterator[TracedPacket]:
        return (TracedPacket(packet) for packet in self._data["packets"])

    def to_frame(self) -> "pandas.DataFrame":
        """One row per packet: role, verdict, output_ports, drop_reason, the deciding ACL
        (uuid, name, action), attribution_method, and how many samples and hops."""
        rows = []
        for packet in self._data["packets"]:
            acl = packet["acl"] or {}
            rows.append({**packet, "acl_uuid": acl.get("uuid"), "acl_name": acl.get("name"),
                         "acl_action": acl.get("action"), "samples": len(packet["samples"]),
                         "hops": len(packet["hops"])})
        return frame(rows, _PACKET_COLUMNS)

    def _stacked(self, rows_of: Any, columns: List[str]) -> "pandas.DataFrame":
        rows = [{"role": packet["role"], **row} for packet in self._data["packets"] for row in rows_of(packet)]
        return frame(rows, ["role", *columns])

    def hops_frame(self) -> "pandas.DataFrame":
        """Every packet's hops, with the packet's role first."""
        return self._stacked(lambda packet: packet["hops"], _HOP_COLUMNS)

    def samples_frame(self) -> "pandas.DataFrame":
        """Every packet's samples, with the packet's role first."""
        return self._stacked(lambda packet: _sample_rows(packet["samples"]), _SAMPLE_COLUMNS)

    def conntrack_frame(self) -> "pandas.DataFrame":
        """The conntrack after each packet, with the packet's role first."""
        return self._stacked(lambda packet: _conntrack_rows(packet["conntrack"]), _CONNTRACK_COLUMNS)

    def __repr__(self) -> str:
        return "Trace(" + "; ".join(repr(p)[len("TracedPacket("):-1] for p in self) + ")"
