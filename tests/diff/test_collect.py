#!/usr/bin/env python3
"""corpora/collect.sh against a live northd: the bundle it writes has every file the loader
knows, `ovnsim stats` reads it, and ovnsim's flow counts equal `ovn-sbctl count-flows` per
datapath, pipeline and stage, and in total.

usage: test_collect.py --ovnsim PATH        (exit 77 when ovn-central is not installed)"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sandbox  # noqa: E402

COUNT_HEADER = re.compile(r'^Datapath: "([^"]*)"(?: aka "[^"]*")? \(([0-9a-f-]{36})\)  Pipeline: (ingress|egress)$')
COUNT_STAGE = re.compile(r'^  table=(\d+) *\(([^)]*?) *\) lflows=(\d+)$')
COUNT_TOTAL = re.compile(r'^Total number of logical flows = (\d+)$')


def parse_count_flows(text):
    """{(datapath, pipeline): {stage: count}}, total."""
    counts, total, key = {}, None, None
    for line in text.splitlines():
        if m := COUNT_HEADER.match(line):
            key = (m.group(1), m.group(3))
            counts.setdefault(key, {})
        elif (m := COUNT_STAGE.match(line)) and key:
            counts[key][m.group(2)] = int(m.group(3))
        elif m := COUNT_TOTAL.match(line):
            total = int(m.group(1))
    return counts, total


def ovnsim_counts(stats):
    counts = {}
    for dp in stats["datapaths"]:
        for pipeline, body in dp["pipelines"].items():
            counts[(dp["name"], pipeline)] = {s["stage"]: s["flows"] for s in body["stages"]}
    return counts, stats["total"]


def check(bundle, note, live, ovnsim):
    """The failures found in the bundle collected from the live databases."""
    failures = []
    for path in ("lflows.txt", "lflows-uuid.txt", "sb/count-flows.txt", "nb/show.txt", "nb/ACL.txt", "nb/ACL.json",
                 "nb/Logical_Switch_Port.json", "nb/Logical_Router_Port.json", "sb/Port_Binding.json",
                 "sb/Datapath_Binding.json", "sb/Logical_Flow.json", "sb/Multicast_Group.json"):
        if not os.path.isfile(os.path.join(bundle, path)):
            failures.append(f"collect.sh wrote no {path}")
    if "no table Sample in this schema, skipped" not in note:
        failures.append("collect.sh did not report the Sample table missing from the 23.03 schema")

    proc = subprocess.run([ovnsim, "stats", "--json", bundle], capture_output=True, text=True)
    if proc.returncode != 0:
        return failures + [f"ovnsim stats failed ({proc.returncode}): {proc.stderr}"]
    mine, my_total = ovnsim_counts(json.loads(proc.stdout))
    expected, total = parse_count_flows(live)
    if not expected or total is None:
        failures.append("could not parse ovn-sbctl count-flows output")
    if my_total != total:
        failures.append(f"total: ovnsim {my_total}, ovn-sbctl count-flows {total}")
    for key in sorted(set(expected) | set(mine)):
        if expected.get(key) != mine.get(key):
            failures.append(f"{key}: ovnsim {mine.get(key)}, ovn-sbctl count-flows {expected.get(key)}")
    # The bundle's own copy is the same listing.
    with open(os.path.join(bundle, "sb", "count-flows.txt"), encoding="utf-8") as f:
        if parse_count_flows(f.read()) != (expected, total):
            failures.append("sb/count-flows.txt differs from a fresh ovn-sbctl count-flows")
    if not failures:
        print(f"collect.sh bundle: {total} logical flows in {len(expected)} datapath pipelines, counts equal")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ovnsim", required=True)
    args = ap.parse_args()
    sandbox.skip_unless_ovn_installed()
    with sandbox.sandbox() as (env, work):
        sandbox.build_topology(env)
        bundle = os.path.join(work, "bundle")
        note = sandbox.collect(env, bundle)
        live = subprocess.run(["ovn-sbctl", "count-flows"], env=env, check=True, capture_output=True, text=True).stdout
        failures = check(bundle, note, live, args.ovnsim)
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
