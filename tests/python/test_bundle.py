"""ovnsim.load, Bundle.stats, Bundle.flows and ovnsim.check on the bundled corpora, and the
errors they raise."""
import os

import pytest

import ovnsim
from conftest import corpus

TALK = corpus("ovn-26.03", "talk")
K8S = corpus("ovn-23.03", "k8s")


@pytest.fixture(scope="module")
def talk():
    return ovnsim.load(TALK)


def test_load_keeps_path_and_tables(talk):
    assert talk.path == TALK
    assert talk.has_nb and talk.has_sb
    assert repr(talk) == f"Bundle({TALK!r})"


def test_load_a_single_dump_file_has_no_tables():
    dump = ovnsim.load(os.path.join(TALK, "lflows.txt"))
    assert not dump.has_nb and not dump.has_sb
    assert dump.stats().total == 159


def test_stats_equal_count_flows(talk):
    stats = talk.stats()
    assert stats.total == 159
    assert stats.by_stage["ls_in_acl_eval"] == 15
    assert stats.by_stage["ls_in_acl_sample"] == 3
    assert stats.by_stage["ls_out_acl_sample"] == 2
    assert stats.by_pipeline["ingress"] + stats.by_pipeline["egress"] == 159
    assert stats.nb["acls"] == 3 and stats.nb["sampled_acls"] == 1
    assert repr(stats) == "Stats(159 logical flows in 1 datapath; NB: 3 ACLs (1 sampled), 2 Samples)"
    assert stats.to_dict()["total"] == 159


def test_stats_frame_rows_sum_to_total(talk):
    frame = talk.stats().to_frame()
    assert list(frame.columns) == ["datapath", "uuid", "pipeline", "table", "stage", "flows"]
    assert frame["flows"].sum() == 159
    eval_row = frame[frame.stage == "ls_in_acl_eval"].iloc[0]
    assert (eval_row.datapath, eval_row.pipeline, eval_row.flows) == ("ls1", "ingress", 15)


def test_stats_of_k8s_count_every_stage():
    stats = ovnsim.load(K8S).stats()
    assert stats.total == 124
    assert sum(stats.by_stage.values()) == 124
    assert list(stats.by_datapath) == ["ovn-worker"]


def test_flows_of_one_stage_by_descending_priority(talk):
    flows = talk.flows(stage="ls_in_acl_eval")
    assert len(flows) == 15
    assert repr(flows) == "FlowTable(15 flows stage='ls_in_acl_eval')"
    priorities = [f.priority for f in flows]
    assert priorities == sorted(priorities, reverse=True)
    sampled = [f for f in flows if "reg3 = 1011" in f.actions]
    assert [f.priority for f in sampled] == [3000, 3000]
    assert all(f.stage == "ls_in_acl_eval" and f.pipeline == "ingress" and f.datapath == "ls1" for f in flows)
    assert flows[0].uuid is not None and len(flows[0].uuid) == 8  # lflows-uuid.txt is preferred


def test_flows_frame_and_dict(talk):
    flows = talk.flows(stage="ls_out_acl_sample", datapath="ls1")
    frame = flows.to_frame()
    assert list(frame.columns) == ["datapath", "pipeline", "table", "stage", "priority", "match", "actions",
                                   "uuid", "line"]
    assert len(frame) == 2
    assert frame["actions"].str.contains("sample\\(").sum() == 1
    as_dict = flows.to_dict()
    assert as_dict["stage"] == "ls_out_acl_sample" and len(as_dict["flows"]) == 2
    assert as_dict["flows"][0]["priority"] == frame["priority"][0]


def test_flows_all_and_by_uuid_prefix(talk):
    assert len(talk.flows()) == 159
    assert len(talk.flows(datapath="a0bce76c")) == 159


def test_flows_unknown_stage_or_datapath_raise_input_error(talk):
    with pytest.raises(ovnsim.InputError, match='no stage named "ls_in_acl_evl"'):
        talk.flows(stage="ls_in_acl_evl")
    with pytest.raises(ovnsim.InputError, match='no datapath "ls9"') as error:
        talk.flows(datapath="ls9")
    assert error.value.file.endswith("lflows-uuid.txt")


def test_check_a_clean_bundle():
    check = ovnsim.check(K8S)
    assert check.ok
    assert (check.flows, check.errors, check.warnings) == (124, [], [])
    assert repr(check).startswith("Check(124 logical flows, 124 matches and 124 actions parsed")
    assert ovnsim.load(K8S).check() == check


def test_check_collects_errors_with_locations(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(
        'Datapath: "ls1" (a0bce76c-ee01-40b9-9d8d-c155edb2fb39)  Pipeline: ingress\n'
        "  table=0 (ls_in_acl_eval     ), priority=1001 , match=(reg0[7] == 1 && (ip4.dst == 10.0.0.1), "
        "action=(next;)\n")
    check = ovnsim.check(str(broken))
    assert not check.ok
    [error] = check.errors
    assert (error.file, error.line, error.column) == (str(broken), 2, 93)
    assert str(error).startswith(f"{broken}:2:93: ")
    frame = check.to_frame()
    assert list(frame.severity) == ["error"] and list(frame.line) == [2]
