"""Every writer of the project writes content in the forms' layout (issue 13): what import-schedule,
import-plan, import-results, init and schemas write passes `build.py fmt --check`, in a file a form holds."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest

from oko.cms import cms_config
from oko.fmt import layout_for
from oko.import_plan import import_plan, plan_yaml
from oko.importer import import_schedule, procedures_yaml
from oko.pipeline import load_project
from oko.results.command import results_yaml
from oko.results.model import ProcedureResults
from oko.sveden_spec import SUBSECTIONS
from tests.fixtures_docx import build_seed_docx
from tests.test_results_template import FULL

ROOT = Path(__file__).resolve().parent.parent
SCHEDULE_CSV = ("Дата;Класс;Предмет;Вид работы\n"
                "с 11 по 15 апреля 2026 г.;5-9;Математика;ВПР\n"
                "14.10.2025;5–7, 9;Русский язык, Литература;комплексная работа\n")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A copy of the demo with one file from each importer put where the school would put it."""
    project = tmp_path_factory.mktemp("writers") / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "site_config.yaml", project / "site_config.yaml")
    table = project / "vpr.csv"
    table.write_text(SCHEDULE_CSV, encoding="utf-8")
    procedures, issues = import_schedule(table)
    assert issues == []
    plan, issues = import_plan(build_seed_docx("sosnovoborsk-ko-2020-2021", project), "sosnovoborsk-ko")
    assert plan is not None, issues
    texts = {"content/schedules/2025-2026/imported.yaml": procedures_yaml(procedures, table.name),
             "content/plans/imported-2020-2021.yaml": plan_yaml(plan, "plan.docx"),
             "content/results/2025-2026/imported.yaml": results_yaml(ProcedureResults.model_validate(FULL), "r.xlsx")}
    for relative, text in texts.items():
        (project / relative).write_text(text, encoding="utf-8")
    return project, texts


def test_the_importers_write_files_a_form_holds_in_its_layout(written):
    project, texts = written
    loaded, _ = load_project(project)
    config = cms_config(loaded)
    for relative in texts:  # fmt --check passes a file no form holds: here each has a form
        assert layout_for(config, PurePosixPath(relative)) is not None, relative
    done = run("--project", str(project), "fmt", "--check", *texts)
    assert (done.returncode, done.stdout) == (0, ""), done.stdout + done.stderr
    assert done.stderr == "fmt --check: все 3 файла в том виде, в котором их пишут формы\n"
    assert all("#" not in text.split("\n", 1)[0] for text in texts.values())  # no comment for a save to drop


def test_schemas_removes_the_old_line_and_leaves_the_file_in_the_forms_layout(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "site_config.yaml", project / "site_config.yaml")
    organisation = project / "content/organisations/demo-school.yaml"
    canonical = organisation.read_text("utf-8")
    organisation.write_text("# yaml-language-server: $schema=../../schemas/organisation.schema.json\n" + canonical,
                            encoding="utf-8")
    assert run("--project", str(project), "schemas").returncode == 0
    assert organisation.read_text("utf-8") == canonical
    done = run("--project", str(project), "fmt", "--check", "content/organisations")
    assert done.returncode == 0, done.stdout


@pytest.mark.slow
def test_init_writes_every_file_in_the_forms_layout_but_the_sveden_checklists(tmp_path):
    """The «Сведения» files of a new site are a checklist (every attribute an empty key with its label as a
    comment, each named by check at its line): fmt and a form save turn them into the forms' layout; the rest
    of a new site is in it already."""
    done = run("init", "new", "--name", "Муниципальное бюджетное общеобразовательное учреждение «Школа № 5»",
               "--short-name", "МБОУ Школа № 5", "--slug", "school-5", "--year", "2026-2027", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    checked = run("--project", str(tmp_path / "new"), "fmt", "--check")
    listed = sorted(line.split(":", 1)[0] for line in checked.stdout.splitlines() if "записан не так" in line)
    assert listed == sorted(f"content/sveden/{s.file}.yaml" for s in SUBSECTIONS)
    assert checked.returncode == 1
