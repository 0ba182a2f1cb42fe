"""Logical flows of a dump, selected by stage and datapath (`Bundle.flows()`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional

from ._frames import frame_from_columns

if TYPE_CHECKING:
    import pandas


class Flow(NamedTuple):
    """One logical flow as `ovn-sbctl dump-flows` prints it."""

    datapath: str
    pipeline: str  # "ingress" / "egress"
    table: int
    stage: str
    priority: int
    match: str
    actions: str
    uuid: Optional[str]  # first 8 hex digits of the SB Logical_Flow uuid (--uuid dumps)
    line: int  # in the dump file


_COLUMNS = list(Flow._fields)


class FlowTable:
    """Flows in pipeline order (datapaths in dump order, ingress then egress, stages by table,
    priorities descending). A sequence of `Flow`s; `to_frame()` gives a DataFrame."""

    __slots__ = ("_columns", "_selection")

    def __init__(self, columns: Dict[str, List[Any]], selection: Dict[str, Optional[str]]) -> None:
        self._columns = columns
        self._selection = selection

    def __len__(self) -> int:
        return len(self._columns["match"])

    def __getitem__(self, index: int) -> Flow:
        return Flow(*(self._columns[name][index] for name in _COLUMNS))

    def __iter__(self) -> Iterator[Flow]:
        return (Flow(*row) for row in zip(*(self._columns[name] for name in _COLUMNS)))

    def to_dict(self) -> Dict[str, Any]:
        """{"stage", "datapath" (the selection, None for all), "flows": [one dict per flow]}."""
        return {**self._selection, "flows": [flow._asdict() for flow in self]}

    def to_frame(self) -> "pandas.DataFrame":
        """One row per flow: datapath, pipeline, table, stage, priority, match, actions, uuid, line."""
        return frame_from_columns(self._columns, _COLUMNS)

    def __repr__(self) -> str:
        where = " ".join(f"{k}={v!r}" for k, v in self._selection.items() if v is not None)
        return f"FlowTable({len(self)} flows{' ' + where if where else ''})"
