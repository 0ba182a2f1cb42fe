"""Bad input gives a clear FILE:LINE:COL error and exit status 2, never a crash or a hang."""
import os
import re
import shutil

import pytest

from conftest import corpus

GOOD = corpus("ovn-26.03", "talk")
HEADER = 'Datapath: "ls1" (a0bce76c-ee01-40b9-9d8d-c155edb2fb39)  Pipeline: ingress\n'
FLOW = '  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(next;)\n'


def bundle(tmp_path, lflows: bytes, **tables):
    """A bundle directory with this dump and nb/<name> files."""
    (tmp_path / "lflows.txt").write_bytes(lflows)
    for name, text in tables.items():
        (tmp_path / "nb").mkdir(exist_ok=True)
        (tmp_path / "nb" / name.replace("__", ".")).write_bytes(text)
    return tmp_path


def assert_bad(run, path, pattern, commands=("stats", "parse")):
    for command in commands:
        status, out, err = run(command, path)
        assert status == 2, (command, status, out, err)
        assert re.search(pattern, err, re.M), (command, err)
        assert "Segmentation" not in err and "terminate called" not in err


def test_truncated_dump_line_cut_in_half(ovnsim, tmp_path):
    text = open(os.path.join(GOOD, "lflows.txt"), "rb").read()
    cut = text[: text.index(b"action=(", 2000) + 12]  # a flow line cut inside its actions
    path = bundle(tmp_path, cut)
    lines = cut.count(b"\n") + 1
    assert_bad(ovnsim, path, rf"lflows\.txt:{lines}:\d+: .*")


def test_unbalanced_parentheses_in_match(ovnsim, tmp_path):
    flow = '  table=0 (ls_in_check_port_sec), priority=50   , match=((ip4 && tcp), action=(next;)\n'
    path = bundle(tmp_path, (HEADER + flow).encode())
    status, out, err = ovnsim("parse", path)
    assert status == 2
    assert re.search(r"lflows\.txt:2:\d+: ", err), err


def test_unbalanced_braces_in_actions(ovnsim, tmp_path):
    flow = '  table=0 (ls_in_check_port_sec), priority=50   , match=(1), action=(ct_commit { ct_mark.blocked = 1; ; next;)\n'
    path = bundle(tmp_path, (HEADER + flow).encode())
    status, out, err = ovnsim("parse", path)
    assert status == 2
    assert re.search(r"lflows\.txt:2:\d+: ", err), err


def test_100000_nested_parentheses(ovnsim, tmp_path):
    match = "(" * 100000 + "1" + ")" * 100000
    flow = f"  table=0 (ls_in_check_port_sec), priority=50   , match=({match}), action=(next;)\n"
    path = bundle(tmp_path, (HEADER + flow).encode())
    status, out, err = ovnsim("parse", path)
    assert status == 2, err
    assert re.search(r"lflows\.txt:2:\d+: .*nested too deeply", err), err[:500]


def test_binary_garbage(ovnsim, tmp_path):
    path = bundle(tmp_path, bytes(range(256)) * 8)
    assert_bad(ovnsim, path, r"lflows\.txt:1:1: binary data")


def test_invalid_utf8(ovnsim, tmp_path):
    path = bundle(tmp_path, (HEADER + FLOW).encode() + b"  table=1 (ls_in_x), \xff\xfe\n")
    assert_bad(ovnsim, path, r"lflows\.txt:3:22: invalid UTF-8")


def test_garbage_line(ovnsim, tmp_path):
    path = bundle(tmp_path, (HEADER + FLOW + "this is not a flow\n").encode())
    assert_bad(ovnsim, path, r"lflows\.txt:3:1: ")


def test_empty_dump(ovnsim, tmp_path):
    path = bundle(tmp_path, b"")
    assert_bad(ovnsim, path, r"lflows\.txt:1:1: ")


def test_unknown_table_file(ovnsim, tmp_path):
    path = bundle(tmp_path, (HEADER + FLOW).encode(), Foo__txt=b"")
    assert_bad(ovnsim, path, r"nb/Foo\.txt: unknown table file")


def test_bad_listing(ovnsim, tmp_path):
    path = bundle(tmp_path, (HEADER + FLOW).encode(), ACL__txt=b"_uuid               : 7dae9eb4-c8e5-4c5b-b540-d38be5c22091\naction              : [allow\n")
    status, out, err = ovnsim("parse", path)
    assert status == 2
    assert re.search(r"nb/ACL\.txt:2:\d+: ", err), err


def test_empty_bundle_directory(ovnsim, tmp_path):
    assert_bad(ovnsim, tmp_path, r"not a bundle: no lflows\.txt")


def test_missing_path(ovnsim, tmp_path):
    assert_bad(ovnsim, tmp_path / "nope", r"no such file or directory")


def test_truncated_xz(ovnsim, tmp_path):
    import lzma
    data = lzma.compress((HEADER + FLOW).encode())
    (tmp_path / "lflows.txt.xz").write_bytes(data[: len(data) // 2])
    assert_bad(ovnsim, tmp_path, r"lflows\.txt\.xz: (truncated|corrupt)")


def test_usage_error_exit_2(ovnsim):
    status, out, err = ovnsim("stats")
    assert status == 2
    status, out, err = ovnsim("no-such-command")
    assert status == 2
