"""What collectors receive: sample ids decoded to ACLs and messages (`Bundle.decode()`), and
the sampling coverage and lint of a bundle (`Bundle.samples()`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterator, List, NamedTuple, Optional

from ._frames import frame
from ._result import Result, field

if TYPE_CHECKING:
    import pandas


class DecodedSample(Result):
    """One (obs_domain_id, obs_point_id) pair as `ovnsim decode --json` explains it: the
    Sampling_App, the datapath, the Sample, the ACL and the message OVN-Kubernetes prints; or,
    when it decodes to nothing, why (`errors`)."""

    __slots__ = ()

    obs_domain_id = field("obs_domain_id", "The 32-bit observation domain id decoded.")
    obs_point_id = field("obs_point_id", "The 32-bit observation point id decoded.")
    app = field("app", '"acl-new", "acl-est", "drop" or "unknown".')
    datapath = field("datapath", "The datapath the low 24 bits name, or None.")
    decoded = field("decoded", "The ids lead to what sent them.")
    message = field("message", "What the sample means, or None.")
    acl = field("acl", "The ACL row (dict) when exactly one, else None.")

    @property
    def errors(self) -> List[str]:
        """Why the ids do not decode; empty when they do."""
        return list(self._data["errors"])

    @property
    def notes(self) -> List[str]:
        """Further facts worth knowing (a Sample under another app, an unknown datapath key, ...)."""
        return list(self._data["notes"])

    def __repr__(self) -> str:
        ids = f"{self._data['obs_domain_id_hex']}/{self.obs_point_id}"
        if self.decoded:
            return f"DecodedSample({ids} {self.app}: {self.message})"
        return f"DecodedSample({ids} not decoded: {'; '.join(self.errors)})"


_DECODED_COLUMNS = ["obs_domain_id", "obs_domain_id_hex", "obs_point_id", "app", "datapath", "decoded", "acl_uuid",
                    "acl_name", "message", "error"]


class DecodedSamples:
    """Decoded id pairs in the order given: a sequence of `DecodedSample`; `to_frame()` gives
    one row per pair."""

    __slots__ = ("_results",)

    def __init__(self, results: List[Dict[str, Any]]) -> None:
        self._results = results

    def __len__(self) -> int:
        return len(self._results)

    def __getitem__(self, index: int) -> DecodedSample:
        return DecodedSample(self._results[index])

    def __iter__(self) -> Iterator[DecodedSample]:
        return (DecodedSample(result) for result in self._results)

    def to_dict(self) -> Dict[str, Any]:
        """{"decoded": N, "failed": N, "results": [...]}, as `ovnsim decode --json`."""
        decoded = sum(1 for r in self._results if r["decoded"])
        return {"decoded": decoded, "failed": len(self) - decoded, "results": [s.to_dict() for s in self]}

    def to_frame(self) -> "pandas.DataFrame":
        """One row per pair: obs_domain_id (and _hex), obs_point_id, app, datapath, decoded,
        acl_uuid, acl_name, message, error (the errors joined; None when decoded)."""
        rows = []
        for r in self._results:
            acl = r["acl"] or {}
            rows.append({**r, "acl_uuid": acl.get("uuid"), "acl_name": acl.get("name"),
                         "error": "; ".join(r["errors"]) or None})
        return frame(rows, _DECODED_COLUMNS, optional_integers=["obs_point_id"])

    def __repr__(self) -> str:
        decoded = sum(1 for r in self._results if r["decoded"])
        return f"DecodedSamples({len(self)} pairs, {decoded} decoded)"


class Finding(NamedTuple):
    """A sampling misconfiguration found by the lint, and the row to look at."""

    severity: str  # "error", "warning", "info"
    code: str  # "sample-no-collectors", "missing-sampling-app", ...
    message: str
    where: Optional[str]  # FILE:LINE:COL of the NB row, when known

    def __str__(self) -> str:
        return f"{self.where + ': ' if self.where else ''}{self.severity} [{self.code}] {self.message}"


_COVERAGE_COLUMNS = ["acl_uuid", "acl_name", "direction", "priority", "action", "stage", "new", "established",
                     "reply", "new_obs_point_id", "est_obs_point_id", "mode", "first_packet_only", "message"]


class SamplingReport(Result):
    """Every ACL with what its samples fire for (new, established, reply traffic, and why
    not), the flow mode of each Sample, and the lint findings (`ovnsim samples --json`)."""

    __slots__ = ()

    @property
    def findings(self) -> List[Finding]:
        """The lint's findings, each naming the NB row to look at."""
        return [Finding(f["severity"], f["code"], f["message"], f["where"]) for f in self._data["findings"]]

    @property
    def has_errors(self) -> bool:
        """A finding of severity error exists (`ovnsim samples` exits 1)."""
        return self._data["summary"]["errors"] > 0

    @property
    def summary(self) -> Dict[str, int]:
        """acl_entries, sampled_acl_entries, first_packet_only, errors, warnings, infos."""
        return dict(self._data["summary"])

    def to_frame(self) -> "pandas.DataFrame":
        """One row per ACL (as `ovn-nbctl acl-list` sorts them): acl_uuid, acl_name, direction,
        priority, action, stage, new / established / reply (does a sample fire), the
        obs_point_id of the new and est samples, mode, first_packet_only (why), message."""
        rows = []
        for c in self._data["acls"]:
            acl = c["acl"]
            firing = {kind: (c[kind] or {}) for kind in ("new", "established", "reply")}
            rows.append({
                "acl_uuid": acl["uuid"], "acl_name": acl["name"], "direction": acl["direction"],
                "priority": acl["priority"], "action": acl["action"], "stage": c["stage"],
                "new": bool(firing["new"].get("fires")), "established": bool(firing["established"].get("fires")),
                "reply": bool(firing["reply"].get("fires")),
                "new_obs_point_id": firing["new"].get("obs_point_id") if firing["new"].get("fires") else None,
                "est_obs_point_id": (firing["established"].get("obs_point_id")
                                     if firing["established"].get("fires") else None),
                "mode": firing["new"].get("mode") or firing["established"].get("mode"),
                "first_packet_only": c["first_packet_only"], "message": c["message"]})
        return frame(rows, _COVERAGE_COLUMNS, optional_integers=["new_obs_point_id", "est_obs_point_id"])

    def findings_frame(self) -> "pandas.DataFrame":
        """One row per finding: severity, code, message, where."""
        return frame((f._asdict() for f in self.findings), list(Finding._fields))

    def samples_frame(self) -> "pandas.DataFrame":
        """One row per Sample: uuid, metadata, collectors (set ids), mode, mode_reason, observed_mode."""
        rows = [{**s, "collectors": [c["set_id"] for c in s["collectors"]]} for s in self._data["samples"]]
        return frame(rows, ["uuid", "metadata", "collectors", "mode", "mode_reason", "observed_mode"])

    def __repr__(self) -> str:
        s = self._data["summary"]
        return (f"SamplingReport({s['acl_entries']} ACLs, {s['sampled_acl_entries']} sampled, "
                f"{s['first_packet_only']} first-packet only; {s['errors']} errors, {s['warnings']} warnings)")
