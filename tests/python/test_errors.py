"""Bad input raises ovnsim.InputError, a ValueError carrying FILE:LINE:COL."""
import pytest

import ovnsim


def test_missing_bundle():
    with pytest.raises(ovnsim.InputError) as error:
        ovnsim.load("/nonexistent/bundle")
    assert isinstance(error.value, ValueError)
    assert error.value.file == "/nonexistent/bundle"
    assert (error.value.line, error.value.column) == (0, 0)
    assert str(error.value) == "/nonexistent/bundle: " + error.value.message


def test_bad_dump_line_has_line_and_column(tmp_path):
    dump = tmp_path / "lflows.txt"
    dump.write_text('Datapath: "ls1" (a0bce76c-ee01-40b9-9d8d-c155edb2fb39)  Pipeline: ingress\n'
                    "  table=0 (ls_in_acl_eval     ), priority=high , match=(1), action=(next;)\n")
    with pytest.raises(ovnsim.InputError) as error:
        ovnsim.load(str(tmp_path))
    assert error.value.file == str(dump)
    assert error.value.line == 2 and error.value.column > 0
    assert str(error.value).startswith(f"{dump}:2:{error.value.column}: ")


def test_unknown_table_file_is_rejected(tmp_path):
    (tmp_path / "lflows.txt").write_text("")
    (tmp_path / "nb").mkdir()
    (tmp_path / "nb" / "Foo.txt").write_text("")
    with pytest.raises(ovnsim.InputError, match="Foo"):
        ovnsim.load(str(tmp_path))


def test_input_error_is_documented():
    assert "file, line, column" in ovnsim.InputError.__doc__
    assert issubclass(ovnsim.InputError, ValueError)
