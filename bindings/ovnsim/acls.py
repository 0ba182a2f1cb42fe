"""The NB ACLs of a bundle (`Bundle.acls()`): who owns each, what it samples, and the message
a collector prints for it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

from ._frames import frame
from ._result import Result, field

if TYPE_CHECKING:
    import pandas


class Acl(Result):
    """One NB ACL row, with its owner (OVN-Kubernetes external_ids), the switches and port
    groups it is applied through, the obs_point_id of its Samples and its message."""

    __slots__ = ()

    uuid = field("uuid", "The row's UUID.")
    name = field("name", "The name column, or None.")
    priority = field("priority", "The ACL's priority (0..32767).")
    direction = field("direction", '"from-lport" or "to-lport".')
    action = field("action", '"allow-related", "drop", ... as written.')
    match = field("match", "The match expression, as written.")
    tier = field("tier", "The ACL tier (0..3).")
    owner_type = field("owner_type", 'k8s.ovn.org/owner-type, or "".')
    owner = field("owner", 'k8s.ovn.org/name ("ns:policy"), or "".')
    message = field("message", "What a collector prints for a sample of this ACL (None when its decoder fails).")

    @property
    def external_ids(self) -> Dict[str, str]:
        """The row's external_ids (OVN-Kubernetes writes its owner and ids there)."""
        return dict(self._data["external_ids"])

    @property
    def sample_new_metadata(self) -> Optional[int]:
        """obs_point_id of the sample on new connections, or None."""
        return self._data["sample_new_metadata"]

    @property
    def sample_est_metadata(self) -> Optional[int]:
        """obs_point_id of the sample on established and reply traffic, or None."""
        return self._data["sample_est_metadata"]

    def __repr__(self) -> str:
        label = repr(self.name) if self.name else self.uuid[:8]
        return f"Acl({label} {self.direction} {self.priority} {self.action} ({self.match}))"


_COLUMNS = ["uuid", "name", "direction", "priority", "tier", "action", "match", "owner_type", "owner",
            "sample_new_metadata", "sample_est_metadata", "message", "switches", "port_groups", "source"]


class AclTable:
    """Every NB ACL of a bundle, in NB order: a sequence of `Acl`; `to_frame()` gives a DataFrame."""

    __slots__ = ("_rows",)

    def __init__(self, rows: List[Dict[str, Any]]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index: int) -> Acl:
        return Acl(self._rows[index])

    def __iter__(self) -> Iterator[Acl]:
        return (Acl(row) for row in self._rows)

    def get(self, uuid: str) -> Optional[Acl]:
        """The ACL with this UUID (a trace's `acl["uuid"]`), or None."""
        for row in self._rows:
            if row["uuid"] == uuid:
                return Acl(row)
        return None

    def to_dict(self) -> Dict[str, Any]:
        """{"acls": [one dict per ACL]}."""
        return {"acls": [acl.to_dict() for acl in self]}

    def to_frame(self) -> "pandas.DataFrame":
        """One row per ACL: uuid, name, direction, priority, tier, action, match, owner_type,
        owner, sample_new_metadata, sample_est_metadata, message, switches, port_groups, source."""
        return frame(self._rows, _COLUMNS, optional_integers=["sample_new_metadata", "sample_est_metadata"])

    def __repr__(self) -> str:
        sampled = sum(1 for row in self._rows if row["sample_new"] or row["sample_est"])
        return f"AclTable({len(self)} ACLs, {sampled} sampled)"
