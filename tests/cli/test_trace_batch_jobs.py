"""`ovnsim trace --batch --jobs N`: the lines are traced on N threads, and the output (traces
on stdout, each bad line's error on stderr, the exit status) is the same as with one."""
import pytest

from conftest import corpus

SYN = ('inport == "vif1" && eth.src == 0a:58:0a:f4:01:04 && eth.dst == 0a:58:0a:f4:02:06 && '
       'ip4.src == 10.244.1.4 && ip4.dst == 10.244.2.6 && ip.ttl == 64 && tcp.src == {sport} && '
       'tcp.dst == {dport} && tcp.flags == 0x002')
REPLY = ('inport == "vif2" && eth.src == 0a:58:0a:f4:02:06 && eth.dst == 0a:58:0a:f4:01:04 && '
         'ip4.src == 10.244.2.6 && ip4.dst == 10.244.1.4 && ip.ttl == 64 && udp.src == 5000 && udp.dst == {dport}')


def batch_lines(count):
    """More lines than one block of the parallel runner, with bad lines spread among them."""
    lines = ["# a batch for the --jobs test"]
    for i in range(count):
        if i % 97 == 13:
            lines.append("nosuchswitch " + SYN.format(sport=40000 + i, dport=8080))
        elif i % 89 == 7:
            lines.append("ls1 inport == \"vif1\" && tcp.dst == ((")
        elif i % 3 == 0:
            lines.append("ls1 " + REPLY.format(dport=1 + i))
        else:
            lines.append("ls1\t" + SYN.format(sport=40000 + i, dport=8000 + i % 200))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("style", ["--minimal", "--json", "--detailed"])
def test_jobs_give_the_same_output_as_one_thread(ovnsim, tmp_path, style):
    batch = tmp_path / "batch.txt"
    batch.write_text(batch_lines(700))
    bundle = corpus("ovn-26.03", "talk")
    one = ovnsim("trace", style, "--jobs", 1, "--batch", batch, bundle)
    assert one[0] == 2, "the bad lines make the exit status 2"
    bad = sum(1 for i in range(700) if i % 97 == 13 or i % 89 == 7)
    assert one[2].count("\n") == bad == 16, one[2]
    assert "batch.txt:15:" in one[2] and "nosuchswitch" in one[2]
    assert one[1].count("# verdict:" if style != "--json" else '"verdict"') >= 680
    for jobs in (2, 3, 8):
        assert ovnsim("trace", style, "--jobs", jobs, "--batch", batch, bundle) == one, f"--jobs {jobs}"


def test_jobs_needs_batch(ovnsim):
    status, _, err = ovnsim("trace", corpus("ovn-26.03", "talk"), "--jobs", 2, "--from", "vif1", "--to", "vif2")
    assert status == 2
    assert "--jobs goes with --batch" in err
