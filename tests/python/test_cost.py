"""Bundle.cost(), whatif() and sweep() on the talk scenarios of OVN 26.03: two collectors
(per-ACL sample flows), one collector (shared flows), one collector without
ovn-sample-with-registers (per-ACL again)."""
import os

import pytest

import ovnsim
from conftest import corpus

ACL3 = "878ba823-18e7-4494-9dc2-d1314021e34b"


@pytest.fixture(scope="module")
def talk():
    return ovnsim.load(corpus("ovn-26.03", "talk"))


@pytest.fixture(scope="module")
def one():
    return ovnsim.load(corpus("ovn-26.03", "talk-one-collector"))


@pytest.fixture(scope="module")
def noreg():
    return ovnsim.load(corpus("ovn-26.03", "talk-one-collector-noreg"))


def modeled_stages(bundle):
    """The measured flows of every stage the northd model covers."""
    return {stage: counts["measured"] for stage, counts in bundle.cost(predict=True).predicted.to_dict()["by_stage"]
            .items()}


def test_measured_cost_and_attribution(talk):
    cost = talk.cost()
    assert cost.total == 159 and cost.predicted is None
    assert cost.sampling_flows["beyond_defaults"] == 3
    assert (cost.sampling_flows["per_acl"], cost.sampling_flows["shared"]) == (3, 0)
    top = cost.acls_frame().iloc[0]
    assert (top.uuid, top.flows, top.sampling_flows) == (ACL3, 5, 3)
    assert cost.owners_frame().description.tolist() == ["ACLs without an owner"]
    assert repr(cost) == "Cost(159 flows; sampling: 3 beyond the 3 defaults)"


def test_shared_flows_in_the_one_collector_bundle(one):
    sampling = one.cost().sampling_flows
    assert (sampling["per_acl"], sampling["shared"], sampling["beyond_defaults"]) == (0, 3, 3)


def test_prediction_equals_the_dump(talk, one, noreg):
    for bundle in (talk, one, noreg):
        cost = bundle.cost(predict=True)
        predicted = cost.predicted
        assert predicted.equal and predicted.mismatches == []
        assert (predicted.family, predicted.predicted_total, predicted.measured_total) == ("26.03", 101, 101)
    frame = talk.cost(predict=True).to_frame().set_index("stage")
    assert frame.loc["ls_in_acl_sample"].tolist() == [3, 3]
    assert frame.loc["ls_in_l2_lkup"].flows == 9 and frame.predicted.isna()["ls_in_l2_lkup"]
    assert repr(talk.cost(predict=True)).endswith("; predicted: equal)")


def test_whatif_predicts_the_sibling_bundles(talk, one, noreg):
    assert talk.whatif(collectors=1).after["by_stage"] == modeled_stages(one)
    assert one.whatif(collectors=2).after["by_stage"] == modeled_stages(talk)
    assert one.whatif(sample_with_registers=False).after["by_stage"] == modeled_stages(noreg)


def test_whatif_added_acls_cost_per_acl_or_nothing(talk, one):
    per_acl = talk.whatif(add_acls=99)
    assert (per_acl.before["sampling_flows"], per_acl.after["sampling_flows"]) == (3, 300)
    assert per_acl.delta["total"] == 596 - 101
    assert one.whatif(add_acls=99).delta["sampling_flows"] == 0
    frame = per_acl.to_frame().set_index("stage")
    assert frame.delta["ls_in_acl_sample"] == 198 and frame.delta.sum() == per_acl.delta["total"]
    assert per_acl.edits[0].startswith(f"added 99 copies of ACL {ACL3}")


def test_whatif_selectors_and_collectors(talk):
    edited = talk.whatif(sample="priority=1000-1001", collector={"set_id": 100, "probability": 65535})
    assert edited.edits == ["sampled 2 more ACLs", "every Sample now uses the 1 given collector"]
    assert edited.after == talk.whatif(sample=["priority=1000-1001"], collector="set_id=100").after


def test_sweep_is_linear_per_acl_and_constant_shared(talk):
    sweep = talk.sweep([1, 10, 100, 1000])
    assert [m["key"] for m in sweep.modes] == ["per_acl_2_collectors", "per_acl_1_collector_no_registers",
                                               "shared_1_collector"]
    assert sweep.template["uuid"] == ACL3
    frame = sweep.to_frame()
    assert frame.sampled_acls.tolist() == [1, 10, 100, 1000]
    assert frame.per_acl_2_collectors.tolist() == [3, 30, 300, 3000]
    assert frame.per_acl_1_collector_no_registers.tolist() == [3, 30, 300, 3000]
    assert frame.shared_1_collector.tolist() == [3, 3, 3, 3]
    totals = sweep.to_frame(total=True)
    assert totals.per_acl_2_collectors.is_monotonic_increasing
    assert repr(sweep) == "Sweep(3 modes for [1, 10, 100, 1000] sampled ACLs)"


def test_cost_errors(talk):
    with pytest.raises(ovnsim.InputError, match="bad ACL selector 'priority=x'") as error:
        talk.whatif(sample="priority=x")
    assert error.value.file == "--sample"
    with pytest.raises(ovnsim.InputError, match="'22.03' is not one of 24.09"):
        talk.cost(predict=True, ovn_version="22.03")
    with pytest.raises(ovnsim.InputError, match="OVN older than 24.09"):
        ovnsim.load(corpus("ovn-23.03", "k8s")).cost(predict=True)
    with pytest.raises(ovnsim.InputError, match="what-if needs the NB tables"):
        ovnsim.load(os.path.join(corpus("ovn-26.03", "talk"), "lflows.txt")).whatif(collectors=1)
    with pytest.raises(ovnsim.InputError, match="give either --collectors N or --collector"):
        talk.whatif(collectors=1, collector="set_id=1")


def test_an_older_bundle_priced_as_a_newer_release():
    k8s = ovnsim.load(corpus("ovn-23.03", "k8s"))
    whatif = k8s.whatif(sample_all=True, collectors=1, ovn_version="26.03")
    assert whatif.after["family"] == "26.03"
    assert whatif.delta["sampling_flows"] > 0
