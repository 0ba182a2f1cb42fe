"""A live OVN NB/SB + ovn-northd (tests/tools/ovn-sandbox.sh) for the differential tests,
built with the topology of tests/diff/topology.sh and collected into a bundle with
corpora/collect.sh. Tests skip (exit 77) when Debian's ovn-central is not installed."""
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.dirname(os.path.dirname(HERE))
SANDBOX_TOOL = os.path.join(SOURCE_DIR, "tests", "tools", "ovn-sandbox.sh")
COLLECT = os.path.join(SOURCE_DIR, "corpora", "collect.sh")
TOPOLOGY = os.path.join(HERE, "topology.sh")
NEEDED = ("ovn-northd", "ovn-nbctl", "ovn-sbctl", "ovn-trace", "ovsdb-server", "ovsdb-tool")


def skip_unless_ovn_installed():
    missing = [tool for tool in NEEDED if shutil.which(tool) is None]
    if missing:
        print(f"SKIPPED: {', '.join(missing)} not installed (Debian packages ovn-central, ovn-common)")
        sys.exit(SKIP)


@contextlib.contextmanager
def sandbox():
    """Yields (environment with OVN_NB_DB/OVN_SB_DB, work directory); stops the daemons it
    started (by the pids ovn-sandbox.sh recorded) on the way out."""
    # Unix socket paths are limited to ~107 bytes: keep the directory short.
    work = tempfile.mkdtemp(prefix="ovnsim-diff.", dir="/tmp")
    db_dir = os.path.join(work, "db")
    try:
        subprocess.run(["bash", SANDBOX_TOOL, "start", db_dir], check=True, stdout=subprocess.DEVNULL)
        try:
            env = dict(os.environ)
            env["OVN_NB_DB"] = f"unix:{db_dir}/nb.sock"
            env["OVN_SB_DB"] = f"unix:{db_dir}/sb.sock"
            yield env, work
        finally:
            subprocess.run(["bash", SANDBOX_TOOL, "stop", db_dir], stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_topology(env):
    subprocess.run(["bash", TOPOLOGY], env=env, check=True, stdout=subprocess.DEVNULL)


def collect(env, out_dir):
    proc = subprocess.run(["bash", COLLECT, out_dir], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"collect.sh failed ({proc.returncode}): {proc.stderr}")
    return proc.stderr
