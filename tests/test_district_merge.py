"""The CI matrix's way (one `build --school` per school, then `merge`) gives the one-run build's bytes.

The one run builds the schools in a process pool; the matrix way builds each school in its own process,
serially, and merges their folders with the district's pages. Byte-equal trees prove the merge step and
the build's determinism at once: every school and every district page was built twice, independently.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "district"
SCHOOLS = ("sosh-1", "sosh-2", "novoaleksandrovka")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(DEMO), *args],
                          capture_output=True, text=True, timeout=900)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Built:
    one_run: Path
    schools: Path
    merged: Path
    merge: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    base = tmp_path_factory.mktemp("merge")
    one_run = base / "one-run"
    done = cli("build", "--out", str(one_run), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    schools = base / "artifacts"
    for school in SCHOOLS:  # as the matrix's jobs: each its own process, its own output folder
        done = cli("build", "--school", f"schools/{school}", "--out", str(schools / f"school-{school}"))
        assert done.returncode == 0, done.stderr
        assert f"Сайт школы собран: {schools / f'school-{school}'}/" in done.stderr
    merged = base / "merged"
    merge = cli("merge", str(schools), "--out", str(merged))
    return Built(one_run, schools, merged, merge)


def test_merging_per_school_outputs_equals_the_one_run_build_byte_for_byte(built: Built) -> None:
    assert built.merge.returncode == 0, built.merge.stderr
    one_run, merged = tree(built.one_run), tree(built.merged)
    assert sorted(one_run) == sorted(merged)
    differing = [path for path in one_run if one_run[path] != merged[path]]
    assert differing == []
    assert len(one_run) > 300  # three schools' sites, their search indexes, the district's pages


def test_a_schools_own_output_is_a_whole_site_for_its_own_domain(built: Built) -> None:
    own = built.schools / "school-sosh-1"
    assert (own / ".oko-site").is_file()  # Око's own folder: the next build may replace it
    assert (own / "index.html").is_file() and (own / "sveden" / "common" / "index.html").is_file()
    assert (own / "pagefind" / "pagefind.js").is_file() and not (own / "district").exists()
    home = (own / "index.html").read_text("utf-8")
    assert 'href="assets/' in home and 'href="/' not in home  # relative links: it works at any domain's root
    files = {p.relative_to(own).as_posix() for p in own.rglob("*") if p.is_file()} - {".oko-site"}
    assert {p.relative_to(built.one_run / "sosh-1").as_posix() for p in (built.one_run / "sosh-1").rglob("*")
            if p.is_file()} == files


def test_merge_names_a_school_without_output_and_exits_partial(tmp_path: Path, built: Built) -> None:
    done = cli("merge", str(built.schools / "school-sosh-1"), str(built.schools / "school-sosh-2"),
               "--out", str(tmp_path / "site"))
    assert done.returncode == 3, done.stderr
    assert "schools/novoaleksandrovka: ошибка: нет собранного сайта этой школы среди папок merge\n" in done.stderr
    assert "подсказка: соберите его: build --school schools/novoaleksandrovka --out ПАПКА" in done.stderr
    assert not (tmp_path / "site" / "novoaleksandrovka").exists() and (tmp_path / "site" / "sosh-2").is_dir()


EXAMPLE_WORKFLOW = ROOT / "docs" / "examples" / "district-site.yml"


def test_the_example_matrix_workflow_is_valid_pinned_and_lists_the_demos_schools() -> None:
    from tests.test_workflows import PINNED, USES_LINE, VERSION_COMMENT, assert_thin, check_jsonschema, load, steps

    result = check_jsonschema("vendor.github-workflows", [EXAMPLE_WORKFLOW])
    assert result.returncode == 0, result.stdout + result.stderr
    workflow = load(EXAMPLE_WORKFLOW)
    matrix = workflow["jobs"]["school"]["strategy"]["matrix"]["include"]
    assert [entry["folder"] for entry in matrix] == [f"schools/{school}" for school in SCHOOLS]
    for line in EXAMPLE_WORKFLOW.read_text("utf-8").splitlines():
        if (match := USES_LINE.match(line)) is not None:
            assert PINNED.match(match["action"]) and VERSION_COMMENT.match(match["comment"] or ""), line
    for job, step in steps(workflow):
        if "run" in step:
            assert_thin(f"{job}: {step.get('name')}", step["run"])
    assert workflow["jobs"]["merge"]["if"] == "${{ !cancelled() }}"
