"""ovn-trace's output (utilities/ovn-trace.c) read back into what the differential test
compares: the tables it went through, in print order, and where the packet was delivered.

Detailed output prints one line per table:
    ` 9. ls_in_acl_eval (northd.c:7548): <match>, priority 3000, uuid 7717d43d`
    `25. ls_in_l2_lkup: no match (implicit drop)`
and one line per egress output:
    `/* output to "vif2", type "" */`
Tables whose flow is `1` with only `next;` are left out by ovn-trace itself."""
import re

HOP = re.compile(r'^ *(\d+)\. ([A-Za-z0-9_]*)(?: \([^)]*\))?: (.*), priority (\d+), uuid ([0-9a-f]{8})$')
MISS = re.compile(r'^ *(\d+)\. (?:([A-Za-z0-9_]+): )?no match \(implicit drop\)$')
OUTPUT = re.compile(r'^ *(?:/\* )?output to "([^"]*)", type "([^"]*)"(?: \*/)?;?$')
PIPELINE = re.compile(r'^ *(ingress|egress)\(dp="([^"]*)", (?:inport="([^"]*)")?(?:, )?(?:outport="([^"]*)")?\)')
SECTION = re.compile(r'^# (Detailed|Summary|Minimal) trace\.$')
MINIMAL_OUTPUT = re.compile(r'^ *output\("([^"]*)"\);$')
# Titles of the packets actions generate (the original packet goes no further).
GENERATED = re.compile(r'^ *(tcp_reset|icmp4|icmp6|sctp_abort|arp|nd_ns|nd_na|nd_na_router)$')


class Trace:
    def __init__(self):
        self.flow_line = ""
        self.hops = []       # (stage, priority, uuid) / (stage, "miss", None)
        self.outputs = []    # (port, type) of every egress output, in order
        self.generated_outputs = []  # the same after a generated packet's title
        self.minimal_outputs = []  # ports of output("...") lines of --minimal
        self.pipelines = []  # (pipeline, datapath, inport, outport)
        self.sections = {}   # "Detailed" / "Summary" / "Minimal" -> text
        self.error = None

    def delivered(self, generated=False):
        """The ports the packet (or the packets it generated) left the logical network by;
        outputs to patch ports continue in the peer datapath."""
        outputs = self.generated_outputs if generated else self.outputs
        return [port for port, kind in outputs if kind not in ("patch", "l3gateway")]


def parse(text):
    """Parses `ovn-trace --all` (or --detailed) output."""
    trace = Trace()
    lines = text.splitlines()
    if lines and lines[0].startswith("$ "):  # the command, as the corpora store it
        lines = lines[1:]
    if lines and not lines[0].startswith("# "):
        trace.error = "\n".join(lines)
        return trace
    trace.flow_line = lines[0][2:] if lines else ""
    section = "Detailed"
    generated = False
    for line in lines[1:]:
        if m := SECTION.match(line):
            section = m.group(1)
            continue
        trace.sections[section] = trace.sections.get(section, "") + line + "\n"
        if section == "Minimal":
            if m := MINIMAL_OUTPUT.match(line):
                trace.minimal_outputs.append(m.group(1))
            continue
        if section != "Detailed":
            continue
        if m := HOP.match(line):
            trace.hops.append((m.group(2), int(m.group(4)), m.group(5)))
        elif m := MISS.match(line):
            trace.hops.append((m.group(2) or "", "miss", None))
        elif m := OUTPUT.match(line):
            (trace.generated_outputs if generated else trace.outputs).append((m.group(1), m.group(2)))
        elif GENERATED.match(line):
            generated = True
        elif m := PIPELINE.match(line):
            trace.pipelines.append(m.groups())
    return trace
