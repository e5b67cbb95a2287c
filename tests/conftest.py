"""Shared test helpers: the repository root and a copy of the demo project to break safely."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def demo_project(tmp_path: Path) -> Path:
    """A private copy of the demo site's sources (config, content, templates)."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "site_config.yaml", project / "site_config.yaml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    return project


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo site built once for the whole run with `build.py build` (read it, do not change it)."""
    out = tmp_path_factory.mktemp("demo") / "site"
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--out", str(out)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def origin(demo_site: Path) -> Iterator[str]:
    """The demo site (built once per run) served on 127.0.0.1 for one test module: http://127.0.0.1:PORT."""
    from tests.browser_support import serve

    with serve(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Debian Chromium for one test module (tests/browser_support.py launches it)."""
    from tests.browser_support import launched_browser

    with launched_browser() as chromium:
        yield chromium
