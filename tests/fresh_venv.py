"""A fresh venv with Око really installed from the checkout (a wheel built by the pinned hatchling), offline.

The venv is made without --system-site-packages; a .pth file then adds this .venv's site-packages *after* the
venv's own, so the dependencies (made from the same pins) are not downloaded again, and hatchling, pinned in
requirements-dev.txt, builds the package without build isolation. `pip check` proves the versions agree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from tests.conftest import ROOT


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / "python"


def venv_script(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


def make_venv_with_oko(venv: Path) -> Path:
    """Create the venv, install the checkout into it, return its site-packages."""
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    python = str(venv_python(venv))
    site_packages = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        capture_output=True, text=True, check=True).stdout.strip())
    (site_packages / "zz_oko_test_deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    pip = [python, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    install = subprocess.run([*pip, "install", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
                              str(ROOT)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stdout + install.stderr
    checked = subprocess.run([*pip, "check"], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    return site_packages
