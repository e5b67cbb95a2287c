"""Око as an installed package: pyproject's dependencies agree with requirements.txt, and a fresh venv
with the package installed from the checkout builds a project that has no templates/ of its own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT
from tests.fresh_venv import make_venv_with_oko


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _pins() -> dict[str, str]:
    """requirements.txt: canonical name → its `==` version."""
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            pins[canonicalize_name(requirement.name)] = str(requirement.specifier)
    return pins


def _closure(names: set[str]) -> set[str]:
    """The names and every distribution they need, as installed here (markers judged for this Python)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        extras = {"bin"} if name == "pagefind" else set()  # pyproject asks for pagefind[bin]
        for text in distribution(name).requires or []:
            requirement = Requirement(text)
            environment = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if requirement.marker is None or any(requirement.marker.evaluate(env) for env in environment):
                todo.append(canonicalize_name(requirement.name))
    return seen


def test_dependencies_are_requirements_top_level_with_the_same_pins() -> None:
    pins = _pins()
    declared = [Requirement(text) for text in _pyproject()["project"]["dependencies"]]
    assert {canonicalize_name(r.name): str(r.specifier) for r in declared} == {
        canonicalize_name(r.name): pins[canonicalize_name(r.name)] for r in declared}
    # requirements.txt holds exactly these and what they need: nothing forgotten in pyproject, nothing stray
    try:
        assert _closure({canonicalize_name(r.name) for r in declared}) == set(pins)
    except PackageNotFoundError as exc:  # pragma: no cover - the .venv is made from requirements-dev.txt
        pytest.fail(f"not installed: {exc}")


def test_build_backend_is_pinned_and_the_console_script_is_the_cli() -> None:
    data = _pyproject()
    assert data["build-system"] == {"requires": ["hatchling==1.33.0"], "build-backend": "hatchling.build"}
    assert data["project"]["scripts"] == {"oko": "oko.cli:console"}
    assert data["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"] == {
        "templates": "oko/theme", ".github/workflows": "oko/init/workflows",
        "requirements.txt": "oko/init/requirements.txt"}


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file()}


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / "python"


@pytest.mark.slow
def test_fresh_venv_installs_the_checkout_and_builds_without_a_templates_folder(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    site_packages = make_venv_with_oko(venv)  # a real install of the checkout (tests/fresh_venv.py)
    python = _venv_python(venv)

    # The engine and its theme are the installed ones, not the checkout's
    probe = "import oko.pipeline as p; print(p.__file__); print(p.DEFAULT_TEMPLATES)"
    where = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=True,
                           cwd=tmp_path).stdout.split("\n")
    assert where[:2] == [str(site_packages / "oko" / "pipeline.py"), str(site_packages / "oko" / "theme")]

    project = tmp_path / "school"
    project.mkdir()
    shutil.copytree(ROOT / "content", project / "content")
    # Without its `cms:` section: the /admin/ forms need `npm ci` in the school's folder (oko/cms.py), not Python.
    config = (ROOT / "site_config.yaml").read_text(encoding="utf-8")
    without_cms = re.sub(r"^cms:.*\n(?:[ #].*\n)*", "", config, count=1, flags=re.MULTILINE)
    assert without_cms != config and "\nresults:" in without_cms
    (project / "site_config.yaml").write_text(without_cms, encoding="utf-8")
    oko = venv / "bin" / "oko"
    built = subprocess.run([str(oko), "build", "--out", str(tmp_path / "out")], cwd=project,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    assert re.search(r"^Сайт собран: .* \(\d+ страниц[аы]?\)", built.stderr, flags=re.MULTILINE), built.stderr
    assert not (project / "templates").exists() and not (project / "site").exists()
    # Byte for byte the site the checkout builds from the same folder: the packaged theme is templates/
    reference = subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "build",
                                "--out", str(tmp_path / "reference")], capture_output=True, text=True, timeout=300)
    assert reference.returncode == 0, reference.stderr
    assert _tree(tmp_path / "out") == _tree(tmp_path / "reference")
    names = set(_tree(tmp_path / "out"))
    assert {"index.html", "pagefind/pagefind.js"} <= names
    assert any(re.fullmatch(r"assets/style\.[0-9a-f]{10}\.css", name) for name in names)  # the theme's assets

    usage = subprocess.run([str(oko), "nonsense"], cwd=project, capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2
    assert usage.stderr.startswith("использование: oko ")
