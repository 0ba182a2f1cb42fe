"""What ACLs and sampling cost in logical flows: measured in the dump (`Bundle.cost()`),
predicted by the northd model, and priced under edits (`Bundle.whatif()`, `Bundle.sweep()`)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

from ._frames import frame
from ._result import Result, field

if TYPE_CHECKING:
    import pandas


class Prediction(Result):
    """The northd model's flows beside the dump's, for the modeled ACL stages
    (`ovnsim cost --predict --json`, key "predicted")."""

    __slots__ = ()

    equal = field("equal", "Every modeled stage equals the dump, flow for flow.")
    family = field("family", 'The OVN release family modeled ("26.03").')
    measured_total = field("measured_total", "Flows of the modeled stages in the dump.")
    predicted_total = field("predicted_total", "Flows of the modeled stages the model predicts.")

    @property
    def mismatches(self) -> List[Dict[str, Any]]:
        """Each stage that differs: datapath, pipeline, stage, measured, predicted and the flows
        on one side only (only_predicted, only_in_dump)."""
        return [dict(m) for m in self._data["mismatches"]]

    def to_frame(self) -> "pandas.DataFrame":
        """One row per modeled stage (summed over datapaths): stage, measured, predicted, delta."""
        rows = [{"stage": stage, **counts, "delta": counts["predicted"] - counts["measured"]}
                for stage, counts in self._data["by_stage"].items()]
        return frame(rows, ["stage", "measured", "predicted", "delta"])

    def __repr__(self) -> str:
        verdict = "equal" if self.equal else f"{len(self._data['mismatches'])} stages differ"
        return (f"Prediction(OVN {self.family}: {self.predicted_total} predicted, {self.measured_total} measured, "
                f"{verdict})")


class Cost(Result):
    """Logical flows per stage, the sampling overhead, and each ACL's and owner's flows
    (`ovnsim cost --json`), with the northd model's prediction when asked (`predicted`)."""

    __slots__ = ()

    @property
    def total(self) -> int:
        """Logical flows in the dump."""
        return self._data["measured"]["total"]

    @property
    def by_stage(self) -> Dict[str, int]:
        """Measured flows per stage name, summed over datapaths."""
        return dict(self._data["measured"]["by_stage"])

    @property
    def sampling_flows(self) -> Dict[str, int]:
        """The sampling overhead: beyond_defaults (the cost of sampling), sample_stage_flows,
        default_flows, per_acl, shared, with_sample_action."""
        return dict(self._data["sampling_flows"])

    @property
    def predicted(self) -> Optional[Prediction]:
        """The northd model beside the dump (cost(predict=True)), else None."""
        predicted = self._data.get("predicted")
        return Prediction(predicted) if predicted is not None else None

    def to_frame(self) -> "pandas.DataFrame":
        """One row per stage: stage, flows (measured), predicted (<NA> for stages the model
        does not cover, or without predict=True)."""
        predicted = (self._data.get("predicted") or {}).get("by_stage", {})
        rows = [{"stage": stage, "flows": flows, "predicted": predicted.get(stage, {}).get("predicted")}
                for stage, flows in self._data["measured"]["by_stage"].items()]
        return frame(rows, ["stage", "flows", "predicted"], optional_integers=["predicted"])

    def acls_frame(self) -> "pandas.DataFrame":
        """One row per ACL that has flows, most first: uuid, name, direction, priority, action,
        owner_type, owner, flows, sampling_flows, shared_sampling_flows_used."""
        return frame(self._data["by_acl"], ["uuid", "name", "direction", "priority", "action", "owner_type", "owner",
                                            "flows", "sampling_flows", "shared_sampling_flows_used"])

    def owners_frame(self) -> "pandas.DataFrame":
        """One row per owner (OVN-Kubernetes owner type and name), most flows first: owner_type,
        owner, description, acls, flows, sampling_flows."""
        return frame(self._data["by_owner"], ["owner_type", "owner", "description", "acls", "flows",
                                              "sampling_flows"])

    def __repr__(self) -> str:
        sampling = self._data["sampling_flows"]
        text = (f"Cost({self.total} flows; sampling: {sampling['beyond_defaults']} beyond the "
                f"{sampling['default_flows']} defaults")
        predicted = self.predicted
        if predicted is not None:
            text += "; predicted: " + ("equal" if predicted.equal else "differs")
        return text + ")"


class WhatIf(Result):
    """The northd model's flows before and after NB edits (`ovnsim whatif --json`)."""

    __slots__ = ()

    @property
    def edits(self) -> List[str]:
        """What the edits did, one sentence each."""
        return list(self._data["edits"])

    @property
    def before(self) -> Dict[str, Any]:
        """The model before the edits: family, sample_with_registers, total, sampling_flows, by_stage."""
        return dict(self._data["before"])

    @property
    def after(self) -> Dict[str, Any]:
        """The same after the edits."""
        return dict(self._data["after"])

    @property
    def delta(self) -> Dict[str, Any]:
        """total, sampling_flows and by_stage: after - before."""
        return dict(self._data["delta"])

    def to_frame(self) -> "pandas.DataFrame":
        """One row per modeled stage: stage, before, after, delta."""
        before, after = self._data["before"]["by_stage"], self._data["after"]["by_stage"]
        rows = [{"stage": stage, "before": before.get(stage, 0), "after": after.get(stage, 0),
                 "delta": after.get(stage, 0) - before.get(stage, 0)} for stage in sorted(set(before) | set(after))]
        return frame(rows, ["stage", "before", "after", "delta"])

    def __repr__(self) -> str:
        b, a = self._data["before"], self._data["after"]
        return (f"WhatIf({'; '.join(self.edits) or 'no edits'}: {b['total']} -> {a['total']} flows, "
                f"sampling {b['sampling_flows']} -> {a['sampling_flows']})")


class Sweep(Result):
    """Sampling flows against the number of sampled ACLs, for each way northd can emit sample
    flows (`ovnsim whatif --sweep --json`): per-ACL flows with two collectors, per-ACL with
    one collector on chassis without `ovn-sample-with-registers`, shared with one collector."""

    __slots__ = ()

    @property
    def modes(self) -> List[Dict[str, Any]]:
        """Each flow mode: name ("shared, 1 collector"), key (the frame's column), collectors,
        sample_with_registers."""
        return [dict(mode) for mode in self._data["modes"]]

    @property
    def template(self) -> Dict[str, str]:
        """The ACL copied to make the sampled ACLs: uuid, acl (a description)."""
        return dict(self._data["template"])

    def to_frame(self, total: bool = False) -> "pandas.DataFrame":
        """One row per number of sampled ACLs: sampled_acls, then one column per mode key with
        its sampling flows (sample-stage flows beyond the defaults), or with every modeled
        flow when `total`."""
        which = "total_flows" if total else "sampling_flows"
        keys = [mode["key"] for mode in self._data["modes"]]
        rows = [{"sampled_acls": row["sampled_acls"], **row[which]} for row in self._data["rows"]]
        return frame(rows, ["sampled_acls", *keys])

    def __repr__(self) -> str:
        counts = [row["sampled_acls"] for row in self._data["rows"]]
        return f"Sweep({len(self._data['modes'])} modes for {counts} sampled ACLs)"
