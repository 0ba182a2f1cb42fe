#!/usr/bin/env python3
"""Differential test: ovnsim trace against Debian's ovn-trace 23.03 on a live northd.

A sandbox NB/SB/northd gets the topology of topology.sh (two switches, a router, VIFs with
IPv4 and IPv6, port groups, address sets, ACLs of every action, an after-lb ACL, a load
balancer); corpora/collect.sh turns it into a bundle; then seeded random microflows
(microflows.py: ARP, IPv4/IPv6 TCP/UDP/ICMP, neighbour solicitations, spoofed sources,
expiring TTLs, between all VIF pairs, to router addresses, VIPs and unknown addresses, each
with a random --ct list and --lb-dst for VIPs) run through
    ovn-trace --all --ct=... [--lb-dst=...] DATAPATH MICROFLOW
    ovnsim trace --json --ovn-trace-handoff --trace-generated --ct=... BUNDLE DATAPATH MICROFLOW
and must agree on:
  - the tables, in order: (stage, priority, flow uuid) of every table ovn-trace prints, and
    the stages where no flow matched (ovn-trace leaves out tables whose flow is `1` with
    `next;` only; ovnsim's hops are filtered the same way);
  - where the packet left the network: ovn-trace's `/* output to "P" */` lines that do not
    continue into a peer datapath (and its --minimal `output("P")` lines) against ovnsim's
    output ports, as multisets; those after a generated packet's title (tcp_reset, icmp4,
    nd_na, ...) against ovnsim's generated_output_ports;
  - the verdict (delivered somewhere or dropped).
Normalised, and why:
  - --ovn-trace-handoff: between pipelines ovn-trace zeroes every register including flags
    and keeps conntrack state across patch ports; a datapath keeps flags from ingress to
    egress and clears conntrack state at a patch port (ovn-reference.md §8). The comparison
    uses ovn-trace's rules; a second ovnsim run with the datapath's rules must agree with
    ovn-trace up to the first pipeline handoff, and where it differs after it, that is the
    legitimate difference (counted and reported, not failed).
  - --trace-generated: ovn-trace traces the packets reject / tcp_reset / icmp4 generate;
    ovnsim reports them and traces them only when asked.

usage: run_diff.py --ovnsim PATH [--count N] [--seed S] [--keep DIR] [--jobs J]
Exit 0 when all agree, 1 otherwise, 77 when ovn-central is not installed."""
import argparse
import collections
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import microflows  # noqa: E402
import ovn_trace_output  # noqa: E402
import sandbox  # noqa: E402


def ovn_trace(case, env):
    argv = ["ovn-trace", "--all", *case.ovn_trace_options(), case.datapath, case.microflow]
    proc = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    return ovn_trace_output.parse(proc.stdout if proc.stdout else proc.stderr)


def ovnsim(case, ovnsim_bin, bundle, ovn_trace_handoff):
    argv = [ovnsim_bin, "trace", "--json", "--trace-generated", *case.ovn_trace_options()]
    if ovn_trace_handoff:
        argv.append("--ovn-trace-handoff")
    argv += [bundle, case.datapath, case.microflow]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        return None, proc.stderr.strip()
    return json.loads(proc.stdout)["packets"][0], None


def uuid8(value):
    if value is None:
        return None
    if isinstance(value, int):
        return f"{value:08x}"
    return str(value).lower().removeprefix("0x")[:8].rjust(8, "0")


def ovnsim_hops(packet):
    """(stage, priority, uuids) of the tables ovn-trace would print. uuids holds the flow that
    ran and the other flows of its priority that matched too: OVN leaves their order
    unspecified, so ovn-trace may run any of them."""
    hops = []
    for hop in packet["hops"]:
        if hop["ovn_trace_omits"]:
            continue  # match `1`, actions `next;`: ovn-trace's may_omit_stage
        uuids = frozenset([uuid8(hop.get("flow_uuid"))] + [uuid8(u) for u in hop["tied_flow_uuids"]])
        hops.append((hop["stage"], hop["priority"], uuids))
    return hops


def same_hops(theirs, mine):
    return len(theirs) == len(mine) and all(same_hop(a, b) for a, b in zip(theirs, mine))


def same_hop(their, my):
    return their[:2] == my[:2] and their[2] in my[2]


def ovnsim_misses(packet):
    drops = packet.get("drops") or ([packet["drop"]] if packet.get("drop") else [])
    return sorted(d.get("stage", "") for d in drops if d.get("reason") == "no_match")


def first_pipeline(hops):
    prefix = []
    for hop in hops:
        if "_out_" in hop[0]:
            break
        prefix.append(hop)
    return prefix


