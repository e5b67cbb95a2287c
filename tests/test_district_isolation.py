"""Isolation: a school whose content has errors fails alone; the others are published, its previous pages stay.

A copy of the district demo with two schools is built, then built again with one school broken (and the
other changed), then built once more into a fresh folder where the broken school has no previous pages.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "examples" / "district"
EXIT_PARTIAL = 3
BROKEN_PLAN = "schools/sosh-2/content/plans/kozulka-sosh-2-2026-2027.yaml"


def build(project: Path, out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "build", "--out",
                           str(out), *args], capture_output=True, text=True, timeout=900)


def two_schools(target: Path) -> Path:
    """The demo district with sosh-1 and sosh-2 only (a smaller, faster copy)."""
    shutil.copytree(DEMO, target, ignore=shutil.ignore_patterns("site", ".site.*", "novoaleksandrovka"))
    config = target / "site_config.yaml"
    config.write_text(config.read_text("utf-8").replace("    - folder: schools/novoaleksandrovka\n", ""), "utf-8")
    index = target / "content" / "pages" / "index.md"
    index.write_text(index.read_text("utf-8").replace("- [МБОУ Новоалександровская СОШ](school:novoaleksandrovka)\n",
                                                      ""), "utf-8")
    return target


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@dataclass
class Runs:
    project: Path
    out: Path
    first: dict[str, bytes]
    partial: subprocess.CompletedProcess[str]
    fresh_out: Path
    fresh: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    base = tmp_path_factory.mktemp("isolation")
    project = two_schools(base / "project")
    out = base / "site"
    done = build(project, out)
    assert done.returncode == 0, done.stderr
    first = tree(out)
    plan = project / BROKEN_PLAN
    plan.write_text(plan.read_text("utf-8").replace("status: done", "status: finished"), "utf-8")
    other = project / "schools" / "sosh-1" / "content" / "plans" / "kozulka-sosh-1-2026-2027.yaml"
    title = "на 2026-2027 учебный год\n"  # the plan's title ends its first line
    text = other.read_text("utf-8")
    assert text.startswith("title: ") and title in text.splitlines(keepends=True)[0]
    other.write_text(text.replace(title, title.replace("\n", " (ред. 2)\n"), 1), "utf-8")
    partial = build(project, out)
    fresh_out = base / "fresh"
    fresh = build(project, fresh_out, "--jobs", "1")
    return Runs(project, out, first, partial, fresh_out, fresh)


def test_a_broken_school_gives_the_partial_exit_code_and_its_errors_prefixed_by_its_folder(runs: Runs) -> None:
    assert runs.partial.returncode == EXIT_PARTIAL, runs.partial.stderr
    line, column = next((number, text.index("finished") + 1) for number, text
                        in enumerate((runs.project / BROKEN_PLAN).read_text("utf-8").splitlines(), 1)
                        if "status: finished" in text)
    errors = [row for row in runs.partial.stderr.splitlines() if ": ошибка: " in row]
    assert len(errors) == 1 and errors[0].startswith(f"{BROKEN_PLAN}:{line}:{column}: ошибка: "), errors
    assert "Школа schools/sosh-2 (/sosh-2/): 1 ошибка — сайт школы не обновлён, опубликована прежняя версия её " \
           "страниц." in runs.partial.stderr
    assert "Сайт района собран:" in runs.partial.stderr and "(школ обновлено: 1 из 2)" in runs.partial.stderr


def test_the_broken_schools_previous_pages_stay_published_and_the_others_are_updated(runs: Runs) -> None:
    now = tree(runs.out)
    kept = {path: data for path, data in runs.first.items() if path.startswith("sosh-2/")}
    assert kept and {path: now.get(path) for path in kept} == kept  # byte for byte, nothing added or lost
    assert {path for path in now if path.startswith("sosh-2/")} == set(kept)
    plan = "sosh-1/plans/kozulka-sosh-1-2026-2027/index.html"
    assert "(ред. 2)" in now[plan].decode("utf-8") and "(ред. 2)" not in runs.first[plan].decode("utf-8")
    monitoring = now["district/index.html"].decode("utf-8")
    assert ('<a href="../sosh-2/">МБОУ Козульская СОШ № 2</a> <span class="district-note">(не обновлён: ошибки в '
            'содержимом, опубликована прежняя версия)</span>') in monitoring


def test_without_previous_pages_the_broken_school_is_absent_and_its_row_says_so(runs: Runs) -> None:
    assert runs.fresh.returncode == EXIT_PARTIAL, runs.fresh.stderr
    assert "её страниц на сайте нет (прежней версии не было)" in runs.fresh.stderr
    assert not (runs.fresh_out / "sosh-2").exists() and (runs.fresh_out / "sosh-1" / "index.html").is_file()
    monitoring = (runs.fresh_out / "district" / "index.html").read_text("utf-8")
    assert "sosh-2 <span class=\"district-note\">(не опубликован: ошибки в содержимом)</span>" in monitoring
    assert 'href="../sosh-2/' not in monitoring  # no link to pages that do not exist


def test_when_every_school_fails_nothing_is_written(tmp_path: Path) -> None:
    project = two_schools(tmp_path / "project")
    for school in ("sosh-1", "sosh-2"):
        (project / "schools" / school / "content" / "organisations" / "broken.yaml").write_text("name: [\n", "utf-8")
    out = tmp_path / "site"
    done = build(project, out)
    assert done.returncode == 1
    assert "Ни одна школа не собрана. Сайт района не собран, прежняя версия не тронута." in done.stderr
    assert "schools/sosh-1/content/organisations/broken.yaml:" in done.stderr
    assert "schools/sosh-2/content/organisations/broken.yaml:" in done.stderr
    assert not out.exists()


def test_an_unknown_key_in_the_district_config_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    project = two_schools(tmp_path / "project")
    config = project / "site_config.yaml"
    entry = "    - folder: schools/sosh-2\n"
    config.write_text(config.read_text("utf-8").replace(entry, entry + "      slog: sosh-two\n"), "utf-8")
    done = build(project, tmp_path / "site")
    assert done.returncode == 1
    line = config.read_text("utf-8").splitlines().index("      slog: sosh-two") + 1
    assert f"site_config.yaml:{line}:7: ошибка: district.schools[1].slog: неизвестный ключ «slog»" in done.stderr
    assert "подсказка: возможно, вы имели в виду «slug»" in done.stderr
    assert "Сайт района не собран, прежняя версия не тронута." in done.stderr


def test_a_missing_school_folder_is_an_error_at_its_line(tmp_path: Path) -> None:
    project = two_schools(tmp_path / "project")
    shutil.rmtree(project / "schools" / "sosh-2")
    done = build(project, tmp_path / "site")
    assert done.returncode == 1
    line = (project / "site_config.yaml").read_text("utf-8").splitlines().index("    - folder: schools/sosh-2") + 1
    assert f"site_config.yaml:{line}:15: ошибка: district.schools[1].folder: папки школы «schools/sosh-2» нет" \
           in done.stderr, done.stderr


def test_a_school_folder_that_is_a_symlink_out_of_the_project_is_refused(tmp_path: Path) -> None:
    """Content is semi-trusted: a pull request must not make the district publish a folder from elsewhere."""
    project = two_schools(tmp_path / "project")
    outside = tmp_path / "outside"
    (project / "schools" / "sosh-2").rename(outside)
    (project / "schools" / "sosh-2").symlink_to(outside, target_is_directory=True)
    done = build(project, tmp_path / "site")
    assert done.returncode == 1, done.stderr
    errors = [row for row in done.stderr.splitlines() if ": ошибка: " in row]
    assert errors == ["site_config.yaml:9:15: ошибка: district.schools[1].folder: «schools/sosh-2»: «sosh-2» — "
                      "символическая ссылка; папка школы должна лежать в проекте района"], done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "site").exists()
