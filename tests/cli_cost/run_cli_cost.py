#!/usr/bin/env python3
"""End-to-end cases of `ovnsim cost` and `ovnsim whatif`, run through the real binary.

Each case is a function named like the --case argument; it raises AssertionError on a
failure. The bundled corpora (corpora/ in the source tree) are always present.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TALK = "corpora/ovn-26.03/talk"


class Cli:
    def __init__(self, ovnsim, source_dir, workdir):
        self.ovnsim = ovnsim
        self.source_dir = source_dir
        self.workdir = workdir

    def run(self, *args):
        proc = subprocess.run([self.ovnsim, *args], cwd=self.source_dir, capture_output=True, text=True, timeout=300)
        return proc.returncode, proc.stdout, proc.stderr

    def path(self, name):
        return os.path.join(self.workdir, name)


def expect(condition, message, out="", err=""):
    if not condition:
        raise AssertionError(f"{message}\n--- stdout:\n{out}\n--- stderr:\n{err}")


def write_baseline(cli, name="baseline.json"):
    path = cli.path(name)
    rc, out, err = cli.run("cost", TALK, "--write-baseline", path)
    expect(rc == 0 and os.path.exists(path), "writing the baseline failed", out, err)
    return path


def shrink_stage(path, stage, count):
    """Pretends the baseline saw fewer flows in `stage`, so that today's dump grew."""
    with open(path, encoding="utf-8") as f:
        baseline = json.load(f)
    baseline["by_stage"][stage] = count
    with open(path, "w", encoding="utf-8") as f:
        json.dump(baseline, f)


def baseline_unchanged(cli):
    path = write_baseline(cli)
    rc, out, err = cli.run("cost", TALK, "--baseline", path)
    expect(rc == 0, "an unchanged bundle must pass", out, err)
    expect("no flow count changed" in out, "the report must say nothing changed", out, err)


def baseline_growth_fails(cli):
    path = write_baseline(cli)
    shrink_stage(path, "ls_in_acl_eval", 10)  # the dump has 15: +50%
    rc, out, err = cli.run("cost", TALK, "--baseline", path, "--tolerance", "10")
    expect(rc == 1, "growth past the tolerance must exit 1", out, err)
    expect("FAILED" in out, "the report must say the gate failed", out, err)
    report = out[out.index("Baseline "):]
    line = next((l for l in report.splitlines() if l.strip().startswith("ls_in_acl_eval")), "")
    expect("10" in line and "15" in line and "+5 (+50.0%)" in line and "exceeds tolerance" in line,
           "the stage that grew must be shown with both counts", out, err)
    rc, out, err = cli.run("cost", TALK, "--baseline", path, "--json")
    report = json.loads(out)
    expect(rc == 1 and report["baseline"]["passed"] is False, "JSON must report the failure", out, err)
    expect({"what": "ls_in_acl_eval", "baseline": 10, "current": 15, "exceeded": True} in report["baseline"]["changes"],
           "JSON must list the stage", out, err)


def baseline_growth_within_tolerance(cli):
    path = write_baseline(cli)
    shrink_stage(path, "ls_in_acl_eval", 10)
    rc, out, err = cli.run("cost", TALK, "--baseline", path, "--tolerance", "60")
    expect(rc == 0, "growth within the tolerance must pass", out, err)
    expect("no count grew past the tolerance" in out and "exceeds" not in out, "no stage may be flagged", out, err)


def baseline_bad_file(cli):
    path = cli.path("broken.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"ovnsim_flow_baseline": 1,\n "total": 12,\n "by_stage": {"x": }\n}\n')
    rc, out, err = cli.run("cost", TALK, "--baseline", path)
    expect(rc == 2, "a broken baseline is bad input", out, err)
    expect(f"{path}:3:" in err, "the error must point at the line", out, err)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"ovnsim_flow_baseline": 1, "total": -3, "sampling_flows": 0, "by_stage": {}}\n')
    rc, out, err = cli.run("cost", TALK, "--baseline", path)
    expect(rc == 2 and f"{path}:1:" in err and '"total"' in err, "a negative count is bad input", out, err)
    rc, out, err = cli.run("cost", TALK, "--baseline", cli.path("missing.json"))
    expect(rc == 2 and "missing.json" in err, "a missing baseline is bad input", out, err)


