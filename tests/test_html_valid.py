"""Every built page is valid HTML by the Nu HTML Checker (npm `vnu-jar`, run with Java)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from oko.errors import Issue
from oko.serve import render_error_page

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(folder: Path) -> list[str]:
    """Run vnu over a folder; its errors as «file:line: message» lines."""
    assert VNU_JAR.is_file(), "vnu.jar is missing: run `npm ci` (the README's test command does)"
    assert shutil.which("java"), "java is missing: install default-jre-headless (the README's test command does)"
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--skip-non-html", str(folder)],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m.get('message')}" for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"]


@pytest.fixture(scope="module")
def built(demo_site: Path) -> Path:
    return demo_site


def test_every_built_page_is_valid_html(built: Path) -> None:
    pages = list(built.rglob("*.html"))
    assert len(pages) >= 8
    assert vnu_errors(built) == []


def test_the_dev_server_error_page_is_valid_html(tmp_path: Path) -> None:
    issue = Issue("error", "content/plans/x.yaml", "неизвестный ключ «<b>»", 3, 5, "a", "подсказка", "  <b>: 1")
    (tmp_path / "index.html").write_bytes(render_error_page([issue]))
    assert vnu_errors(tmp_path) == []


def test_the_checker_really_finds_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<!DOCTYPE html><html lang=ru><title>x</title><p><div></span>", encoding="utf-8")
    assert vnu_errors(tmp_path)
