"""A loaded bundle and every question ovnsim answers about it."""
from __future__ import annotations

from typing import Optional

from . import _ovnsim
from .flows import FlowTable
from .stats import Check, Stats


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

    def check(self) -> Check:
        """Check every line and file of this bundle, as `ovnsim parse` (see `ovnsim.check`)."""
        return Check(_ovnsim.check(self.path))

    def __repr__(self) -> str:
        return f"Bundle({self.path!r})"