def compare(case, theirs, mine, mine_err, datapath_run):
    """(problems, legit_difference)."""
    if theirs.error:
        return ([] if mine_err else [f"ovn-trace failed ({theirs.error}) but ovnsim traced it"]), False
    if mine_err:
        return [f"ovnsim failed: {mine_err}"], False
    problems = []
    their_hops = [h for h in theirs.hops if h[1] != "miss"]
    my_hops = ovnsim_hops(mine)
    if not same_hops(their_hops, my_hops):
        i = next((k for k, (a, b) in enumerate(zip(their_hops, my_hops)) if not same_hop(a, b)),
                 min(len(their_hops), len(my_hops)))
        problems.append(f"hops differ at #{i + 1}: ovn-trace {their_hops[i:i + 3]} ovnsim {my_hops[i:i + 3]}")
    their_misses = sorted(h[0] for h in theirs.hops if h[1] == "miss")
    if their_misses != ovnsim_misses(mine):
        problems.append(f"no-match drops: ovn-trace {their_misses}, ovnsim {ovnsim_misses(mine)}")
    delivered = collections.Counter(theirs.delivered())
    if delivered != collections.Counter(mine["output_ports"]):
        problems.append(f"output ports: ovn-trace {sorted(delivered.elements())}, ovnsim {sorted(mine['output_ports'])}")
    generated = collections.Counter(theirs.delivered(generated=True))
    if generated != collections.Counter(mine["generated_output_ports"]):
        problems.append(f"generated packets' output ports: ovn-trace {sorted(generated.elements())}, ovnsim "
                        f"{sorted(mine['generated_output_ports'])}")
    if collections.Counter(theirs.minimal_outputs) != delivered + collections.Counter(theirs.delivered(generated=True)):
        problems.append(f"ovn-trace --minimal outputs {theirs.minimal_outputs} differ from its --detailed ones")
    their_verdict = "output" if delivered else "drop"
    if their_verdict != mine["verdict"]:
        problems.append(f"verdict: ovn-trace {their_verdict}, ovnsim {mine['verdict']}")

    legit = False
    dp_packet, dp_err = datapath_run
    if dp_err:
        problems.append(f"ovnsim (datapath handoff) failed: {dp_err}")
    elif not same_hops(first_pipeline(their_hops), first_pipeline(ovnsim_hops(dp_packet))):
        problems.append("datapath handoff: the first pipeline differs from ovn-trace's")
    elif not same_hops(their_hops, ovnsim_hops(dp_packet)) or dp_packet["verdict"] != their_verdict:
        legit = True
    return problems, legit


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ovnsim", required=True)
    ap.add_argument("--count", type=int, default=240)
    ap.add_argument("--seed", type=int, default=20260326)
    ap.add_argument("--keep", help="copy the collected bundle and the failing cases here")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=20, help="how many differing cases to print")
    args = ap.parse_args()
    sandbox.skip_unless_ovn_installed()
    start = time.monotonic()
    with sandbox.sandbox() as (env, work):
        sandbox.build_topology(env)
        bundle = os.path.join(work, "bundle")
        sandbox.collect(env, bundle)
        cases = microflows.generate(microflows.Topology(bundle), random.Random(args.seed), args.count)

        def run(case):
            theirs = ovn_trace(case, env)
            mine, err = ovnsim(case, args.ovnsim, bundle, True)
            return case, theirs, mine, err, ovnsim(case, args.ovnsim, bundle, False)

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(run, cases))
        if args.keep:
            shutil.copytree(bundle, os.path.join(args.keep, "bundle"), dirs_exist_ok=True)

    failed, legit, kinds = [], 0, collections.Counter()
    for case, theirs, mine, err, datapath_run in results:
        problems, differs = compare(case, theirs, mine, err, datapath_run)
        legit += differs
        kinds[case.name.split("-")[1]] += 1
        if problems:
            failed.append((case, problems, theirs))
    for case, problems, theirs in failed[:args.show]:
        print(f"FAIL {case.name}: ovn-trace {' '.join(case.ovn_trace_options())} {case.datapath} '{case.microflow}'")
        for p in problems:
            print(f"    {p}")
        if args.keep:
            with open(os.path.join(args.keep, case.name + ".ovn-trace.txt"), "w", encoding="utf-8") as f:
                f.write("".join(theirs.sections.values()) if not theirs.error else theirs.error)
    hops = sum(len(r[1].hops) for r in results)
    print(f"{len(results)} microflows ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}), {hops} ovn-trace "
          f"tables compared: {len(results) - len(failed)} agree, {len(failed)} differ; with the datapath's handoff "
          f"rules the first pipeline agrees and {legit} take another path after it; {time.monotonic() - start:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
