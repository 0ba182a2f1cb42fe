"""Bundle.decode() / decode_all(): the ids collectors receive, back to ACLs and messages, and
why unknown ids do not decode."""
import os

import pytest

import ovnsim
from conftest import corpus

ACL3 = "878ba823-18e7-4494-9dc2-d1314021e34b"


@pytest.fixture(scope="module")
def talk():
    return ovnsim.load(corpus("ovn-26.03", "talk"))


def test_new_and_established_ids_decode_to_acl3(talk):
    new = talk.decode(0x2A000001, 1011)
    assert new.decoded and new.app == "acl-new" and new.datapath == "ls1"
    assert new.acl["uuid"] == ACL3
    assert new.message.startswith(f"Allowed by ACL {ACL3} (allow-related, from-lport, priority 2000")
    est = talk.decode("0x2b000001", "1012")
    assert (est.app, est.obs_domain_id, est.obs_point_id, est.acl["uuid"]) == ("acl-est", 0x2B000001, 1012, ACL3)
    assert repr(est).startswith("DecodedSample(0x2b000001/1012 acl-est: Allowed by ACL")


def test_unknown_ids_are_explained(talk):
    stale = talk.decode(0x2A000001, 999)
    assert not stale.decoded and stale.message is None and stale.acl is None
    assert stale.errors == ["no Sample with metadata 999: the ACL changed or was deleted while a connection "
                            "still carries the old id"]
    other_app = talk.decode(0x07000001, 1011)
    assert other_app.app == "unknown"
    assert other_app.errors == ["unknown app ID: 7 (Sampling_App acl-new=42, acl-est=43)"]
    assert any("Sampling_App ids may have changed" in note for note in other_app.notes)


def test_decode_all_as_a_table(talk):
    decoded = talk.decode_all([(0x2A000001, 1011), (0x2B000001, 1012), (0x2A000001, 999)])
    assert repr(decoded) == "DecodedSamples(3 pairs, 2 decoded)"
    frame = decoded.to_frame()
    assert list(frame.obs_domain_id_hex) == ["0x2a000001", "0x2b000001", "0x2a000001"]
    assert list(frame.decoded) == [True, True, False]
    assert list(frame.acl_uuid[:2]) == [ACL3, ACL3]
    assert frame.error[2].startswith("no Sample with metadata 999")
    assert decoded.to_dict()["failed"] == 1


def test_shared_flow_bundle_decodes_the_same_ids():
    one = ovnsim.load(corpus("ovn-26.03", "talk-one-collector"))
    assert one.decode(0x2A000001, 1011).app == "acl-new"
    assert one.decode(0x2B000001, 1012).decoded


def test_bad_ids_and_missing_tables(talk):
    with pytest.raises(ValueError, match="not a 32-bit unsigned id"):
        talk.decode(1 << 32, 1)
    with pytest.raises(ValueError):
        talk.decode("0xzz", 1)
    dump = ovnsim.load(os.path.join(corpus("ovn-26.03", "talk"), "lflows.txt"))
    with pytest.raises(ovnsim.InputError, match="needs the NB tables"):
        dump.decode(0x2A000001, 1011)
