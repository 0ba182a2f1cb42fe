"""Type stub of the compiled core (bindings/ovnsim_module.cpp). Each Bundle method returns the
JSON of the matching `ovnsim` command as plain dicts and lists; the package wraps them in typed
results (ovnsim.Stats, ovnsim.Trace, ...)."""
from typing import Any, Dict, List, Optional, Sequence, Tuple

class InputError(ValueError):
    """Bad input; str() is FILE:LINE:COL: message."""

    file: str
    line: int
    column: int
    message: str

class WhatIfEdits:
    sample_all: bool
    sample: List[str]
    unsample: List[str]
    which: str
    collectors: Optional[int]
    collector: List[str]
    add_acls: Optional[int]
    template: str
    sample_with_registers: Optional[bool]
    ovn_version: str
    def __init__(self) -> None: ...

class Conversation:
    handshake: bool
    reply: bool
    then: List[str]
    def __init__(self) -> None: ...

class TraceOptions:
    ct: List[str]
    lb_dst: str
    trace_generated: bool
    ovn_trace_handoff: bool
    def __init__(self) -> None: ...

class Bundle:
    @staticmethod
    def load(path: str) -> Bundle: ...
    @property
    def path(self) -> str: ...
    @property
    def has_nb(self) -> bool: ...
    @property
    def has_sb(self) -> bool: ...
    def stats(self) -> Dict[str, Any]: ...
    def flows(self, stage: Optional[str] = None, datapath: Optional[str] = None) -> Dict[str, List[Any]]: ...
    def acls(self) -> List[Dict[str, Any]]: ...
    def cost(self, predict: bool, ovn_version: str, sample_with_registers: Optional[bool]) -> Dict[str, Any]: ...
    def whatif(self, edits: WhatIfEdits) -> Dict[str, Any]: ...
    def sweep(self, counts: Sequence[int], edits: WhatIfEdits) -> Dict[str, Any]: ...
    def decode(self, pairs: Sequence[Tuple[int, int]]) -> List[Dict[str, Any]]: ...
    def samples(self) -> Dict[str, Any]: ...
    def trace(self, datapath: str, microflow: str, conversation: Conversation,
              options: TraceOptions) -> Dict[str, Any]: ...
    def trace_ports(self, source: str, destination: str, protocol: str, source_port: Optional[int],
                    destination_port: Optional[int], conversation: Conversation,
                    options: TraceOptions) -> Dict[str, Any]: ...

def check(path: str) -> Dict[str, Any]: ...
