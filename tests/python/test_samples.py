"""Bundle.samples(): sampling coverage per ACL, flow mode per Sample, lint findings."""
import json
import os
import shutil

import pytest

import ovnsim
from conftest import corpus


def test_two_collectors_give_per_acl_flows():
    report = ovnsim.load(corpus("ovn-26.03", "talk")).samples()
    assert repr(report) == "SamplingReport(3 ACLs, 1 sampled, 0 first-packet only; 0 errors, 0 warnings)"
    assert not report.has_errors and report.findings == []
    frame = report.to_frame()
    sampled = frame[frame.new].iloc[0]
    assert sampled.acl_uuid == "878ba823-18e7-4494-9dc2-d1314021e34b"
    assert (sampled.established, sampled.reply, sampled["mode"]) == (True, True, "per-acl")
    assert (sampled.new_obs_point_id, sampled.est_obs_point_id) == (1011, 1012)
    assert sampled.stage == "ls_in_acl_sample"
    assert list(report.samples_frame().collectors) == [[100, 200], [100, 200]]


def test_one_collector_gives_shared_flows():
    report = ovnsim.load(corpus("ovn-26.03", "talk-one-collector")).samples()
    samples = report.samples_frame()
    assert set(samples["mode"]) == {"shared"} and set(samples.observed_mode) == {"shared"}
    noreg = ovnsim.load(corpus("ovn-26.03", "talk-one-collector-noreg")).samples().samples_frame()
    assert set(noreg["mode"]) == {"per-acl"}


def talk_with(tmp_path, table, column, value):
    """A copy of the talk bundle whose NB `table` has `value` in `column` of every row."""
    bundle = tmp_path / "talk"
    shutil.copytree(corpus("ovn-26.03", "talk"), bundle)
    path = bundle / "nb" / f"{table}.json"
    listing = json.loads(path.read_text())
    index = listing["headings"].index(column)
    for row in listing["data"]:
        row[index] = value
    path.write_text(json.dumps(listing))
    return ovnsim.load(str(bundle)), str(path)


def test_a_zero_probability_collector_is_an_error_finding(tmp_path):
    bundle, collectors = talk_with(tmp_path, "Sample_Collector", "probability", 0)
    report = bundle.samples()
    assert report.has_errors
    zero = [f for f in report.findings if f.code == "zero-probability"]
    assert len(zero) == 2 and {f.severity for f in zero} == {"error"}
    assert all(f.where.startswith(collectors + ":1:") for f in zero)
    assert str(zero[0]).startswith(f"{zero[0].where}: error [zero-probability] ")
    assert list(report.findings_frame().columns) == ["severity", "code", "message", "where"]


def test_a_sample_without_collectors_is_a_warning(tmp_path):
    bundle, _ = talk_with(tmp_path, "Sample", "collectors", ["set", []])
    report = bundle.samples()
    assert not report.has_errors
    assert [f.severity for f in report.findings if f.code == "sample-no-collectors"] == ["warning", "warning"]


def test_samples_need_nb_tables():
    dump = ovnsim.load(os.path.join(corpus("ovn-26.03", "talk"), "lflows.txt"))
    with pytest.raises(ovnsim.InputError, match=r"samples\(\) needs the NB tables"):
        dump.samples()
