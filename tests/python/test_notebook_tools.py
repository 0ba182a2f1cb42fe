"""The notebook tools: run_notebook.py fails on a failing cell (so a notebook's assertions
gate CI), strip_outputs.py --check fails on a notebook with outputs and stripping fixes it
(the ctest notebook.outputs_stripped runs --check on the committed notebooks)."""
import os
import subprocess
import sys

import nbformat

import ovnsim
from conftest import SOURCE_DIR

SCRIPT = os.path.join(SOURCE_DIR, "notebooks", "strip_outputs.py")
RUNNER = os.path.join(SOURCE_DIR, "notebooks", "run_notebook.py")


def check(*paths):
    return subprocess.run([sys.executable, SCRIPT, "--check", *paths], capture_output=True, text=True)


def executed_notebook(path):
    cell = nbformat.v4.new_code_cell("1 + 1")
    cell.execution_count = 1
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# t"), cell]), path)


def test_check_fails_on_outputs_and_strip_fixes_them(tmp_path):
    path = str(tmp_path / "executed.ipynb")
    executed_notebook(path)
    result = check(path)
    assert result.returncode == 1
    assert f"{path}: has outputs" in result.stderr
    subprocess.run([sys.executable, SCRIPT, path], check=True)
    assert check(path).returncode == 0
    [_, cell] = nbformat.read(path, as_version=4).cells
    assert cell.outputs == [] and cell.execution_count is None and cell.source == "1 + 1"



def test_runner_fails_on_a_failing_assertion_and_passes_otherwise(tmp_path):
    # The kernel runs in the notebook's directory: give it this ovnsim by an absolute path.
    env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(ovnsim.__file__)))}
    path = str(tmp_path / "gate.ipynb")
    cells = [nbformat.v4.new_code_cell("import ovnsim\nvalue = 41"), nbformat.v4.new_code_cell("assert value == 42")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    failed = subprocess.run([sys.executable, RUNNER, path], capture_output=True, text=True, env=env)
    assert failed.returncode == 1
    assert "assert value == 42" in failed.stderr and "AssertionError" in failed.stderr
    cells[0].source = "import ovnsim\nvalue = 42"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    passed = subprocess.run([sys.executable, RUNNER, path], capture_output=True, text=True, env=env)
    assert passed.returncode == 0, passed.stderr
    assert passed.stdout == f"{path}: 2 code cells ran\n"
