#!/usr/bin/env python3
"""Derives the lint bundles (tests/lint/<finding>/) from the real talk bundles of corpora/.

Each bundle is a real `ovn-northd` output with one misconfiguration added by hand, both to
the NB listings and — as northd would emit it (ovn-reference.md §5.3-5.4, §9) — to the
logical flows, plus the `cmd` of its golden case (`ovnsim samples`, registered by
tests.cmake). Run from anywhere; it rewrites every bundle it defines:

    python3 tests/lint/derive_bundles.py
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CORPORA = os.path.join(os.path.dirname(os.path.dirname(HERE)), "corpora")
FILES = ["lflows.txt", "nb/ACL.txt", "nb/Logical_Switch.txt", "nb/Logical_Switch_Port.txt", "nb/NB_Global.txt",
         "nb/Port_Group.txt", "nb/Sample.txt", "nb/Sample_Collector.txt", "nb/Sampling_App.txt",
         "sb/Chassis.txt", "sb/Datapath_Binding.txt"]

ACL3 = "878ba823-18e7-4494-9dc2-d1314021e34b"
S_NEW = "96e0e6ad-f8de-414d-9d69-c5b6e8d0e4b1"
S_EST = "b959cda7-c399-40de-8983-a9c93c69d643"
C1 = "576dc664-2d2a-4ec0-b192-225b43956cc8"
C2 = "96996a5e-4028-41bd-949a-2e295a794ead"
ACL4 = "4a1c0de4-6b1e-4f38-9d2a-5c0ffee00004"


class Bundle:
    def __init__(self, name, base):
        self.dir = os.path.join(HERE, name)
        if os.path.isdir(self.dir):
            for f in FILES:
                path = os.path.join(self.dir, f)
                if os.path.exists(path):
                    os.remove(path)
        for f in FILES:
            os.makedirs(os.path.dirname(os.path.join(self.dir, f)), exist_ok=True)
            shutil.copyfile(os.path.join(CORPORA, base, f), os.path.join(self.dir, f))
        # The golden case (tests/golden/run_golden.py): expected.* are written by
        # OVNSIM_REGEN_GOLDEN=1 ctest -R lint.
        self.write("cmd", f"ovnsim samples tests/lint/{name}\n")

    def path(self, f):
        return os.path.join(self.dir, f)

    def read(self, f):
        with open(self.path(f), encoding="utf-8") as fh:
            return fh.read()

    def write(self, f, text):
        with open(self.path(f), "w", encoding="utf-8") as fh:
            fh.write(text)

    def replace(self, f, old, new, count=None):
        text = self.read(f)
        found = text.count(old)
        assert found and (count is None or found == count), f"{f}: {old!r} found {found} times"
        self.write(f, text.replace(old, new))

    def insert_after(self, f, anchor, lines):
        """Inserts `lines` after the one line containing `anchor` (dump-flows order is kept by hand)."""
        text = self.read(f).split("\n")
        at = [i for i, line in enumerate(text) if anchor in line]
        assert len(at) == 1, f"{f}: anchor {anchor!r} found {len(at)} times"
        text[at[0] + 1:at[0] + 1] = lines
        self.write(f, "\n".join(text))

    def append_row(self, f, row):
        text = self.read(f).rstrip("\n")
        self.write(f, (text + "\n\n" if text else "") + row)


def acl_row(uuid, action, match, priority, sample_new="[]", sample_est="[]", label=0):
    quoted = '"' + match.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return (f"_uuid               : {uuid}\naction              : {action}\ndirection           : from-lport\n"
            f"external_ids        : {{}}\nlabel               : {label}\nlog                 : false\n"
            f"match               : {quoted}\nmeter               : []\nname                : []\n"
            f"network_function_group: []\noptions             : {{}}\npriority            : {priority}\n"
            f"sample_est          : {sample_est}\nsample_new          : {sample_new}\nseverity            : []\n"
            f"tier                : 0\n")


def sample_row(uuid, metadata, collectors):
    return (f"_uuid               : {uuid}\ncollectors          : [{', '.join(collectors)}]\n"
            f"metadata            : {metadata}\n")


def sample_actions(domain, point, sets=((65535, 100), (65535, 200))):
    return "".join(f"sample(probability={p},collector_set={s},obs_domain={domain},obs_point={point});" for p, s in sets)


def per_acl_flows(b, old, new):
    """Replaces the sample list of talk's three per-ACL sample flows (1100 new, 1200 est, 1200 reply)."""
    for domain, point in ((42, 1011), (43, 1012)):
        b.replace("lflows.txt", sample_actions(domain, point), new(domain, point) if callable(new) else new)


