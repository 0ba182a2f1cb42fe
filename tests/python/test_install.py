"""`cmake --install build --component python --prefix P` gives a package that imports from
P's site-packages directory alone and answers questions."""
import os
import subprocess
import sys

import pytest

from conftest import corpus

BUILD_DIR = os.environ.get("OVNSIM_BUILD_DIR")
CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
SITE = os.environ.get("OVNSIM_PYTHON_INSTALL_DIR")


@pytest.mark.skipif(not BUILD_DIR or not SITE, reason="run through ctest (it sets OVNSIM_BUILD_DIR)")
def test_installed_package_imports_from_the_prefix(tmp_path):
    subprocess.run([CMAKE, "--install", BUILD_DIR, "--component", "python", "--prefix", str(tmp_path)],
                   check=True, capture_output=True)
    site = tmp_path / SITE
    installed = sorted(os.listdir(site / "ovnsim"))
    assert "py.typed" in installed and "__init__.py" in installed
    assert any(name.startswith("_ovnsim.") and name.endswith(".so") for name in installed)
    script = ("import ovnsim; b = ovnsim.load(%r); print(ovnsim.__file__); print(b.stats().total)"
              % corpus("ovn-26.03", "talk"))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(site)}, check=True)
    module_file, total = result.stdout.split()
    assert module_file == str(site / "ovnsim" / "__init__.py")
    assert total == "159"
