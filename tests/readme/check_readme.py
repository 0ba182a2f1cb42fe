#!/usr/bin/env python3
"""README examples are tests (as simdjson compiles its README's examples).

Every ```console block of README.md holds commands, each line starting with `$ `, followed by
the output it prints. Each command runs in bash from the source directory with the built
`ovnsim` first on PATH; its stdout and stderr (merged) must equal the lines shown, and the
exit status must be 0 unless the block's next line after the output reads `[exit N]`.
OVNSIM_REGEN_GOLDEN=1 rewrites the outputs in README.md (review the diff).
"""
import argparse
import os
import re
import subprocess
import sys

BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)


def run(command, source_dir, bin_dir):
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""), COLUMNS="100")
    proc = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=source_dir, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def parse_block(text):
    """[(command, expected_output, expected_status)]"""
    steps, command, output, status = [], None, [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith("$ "):
            if command is not None:
                steps.append((command, "".join(output), status))
            command, output, status = line[2:].rstrip("\n"), [], 0
        elif (m := re.fullmatch(r"\[exit (\d+)\]\n?", line)):
            status = int(m.group(1))
        elif command is not None:
            output.append(line)
    if command is not None:
        steps.append((command, "".join(output), status))
    return steps


def render_block(steps):
    out = []
    for command, output, status in steps:
        out.append(f"$ {command}\n{output}")
        if output and not output.endswith("\n"):
            out.append("\n")
        if status:
            out.append(f"[exit {status}]\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readme", required=True)
    ap.add_argument("--bin-dir", required=True, help="directory holding the ovnsim binary")
    args = ap.parse_args()
    source_dir = os.path.dirname(os.path.abspath(args.readme))
    text = open(args.readme, encoding="utf-8").read()
    regen = os.environ.get("OVNSIM_REGEN_GOLDEN") == "1"
    failures, checked = [], 0

    def replace(match):
        nonlocal checked
        steps = parse_block(match.group(1))
        new_steps = []
        for command, expected, expected_status in steps:
            status, actual = run(command, source_dir, args.bin_dir)
            checked += 1
            new_steps.append((command, actual, status))
            if not regen and (actual != expected or status != expected_status):
                failures.append((command, expected, actual, expected_status, status))
        return "```console\n" + render_block(new_steps) + "```\n"

    new_text = BLOCK.sub(replace, text)
    if regen:
        with open(args.readme, "w", encoding="utf-8") as f:
            f.write(new_text)
        print(f"regenerated {checked} README examples")
        return 0
    for command, expected, actual, expected_status, status in failures:
        print(f"README example failed: $ {command}\n  exit {status} (expected {expected_status})")
        import difflib
        sys.stdout.writelines(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                   "README", "actual"))
    print(f"{checked} README examples checked, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
