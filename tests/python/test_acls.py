"""Bundle.acls(): every NB ACL with owner, samples and the message a collector prints."""
import os

import pandas
import pytest

import ovnsim
from conftest import corpus


def test_talk_acls_and_their_samples():
    acls = ovnsim.load(corpus("ovn-26.03", "talk")).acls()
    assert repr(acls) == "AclTable(3 ACLs, 1 sampled)"
    by_priority = {acl.priority: acl for acl in acls}
    acl3 = by_priority[2000]
    assert (acl3.uuid, acl3.direction, acl3.action) == ("878ba823-18e7-4494-9dc2-d1314021e34b", "from-lport",
                                                        "allow-related")
    assert (acl3.sample_new_metadata, acl3.sample_est_metadata) == (1011, 1012)
    assert acl3.message == ("Allowed by ACL 878ba823-18e7-4494-9dc2-d1314021e34b (allow-related, from-lport, "
                            'priority 2000, match: inport == "vif1" && ip4.dst == 10.244.2.6)')
    assert by_priority[1000].message.startswith("Dropped by ACL c4cb3fa2-")
    assert by_priority[1000].sample_new_metadata is None
    assert repr(acl3) == 'Acl(878ba823 from-lport 2000 allow-related (inport == "vif1" && ip4.dst == 10.244.2.6))'
    assert acls.get("878ba823-18e7-4494-9dc2-d1314021e34b") == acl3
    assert acls.get("878ba823") is None


def test_k8s_acls_carry_ovn_kubernetes_owners_and_messages():
    acls = ovnsim.load(corpus("ovn-23.03", "k8s")).acls()
    frame = acls.to_frame()
    assert len(frame) == 5
    policy = frame[frame.owner_type == "NetworkPolicy"].iloc[0]
    assert policy["name"] == "NP:demo:allow-5201:ingress:0:0:-1"
    assert policy.owner == "demo:allow-5201"
    assert policy.message == "Allowed by network policy allow-5201 in namespace demo, direction ingress"
    assert policy.port_groups == ["a2653181086423119552"]
    deny = frame[(frame.owner_type == "NetpolNamespace") & (frame.action == "drop")]
    assert sorted(deny.message) == [
        "Dropped by network policies isolation in namespace demo, direction Egress",
        "Dropped by network policies isolation in namespace demo, direction Ingress"]
    assert frame.sample_new_metadata.isna().all()
    assert str(frame.sample_new_metadata.dtype) == "Int64"


def test_acl_to_dict_is_the_row_and_a_copy():
    acl = ovnsim.load(corpus("ovn-23.03", "k8s")).acls()[4]
    row = acl.to_dict()
    assert row["external_ids"]["k8s.ovn.org/owner-type"] == "NetworkPolicy"
    assert row["source"].endswith("nb/ACL.json:1:1953")
    row["external_ids"].clear()
    assert acl.external_ids["k8s.ovn.org/name"] == "demo:allow-5201"


def test_acls_need_nb_tables():
    dump = ovnsim.load(os.path.join(corpus("ovn-26.03", "talk"), "lflows.txt"))
    with pytest.raises(ovnsim.InputError, match=r"acls\(\) needs the NB tables"):
        dump.acls()
