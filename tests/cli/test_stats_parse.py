"""`ovnsim stats` equals ovn-sbctl count-flows; `ovnsim parse` reads every bundled corpus cleanly."""
import glob
import json
import os

import pytest

from conftest import SHARED, corpus

BUNDLED = sorted(glob.glob(corpus("ovn-*", "*")))


@pytest.mark.parametrize("path", BUNDLED, ids=[os.path.relpath(p, corpus()) for p in BUNDLED])
def test_parse_bundled_corpora_clean(ovnsim, path):
    status, out, err = ovnsim("parse", path)
    assert status == 0, err
    assert err == ""
    assert " 0 errors, 0 warnings" in out


def count_flows_total(path):
    with open(path) as f:
        return int(f.read().strip().splitlines()[-1].rsplit("=", 1)[1])


@pytest.mark.parametrize("path", [p for p in BUNDLED if os.path.exists(os.path.join(p, "sb", "count-flows.txt"))])
def test_stats_text_equals_count_flows(ovnsim, path):
    status, out, err = ovnsim("stats", path)
    assert status == 0, err
    expected = open(os.path.join(path, "sb", "count-flows.txt")).read()
    assert out.startswith(expected)


def test_stats_json_26_03_talk(ovnsim):
    status, out, err = ovnsim("stats", corpus("ovn-26.03", "talk"), "--json")
    assert status == 0, err
    stats = json.loads(out)
    assert stats["total"] == 159
    assert stats["by_stage"]["ls_in_acl_eval"] == 15
    assert stats["by_stage"]["ls_in_acl_sample"] == 3
    assert stats["by_datapath"]["ls1"]["ls_out_acl_sample"] == sum(
        1 for line in open(corpus("ovn-26.03", "talk", "lflows.txt")) if "(ls_out_acl_sample" in line)
    assert stats["nb"]["acls"] == 3 and stats["nb"]["samples"] == 2 and stats["nb"]["sample_collectors"] == 2


def test_stats_on_shared_xz_bundle(ovnsim):
    path = os.path.join(SHARED, "ovn-26.03", "bigcluster")
    if not os.path.isdir(path):
        print("SKIPPED: ../shared/corpora is absent")
        pytest.skip("no shared corpora")
    status, out, err = ovnsim("stats", path)
    assert status == 0, err
    assert out.startswith(open(os.path.join(path, "sb", "count-flows.txt")).read())