def no_collectors():
    # A Sample with no collectors: northd's per-ACL flows only do ` next;` (§9).
    b = Bundle("sample-no-collectors", "ovn-26.03/talk")
    b.replace("nb/Sample.txt", f"[{C1}, {C2}]", "[]", count=2)
    for domain, point in ((42, 1011), (43, 1012)):
        b.replace("lflows.txt", f"action=(flags.pkt_sampled = 1; {sample_actions(domain, point)} next;)",
                  "action=( next;)")


def missing_sampling_app():
    # No Sampling_App rows: the per-ACL flows get an empty action, which drops (§9).
    b = Bundle("missing-sampling-app", "ovn-26.03/talk")
    b.write("nb/Sampling_App.txt", "")
    for domain, point in ((42, 1011), (43, 1012)):
        b.replace("lflows.txt", f"action=(flags.pkt_sampled = 1; {sample_actions(domain, point)} next;)", "action=()")


def zero_probability():
    # Collector c2 at probability 0: northd prints it, ovn-controller refuses the flow (§5.6).
    b = Bundle("zero-probability", "ovn-26.03/talk")
    b.replace("nb/Sample_Collector.txt", "probability         : 65535\nset_id              : 200",
              "probability         : 0\nset_id              : 200")
    per_acl_flows(b, None, lambda d, p: sample_actions(d, p, ((65535, 100), (0, 200))))


def add_acl4(b, priority, match, sample_new, sample_est, new_point, est_point):
    """ACL4 from-lport allow-related on ls1, with its two eval flows (§5.3 (b))."""
    b.append_row("nb/ACL.txt", acl_row(ACL4, "allow-related", match, priority, sample_new, sample_est))
    b.replace("nb/Logical_Switch.txt", f"acls                : [", f"acls                : [{ACL4}, ")
    regs = f"reg0[13] = 1; reg3 = {new_point}; reg9 = {est_point}; reg8[0..7] = 0; reg8[8..15] = 0; reg8[19..20] = 0;"
    flows = [
        f"  table=9 (ls_in_acl_eval     ), priority={priority + 1000} , match=(reg0[7] == 1 && ({match})), "
        f"action=(reg8[16] = 1; {regs} next;)",
        f"  table=9 (ls_in_acl_eval     ), priority={priority + 1000} , match=(reg0[8] == 1 && ({match})), "
        f"action=(reg8[16] = 1; reg0[1] = 1; {regs} next;)",
    ]
    return flows


def duplicate_metadata():
    # ACL4 reuses ACL3's Samples: both ACLs sample with obs_point 1011/1012. The per-ACL
    # sample flows are keyed on the point id, so northd emits them once.
    b = Bundle("duplicate-metadata", "ovn-26.03/talk")
    match = 'inport == "vif2" && ip4.dst == 10.244.1.4'
    flows = add_acl4(b, 2000, match, S_NEW, S_EST, 1011, 1012)
    b.insert_after("lflows.txt", 'priority=3000 , match=(reg0[8] == 1 && (inport == "vif1"', flows)


def shadowed_sample():
    # ACL4 has ACL3's match at a lower priority, with samples of its own: they never fire.
    b = Bundle("shadowed-sample", "ovn-26.03/talk")
    s4_new, s4_est = "0b5e4c1d-2f6a-4e0b-8c3d-5a4b3c2d1e01", "0b5e4c1d-2f6a-4e0b-8c3d-5a4b3c2d1e02"
    b.append_row("nb/Sample.txt", sample_row(s4_new, 2011, [C1, C2]))
    b.append_row("nb/Sample.txt", sample_row(s4_est, 2012, [C1, C2]))
    match = 'inport == "vif1" && ip4.dst == 10.244.2.6'
    flows = add_acl4(b, 1500, match, s4_new, s4_est, 2011, 2012)
    b.insert_after("lflows.txt", "priority=2001 , match=(reg0[8] == 1 && (arp))", flows)
    b.insert_after("lflows.txt", "(ls_in_acl_sample   ), priority=1200", [
        "  table=10(ls_in_acl_sample   ), priority=1200 , match=(flags.pkt_sampled == 0 && ip && ct.trk && (ct.est || "
        "ct.rel) && !ct.rpl && ct_label.obs_point_id == 2012 && ct_label.obs_unused == 0), action=(flags.pkt_sampled = "
        f"1; {sample_actions(43, 2012)} next;)"])
    b.insert_after("lflows.txt", "(ls_in_acl_sample   ), priority=1100", [
        "  table=10(ls_in_acl_sample   ), priority=1100 , match=(ip && ct.new && reg3 == 2011), "
        f"action=(flags.pkt_sampled = 1; {sample_actions(42, 2011)} next;)"])
    b.insert_after("lflows.txt", "(ls_out_acl_sample  ), priority=1200", [
        "  table=7 (ls_out_acl_sample  ), priority=1200 , match=(flags.pkt_sampled == 0 && ip && ct.trk && (ct.est || "
        "ct.rel) && ct.rpl && ct_label.obs_point_id == 2012 && ct_label.obs_unused == 0), action=(flags.pkt_sampled = "
        f"1; {sample_actions(43, 2012)} next;)"])


