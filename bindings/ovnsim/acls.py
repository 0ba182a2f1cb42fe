"""The NB ACLs of a bundle (`Bundle.acls()`): who owns each, what it samples, and the message
a collector prints for it."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, Optional

from ._frames import frame
from ._result import Result

if TYPE_CHECKING:
    import pandas


class Acl(Result):
    """One NB ACL row, with its owner (OVN-Kubernetes external_ids), the switches and port
    groups it is applied through, the obs_point_id of its Samples and its message."""

    __slots__ = ()

    uuid = property(lambda self: self._data["uuid"], doc="The row's UUID.")
    name = property(lambda self: self._data["name"], doc="The name column, or None.")
    priority = property(lambda self: self._data["priority"])
    direction = property(lambda self: self._data["direction"], doc='"from-lport" or "to-lport".')
    action = property(lambda self: self._data["action"], doc='"allow-related", "drop", ... as written.')
    match = property(lambda self: self._data["match"])
    tier = property(lambda self: self._data["tier"])
    owner_type = property(lambda self: self._data["owner_type"], doc='k8s.ovn.org/owner-type, or "".')
    owner = property(lambda self: self._data["owner"], doc='k8s.ovn.org/name ("ns:policy"), or "".')
    message = property(lambda self: self._data["message"],
                       doc="What a collector prints for a sample of this ACL (None when its decoder fails).")

    @property
    def external_ids(self) -> Dict[str, str]:
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
