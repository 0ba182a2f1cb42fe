#!/usr/bin/env python3
"""Runs one golden CLI case: tests/golden/<case>/cmd against expected.{out,err,rc}.

`cmd` holds one command line, shell-quoted, whose first word is `ovnsim`. Paths are
relative to the source directory; `$SHARED` expands to ../shared/corpora (the case is
skipped, exit 77, when that is absent). With OVNSIM_REGEN_GOLDEN=1 the expected files
are rewritten from the actual output: review the diff before committing.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys

SKIP = 77


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ovnsim", required=True)
    ap.add_argument("--case", required=True)
    ap.add_argument("--source-dir", required=True)
    args = ap.parse_args()

    shared = os.environ.get("OVNSIM_SHARED_CORPORA") or os.path.join(
        os.path.dirname(os.path.abspath(args.source_dir)), "shared", "corpora")
    with open(os.path.join(args.case, "cmd"), encoding="utf-8") as f:
        line = f.read().strip()
    if "$SHARED" in line and not os.path.isdir(shared):
        print(f"SKIPPED: {shared} is absent")
        return SKIP
    argv = shlex.split(line.replace("$SHARED", shared))
    if not argv or argv[0] != "ovnsim":
        print(f"{args.case}/cmd: the command must start with 'ovnsim'")
        return 1
    argv[0] = args.ovnsim
    stdin_path = os.path.join(args.case, "stdin")
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    proc = subprocess.run(argv, cwd=args.source_dir, stdin=stdin, capture_output=True, timeout=300)
    actual = {
        "expected.out": proc.stdout.decode("utf-8", "replace").replace(shared, "$SHARED"),
        "expected.err": proc.stderr.decode("utf-8", "replace").replace(shared, "$SHARED"),
        "expected.rc": f"{proc.returncode}\n",
    }
    if os.environ.get("OVNSIM_REGEN_GOLDEN") == "1":
        for name, text in actual.items():
            path = os.path.join(args.case, name)
            if name == "expected.err" and not text:
                if os.path.exists(path):
                    os.remove(path)
                continue
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        print(f"regenerated {args.case}")
        return 0
    failed = False
    for name, text in actual.items():
        path = os.path.join(args.case, name)
        expected = "0\n" if name == "expected.rc" else ""
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                expected = f.read()
        if text != expected:
            failed = True
            print(f"--- {name} differs:")
            sys.stdout.writelines(difflib.unified_diff(
                expected.splitlines(True), text.splitlines(True), "expected", "actual"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
