"""ovnsim: why was this connection allowed or dropped, which ACL decided it, which OVN ACL
samples fired for it, and how many logical flows does a sampling configuration cost —
answered offline from a bundle of `ovn-sbctl` / `ovn-nbctl` output.

    import ovnsim
    b = ovnsim.load("corpora/ovn-26.03/talk")
    t = b.trace_ports("vif1", "vif2", dport=80, handshake=True)   # SYN, SYN+ACK, ACK
    t.to_frame()                          # one row per packet: verdict, deciding ACL, samples
    t[0].samples_frame()                  # the samples the SYN fired, with their ids
    b.decode(0x2a000001, 1011).message    # what a collector's ids mean
    b.cost(predict=True).to_frame()       # flows per stage, measured and predicted
    b.sweep([10, 100, 1000]).to_frame()   # sampling flows per flow mode

Every result has a readable repr and `to_dict()` (the JSON of the matching `ovnsim` command);
table results have `to_frame()` (a pandas DataFrame; pandas is imported only then). Bad
input raises `InputError`, a ValueError carrying file, line, column and message.
"""
from __future__ import annotations

from . import _ovnsim
from ._ovnsim import InputError
from .acls import Acl, AclTable
from .bundle import Bundle
from .cost import Cost, Prediction, Sweep, WhatIf
from .flows import Flow, FlowTable
from .sampling import DecodedSample, DecodedSamples, Finding, SamplingReport
from .stats import Check, Diagnostic, Stats
from .trace import Trace, TracedPacket

__all__ = [
    "Acl", "AclTable", "Bundle", "Check", "Cost", "DecodedSample", "DecodedSamples", "Diagnostic", "Finding", "Flow",
    "FlowTable", "InputError", "Prediction", "SamplingReport", "Stats", "Sweep", "Trace", "TracedPacket", "WhatIf",
    "check", "load",
]


def load(path: str) -> Bundle:
    """Load a bundle: a directory (lflows.txt or lflows-uuid.txt, nb/, sb/, nb.db, sb.db; any
    file may be .xz) or a single `ovn-sbctl dump-flows` file. The dump is read now, the NB and
    SB tables when a question first needs them.

    Raises InputError (FILE:LINE:COL) for a missing dump, an unknown table file or a bad line.
    """
    return Bundle(_ovnsim.Bundle.load(str(path)))


def check(path: str) -> Check:
    """Check every line of a bundle (dump, matches, actions, NB/SB listings) as `ovnsim parse`
    does, collecting each problem instead of raising: see `Check.errors`."""
    return Check(_ovnsim.check(str(path)))
