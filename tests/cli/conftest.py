import os
import subprocess

import pytest

SOURCE_DIR = os.environ.get("OVNSIM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
OVNSIM = os.environ.get("OVNSIM", os.path.join(SOURCE_DIR, "build", "cli", "ovnsim"))
SHARED = os.environ.get("OVNSIM_SHARED_CORPORA") or os.path.join(SOURCE_DIR, "..", "shared", "corpora")


def run(*args, stdin=None, timeout=120):
    """Runs ovnsim; returns (exit status, stdout, stderr)."""
    proc = subprocess.run([OVNSIM, *map(str, args)], input=stdin, capture_output=True, timeout=timeout,
                          cwd=SOURCE_DIR)
    return proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")


@pytest.fixture
def ovnsim():
    return run


def corpus(*parts):
    return os.path.join(SOURCE_DIR, "corpora", *parts)
