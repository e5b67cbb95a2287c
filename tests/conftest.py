"""Shared test helpers: the repository root and a copy of the demo project to break safely."""

from __future__ import annotations

import shutil
from pathlib import Path

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
