"""Bundle.trace() and trace_ports(): the talk handshake of OVN 26.03 with its samples and
conntrack, the OVN-Kubernetes NetworkPolicy bundle of 23.03 (allowed and dropped SYNs), and
the errors a bad microflow or port raises."""
import pytest

import ovnsim
from conftest import corpus

ACL3 = "878ba823-18e7-4494-9dc2-d1314021e34b"
SYN = ('inport == "vif1" && eth.src == 0a:58:0a:f4:01:04 && eth.dst == 0a:58:0a:f4:02:06 && '
       "ip4.src == 10.244.1.4 && ip4.dst == 10.244.2.6 && ip.ttl == 64 && tcp && tcp.src == 40000 && "
       "tcp.dst == 8080 && tcp.flags == 0x002")


@pytest.fixture(scope="module")
def talk():
    return ovnsim.load(corpus("ovn-26.03", "talk"))


@pytest.fixture(scope="module")
def handshake(talk):
    return talk.trace("ls1", SYN, handshake=True)


@pytest.fixture(scope="module")
def k8s():
    return ovnsim.load(corpus("ovn-23.03", "k8s"))


def sample_ids(packet):
    return sorted((s["stage"], s["collector_set"], s["obs_domain_id"], s["obs_point_id"]) for s in packet.samples)


def test_handshake_is_delivered_and_decided_by_acl3(handshake):
    assert [p.role for p in handshake] == ["syn", "syn+ack", "ack"]
    assert [p.verdict for p in handshake] == ["output"] * 3
    assert [p.output_ports for p in handshake] == [["vif2"], ["vif1"], ["vif2"]]
    assert all(p.acl["uuid"] == ACL3 for p in handshake)
    assert handshake[0].acl["action"] == "allow-related"


def test_handshake_fires_the_talks_samples(handshake):
    syn, synack, ack = handshake
    assert sample_ids(syn) == [("ls_in_acl_sample", 100, 0x2A000001, 1011), ("ls_in_acl_sample", 200, 0x2A000001, 1011)]
    assert sample_ids(synack) == [("ls_out_acl_sample", 100, 0x2B000001, 1012),
                                  ("ls_out_acl_sample", 200, 0x2B000001, 1012)]
    assert sample_ids(ack) == [("ls_in_acl_sample", 100, 0x2B000001, 1012), ("ls_in_acl_sample", 200, 0x2B000001, 1012)]


def test_samples_carry_what_their_ids_decode_to(handshake, talk):
    frame = handshake.samples_frame()
    assert frame.app.tolist() == ["acl-new", "acl-new", "acl-est", "acl-est", "acl-est", "acl-est"]
    assert frame.message.str.startswith(f"Allowed by ACL {ACL3} (allow-related").all()
    assert frame.message[0] == talk.decode(0x2A000001, 1011).message
    lone_dump = ovnsim.load(corpus("ovn-26.03", "talk", "lflows-uuid.txt"))
    undecoded = lone_dump.trace("ls1", SYN).samples_frame()
    assert len(undecoded) == 2 and undecoded.message.isna().all()


def test_conntrack_carries_the_commit_from_syn_to_ack(handshake):
    syn_entries = handshake[0].conntrack_frame()
    assert len(syn_entries) >= 1
    assert set(syn_entries.state) == {"new"}
    assert (syn_entries.src == "10.244.1.4").all() and (syn_entries.dst_port == 8080).all()
    assert any(fields.get("ct_label.obs_point_id") == "1012" for fields in syn_entries.fields)
    assert set(handshake[2].conntrack_frame().state) == {"established"}


