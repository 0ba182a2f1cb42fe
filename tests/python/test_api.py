"""The package's surface: every public name documented, pandas imported only by to_frame(),
results comparable and reprs readable."""
import inspect
import subprocess
import sys

import ovnsim
from conftest import corpus


def public_members(cls):
    for name, member in vars(cls).items():
        if not name.startswith("_") and (isinstance(member, property) or callable(member)):
            yield name, member


def test_every_public_name_has_a_docstring():
    undocumented = [name for name in ovnsim.__all__ if not (getattr(ovnsim, name).__doc__ or "").strip()]
    for name in ovnsim.__all__:
        cls = getattr(ovnsim, name)
        if inspect.isclass(cls) and not issubclass(cls, tuple):
            undocumented += [f"{name}.{member}" for member, value in public_members(cls)
                             if not (value.__doc__ or "").strip()]
    assert undocumented == []


def test_bundle_methods_of_the_issue_exist_with_their_keywords():
    signature = inspect.signature
    assert list(signature(ovnsim.Bundle.trace).parameters)[:3] == ["self", "datapath", "microflow"]
    assert {"then", "handshake", "ct"} <= set(signature(ovnsim.Bundle.trace).parameters)
    assert list(signature(ovnsim.Bundle.trace_ports).parameters)[:5] == ["self", "src", "dst", "proto", "dport"]
    assert signature(ovnsim.Bundle.trace_ports).parameters["proto"].default == "tcp"
    assert signature(ovnsim.Bundle.cost).parameters["predict"].default is False
    assert list(signature(ovnsim.Bundle.flows).parameters) == ["self", "stage", "datapath"]
    for method in ("stats", "whatif", "sweep", "decode", "samples", "acls"):
        assert callable(getattr(ovnsim.Bundle, method))


def test_works_without_pandas_until_a_frame_is_asked_for():
    script = (
        "import sys; sys.modules['pandas'] = None\n"
        "import ovnsim\n"
        f"stats = ovnsim.load({corpus('ovn-26.03', 'talk')!r}).stats()\n"
        "assert stats.total == 159\n"
        "try:\n"
        "    stats.to_frame()\n"
        "except ImportError as error:\n"
        "    print(error)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "to_frame() needs pandas: apt-get install python3-pandas"


def test_results_compare_by_content():
    a = ovnsim.load(corpus("ovn-26.03", "talk"))
    b = ovnsim.load(corpus("ovn-26.03", "talk"))
    assert a.stats() == b.stats()
    assert a.stats() != ovnsim.load(corpus("ovn-26.03", "talk-one-collector")).stats()
    assert a.decode(0x2A000001, 1011) == b.decode(0x2A000001, 1011)