def label_overrides_sample():
    # ACL3 gets label 77: the label replaces the Sample ids in the registers and the
    # per-ACL flows sample with obs_domain 0 and obs_point 77 (§5.3, §5.4).
    b = Bundle("label-overrides-sample", "ovn-26.03/talk")
    b.replace("nb/ACL.txt", "label               : 0\nlog                 : false\nmatch               : \"inport",
              "label               : 77\nlog                 : false\nmatch               : \"inport")
    b.replace("lflows.txt", "reg3 = 1011; reg9 = 1012;", "reg3 = 77; reg9 = 77;", count=2)
    b.replace("lflows.txt", "ct_label.obs_point_id == 1012", "ct_label.obs_point_id == 77", count=2)
    b.replace("lflows.txt", "reg3 == 1011", "reg3 == 77", count=1)
    per_acl_flows(b, None, lambda d, p: sample_actions(0, 77))


def flow_mode_mismatch():
    # The dump has the shared flows of one collector, but the chassis row captured with it
    # no longer reports ovn-sample-with-registers (an ovn-controller downgraded since).
    b = Bundle("flow-mode-mismatch", "ovn-26.03/talk-one-collector")
    b.replace("sb/Chassis.txt", 'ovn-sample-with-registers="true"', 'ovn-sample-with-registers="false"')


def acl_not_applied():
    # ACL4 with samples sits on a port group that has no ports: northd emits nothing for it.
    b = Bundle("acl-not-applied", "ovn-26.03/talk")
    s4 = "0b5e4c1d-2f6a-4e0b-8c3d-5a4b3c2d1e03"
    b.append_row("nb/Sample.txt", sample_row(s4, 3011, [C1]))
    b.append_row("nb/ACL.txt", acl_row(ACL4, "allow-related", "ip4.dst == 10.244.9.9", 100, s4, s4))
    b.write("nb/Port_Group.txt",
            f"_uuid               : 2c3b7a10-5d4e-4f60-9a8b-7c6d5e4f3a20\nacls                : [{ACL4}]\n"
            "external_ids        : {}\nname                : pg_empty\nports               : []\n")


def dangling_collector():
    # The Sample listing was taken after collector c2 was added, the Sample_Collector
    # listing before it: the reference dangles.
    b = Bundle("dangling-collector", "ovn-26.03/talk")
    text = b.read("nb/Sample_Collector.txt")
    b.write("nb/Sample_Collector.txt", text[:text.index("\n\n") + 1])


def collector_set_truncated():
    # A 24.09.1 northd printed Sample_Collector.set_id as 8 bits: set 300 became 44 (§9
    # says 24.09.3 prints it in full; see collector-set-full).
    b = Bundle("collector-set-truncated", "ovn-24.09/talk")
    b.replace("nb/NB_Global.txt", "24.09.3-20.37.0-77.8", "24.09.1-20.37.0-77.8")
    b.replace("nb/Sample_Collector.txt", "set_id              : 200", "set_id              : 300")
    b.replace("lflows.txt", "collector_set=200,", "collector_set=44,", count=3)


def collector_set_full():
    # The control: 24.09.3 prints set 300 in full, nothing to report.
    b = Bundle("collector-set-full", "ovn-24.09/talk")
    b.replace("nb/Sample_Collector.txt", "set_id              : 200", "set_id              : 300")
    b.replace("lflows.txt", "collector_set=200,", "collector_set=300,", count=3)


if __name__ == "__main__":
    for derive in (no_collectors, missing_sampling_app, zero_probability, duplicate_metadata, shadowed_sample,
                   label_overrides_sample, flow_mode_mismatch, acl_not_applied, dangling_collector,
                   collector_set_truncated, collector_set_full):
        derive()