def test_trace_frames(handshake):
    packets = handshake.to_frame()
    assert packets.role.tolist() == ["syn", "syn+ack", "ack"]
    assert packets.acl_uuid.tolist() == [ACL3] * 3 and packets.samples.tolist() == [2, 2, 2]
    hops = handshake[0].to_frame()
    assert hops.stage.tolist()[0] == "ls_in_check_port_sec"
    eval_hop = hops[hops.stage == "ls_in_acl_eval"].iloc[0]
    assert "reg3 = 1011" in eval_hop.actions
    stacked = handshake.hops_frame()
    assert set(stacked.role) == {"syn", "syn+ack", "ack"} and len(stacked) == sum(packets.hops)
    assert len(handshake.samples_frame()) == 6
    assert set(handshake.conntrack_frame().role) == {"syn", "syn+ack", "ack"}
    assert handshake.to_dict()["packets"][0]["role"] == "syn"


def test_repr(handshake):
    text = repr(handshake)
    assert text.startswith("Trace(syn: output to vif2, ACL 878ba823 allow-related, 2 samples, ")
    assert "; syn+ack: output to vif1," in text


def test_forced_ct_state_as_ovn_trace(talk):
    reply = talk.trace("ls1", SYN.replace("tcp.flags == 0x002", "tcp.flags == 0x010"), ct=["est", "est"])
    assert reply[0].verdict == "output"
    assert len(reply) == 1 and reply[0].role == "packet"


def test_trace_ports_builds_the_packet(talk):
    trace = talk.trace_ports("vif1", "vif2", dport=8080, handshake=True)
    built = trace.built_packet
    assert (built["from"], built["to"], built["datapath"], built["destination_port"]) == ("vif1", "vif2", "ls1", "vif2")
    assert "tcp.dst == 8080" in built["microflow"]
    assert {f["field"] for f in built["filled"]} >= {"eth.src", "eth.dst", "ip4.src"}
    assert [p.verdict for p in trace] == ["output"] * 3
    assert sample_ids(trace[0]) == sample_ids(talk.trace("ls1", SYN, handshake=True)[0])


def test_k8s_network_policy_allows_c1_and_drops_c4(k8s):
    allowed = k8s.trace_ports("client-ns_c1", "demo_server", dport=5201, handshake=True)
    assert [p.verdict for p in allowed] == ["output"] * 3
    assert allowed[0].acl["name"] == "NP:demo:allow-5201:ingress:0:0:-1"
    dropped = k8s.trace_ports("client-ns_c4", "demo_server", dport=5201)
    [syn] = dropped
    assert (syn.verdict, syn.drop_reason) == ("drop", "drop_action")
    assert syn.acl["name"] == "NP:demo:Ingress" and syn.acl["action"] == "drop"
    assert syn.samples == []  # OVN 23.03 has no sampling


def test_bad_microflow_points_at_the_column(talk):
    with pytest.raises(ovnsim.InputError) as error:
        talk.trace("ls1", 'inport == "vif1" && ip4.dst == 10.244.2.')
    assert error.value.file == "microflow"
    assert error.value.line == 1 and error.value.column > 20
    with pytest.raises(ovnsim.InputError) as error:
        talk.trace("ls1", SYN, then=['inport == "vif2" && tcp.flags == 0x0zz'])
    assert error.value.file == "then[1]"


def test_unknown_datapath_port_and_bad_options(talk):
    with pytest.raises(ovnsim.InputError, match='no datapath "ls9"'):
        talk.trace("ls9", SYN)
    with pytest.raises(ovnsim.InputError, match="vif9"):
        talk.trace_ports("vif9", "vif2")
    with pytest.raises(ovnsim.InputError, match="'sctp' is not tcp, udp or icmp"):
        talk.trace_ports("vif1", "vif2", proto="sctp")
    with pytest.raises(ovnsim.InputError, match="exclude each other"):
        talk.trace("ls1", SYN, handshake=True, reply=True)
    with pytest.raises(ovnsim.InputError) as error:
        talk.trace("ls1", SYN, ct="bogus")
    assert error.value.file == "ct"


def test_help_explains_trace():
    doc = ovnsim.Bundle.trace.__doc__
    assert "handshake" in doc and "microflow" in doc and "InputError" in doc
