"""Paths for the tests of the Python package; the package itself comes from PYTHONPATH (the
build tree's build/bindings/python, set by ctest)."""
import os

SOURCE_DIR = os.environ.get("OVNSIM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.environ.get("OVNSIM_SHARED_CORPORA") or os.path.join(SOURCE_DIR, "..", "shared", "corpora")


def corpus(*parts):
    """A bundled corpus: corpus("ovn-26.03", "talk")."""
    return os.path.join(SOURCE_DIR, "corpora", *parts)