def predict_equal(cli):
    rc, out, err = cli.run("cost", TALK, "--predict")
    expect(rc == 0, "the model equals the 26.03 talk dump", out, err)
    expect("equals the model, flow for flow" in out, "the report must say so", out, err)
    rc, out, err = cli.run("cost", TALK, "--predict", "--json")
    report = json.loads(out)
    expect(report["predicted"]["equal"] and report["predicted"]["family"] == "26.03", "JSON must agree", out, err)
    expect(report["predicted"]["by_stage"]["ls_in_acl_sample"] == {"measured": 3, "predicted": 3},
           "per-stage counts in JSON", out, err)


def predict_wrong_release(cli):
    rc, out, err = cli.run("cost", TALK, "--predict", "--ovn-version", "24.09")
    expect(rc == 1, "modeling 26.03 flows as 24.09 must fail the check", out, err)
    expect("MISMATCH ls1 ls_in_stateful: measured 5, predicted 3" in out, "the differing stage must be named", out, err)
    expect("only in the dump:" in out and "differ from the model:" in out, "the flows must be shown", out, err)


def predict_too_old(cli):
    rc, out, err = cli.run("cost", "corpora/ovn-23.03/talk", "--predict")
    expect(rc == 2 and "older than 24.09" in err, "23.03 has no sampling stages to model", out, err)
    rc, out, err = cli.run("cost", TALK, "--predict", "--ovn-version", "22.03")
    expect(rc == 2 and "--ovn-version" in err, "an unknown family is a usage error", out, err)


def whatif_json(cli):
    rc, out, err = cli.run("whatif", TALK, "--collectors", "1", "--sample-all", "--json")
    expect(rc == 0, "whatif runs", out, err)
    report = json.loads(out)
    expect(report["before"]["sampling_flows"] == 3, "talk samples one ACL", out, err)
    # Shared flows: new in ingress, est orig in ingress, reply in egress, for the one stage.
    expect(report["after"]["sampling_flows"] == 3, "shared flows do not grow with the ACLs", out, err)
    expect(report["delta"]["by_stage"]["ls_in_acl_eval"] == 0, "eval flows keep their count", out, err)
    expect(any("sampled 2 more ACLs" in line for line in report["edits"]), "the edits are reported", out, err)


def whatif_bad_selector(cli):
    rc, out, err = cli.run("whatif", TALK, "--sample", "colour=red")
    expect(rc == 2 and "--sample" in err and "unknown key" in err, "a bad selector is a usage error", out, err)
    rc, out, err = cli.run("whatif", TALK, "--collectors", "1", "--collector", "set_id=5")
    expect(rc == 2, "--collectors and --collector exclude each other", out, err)


def whatif_sweep_csv(cli):
    rc, out, err = cli.run("whatif", TALK, "--sweep", "acls=10,100,1000,10000", "--csv")
    expect(rc == 0, "the sweep runs", out, err)
    expect(out.splitlines() == [
        "sampled_acls,per_acl_2_collectors,per_acl_1_collector_no_registers,shared_1_collector",
        "10,30,30,3", "100,300,300,3", "1000,3000,3000,3", "10000,30000,30000,3"], "O(#ACLs) against constant", out, err)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ovnsim", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--case", required=True)
    args = parser.parse_args()
    case = globals().get(args.case)
    if case is None:
        print(f"unknown case {args.case}")
        return 1
    with tempfile.TemporaryDirectory(prefix="ovnsim-cli-cost-") as workdir:
        try:
            case(Cli(args.ovnsim, args.source_dir, workdir))
        except AssertionError as e:
            print(f"FAILED {args.case}: {e}")
            return 1
    print(f"ok {args.case}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
