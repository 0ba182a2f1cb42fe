"""Flow counts (`ovnsim stats`) and bundle checks (`ovnsim parse`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, NamedTuple

from ._frames import frame
from ._result import Result

if TYPE_CHECKING:
    import pandas


class Stats(Result):
    """Logical flow counts of a bundle's dump, as `ovn-sbctl count-flows` gives them, and the
    size of its NB tables (`ovnsim stats --json`)."""

    __slots__ = ()

    @property
    def total(self) -> int:
        """Logical flows in the dump."""
        return self._data["total"]

    @property
    def by_stage(self) -> Dict[str, int]:
        """Flows per stage name, summed over datapaths."""
        return dict(self._data["by_stage"])

    @property
    def by_pipeline(self) -> Dict[str, int]:
        """Flows per pipeline ("ingress", "egress")."""
        return dict(self._data["by_pipeline"])

    @property
    def by_datapath(self) -> Dict[str, Dict[str, int]]:
        """Flows per datapath name, then per stage."""
        return {dp: dict(stages) for dp, stages in self._data["by_datapath"].items()}

    @property
    def nb(self) -> Dict[str, Any]:
        """Sizes of the NB tables: acls, sampled_acls, samples, logical_switches, ..."""
        return dict(self._data["nb"])

    def to_frame(self) -> "pandas.DataFrame":
        """One row per datapath, pipeline and stage: datapath, uuid, pipeline, table, stage, flows."""
        rows = []
        for dp in self._data["datapaths"]:
            for pipeline, block in dp["pipelines"].items():
                for stage in block["stages"]:
                    rows.append({"datapath": dp["name"], "uuid": dp["uuid"], "pipeline": pipeline, **stage})
        rows.sort(key=lambda r: (r["datapath"], r["uuid"], r["pipeline"] != "ingress", r["table"]))
        return frame(rows, ["datapath", "uuid", "pipeline", "table", "stage", "flows"])

    def __repr__(self) -> str:
        nb = self._data["nb"]
        datapaths = len(self._data["datapaths"])
        text = f"Stats({self.total} logical flows in {datapaths} datapath{'s' * (datapaths != 1)}"
        if nb.get("acls") is not None and nb.get("tables"):
            text += f"; NB: {nb['acls']} ACLs ({nb['sampled_acls']} sampled), {nb['samples']} Samples"
        return text + ")"


class Diagnostic(NamedTuple):
    """A problem found in an input file, where it is."""

    file: str
    line: int  # 0 when unknown
    column: int  # 0 when unknown
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class Check(Result):
    """Every line of a bundle checked (`ovnsim parse`): the dump, each match and action, each
    NB/SB listing. Bad input lands in `errors`, never in an exception."""

    __slots__ = ()

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not self._data["errors"]

    @property
    def errors(self) -> List[Diagnostic]:
        """Bad input, each at FILE:LINE:COL."""
        return [Diagnostic(**d) for d in self._data["errors"]]

    @property
    def warnings(self) -> List[Diagnostic]:
        """Worth a look, not fatal (dangling weak references, ...)."""
        return [Diagnostic(**d) for d in self._data["warnings"]]

    @property
    def flows(self) -> int:
        """Logical flows read."""
        return self._data["flows"]

    @property
    def generic_actions(self) -> Dict[str, int]:
        """Well-formed actions ovnsim keeps without modelling them, with their number of uses."""
        return dict(self._data["generic_actions"])

    def to_frame(self) -> "pandas.DataFrame":
        """One row per problem: severity, file, line, column, message."""
        rows = [{"severity": "error", **d} for d in self._data["errors"]]
        rows += [{"severity": "warning", **d} for d in self._data["warnings"]]
        return frame(rows, ["severity", "file", "line", "column", "message"])

    def __repr__(self) -> str:
        d = self._data
        return (f"Check({d['flows']} logical flows, {d['matches_parsed']} matches and {d['actions_parsed']} actions "
                f"parsed, {d['tables_read']} tables from {d['files_read']} files; "
                f"{len(d['errors'])} errors, {len(d['warnings'])} warnings)")
