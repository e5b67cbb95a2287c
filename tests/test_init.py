"""`oko init`: from a fresh venv with Око installed, a new school's site that builds at once, valid HTML, with the
«Сведения» left to fill named (file:line:column, the field's Russian name) by check and by check --report."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from oko.cli import main
from oko.cms import SVELTIA_VERSION
from oko.init import InitError, gather, slug_of
from oko.init.repository import school_workflow
from oko.init.skeleton import current_academic_year, year_name
from oko.sveden_spec import SUBSECTIONS
from tests.conftest import ROOT
from tests.fresh_venv import make_venv_with_oko, venv_script
from tests.test_html_valid import vnu_errors
from tests.test_workflows import check_jsonschema, zizmor_findings

NAME = "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5» г. Энска"
SHORT = "МБОУ СОШ № 5 г. Энска"
INN = "7707083893"  # a valid check digit


@pytest.fixture(scope="module")
def oko(tmp_path_factory: pytest.TempPathFactory) -> Path:
    venv = tmp_path_factory.mktemp("venv") / "venv"
    make_venv_with_oko(venv)
    return venv_script(venv, "oko")


def run(oko: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    # stdin is not a terminal: init must not ask anything
    return subprocess.run([str(oko), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def school(oko: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("init")
    result = run(oko, "init", "school", "--name", NAME, "--short-name", SHORT, "--inn", INN,
                 "--locality", "г. Энск", cwd=base)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"Сайт создан в «school»: {SHORT}, "), result.stderr
    return base / "school"


def school_fields() -> list[tuple[str, str | None, str]]:
    """(file, parent itemprop, itemprop) of every «Сведения» field that concerns a school."""
    return [(s.file, parent, attr.name) for s in SUBSECTIONS for attr in s.attributes if attr.school
            for parent, attr in [(None, attr), *((attr.name, child) for child in attr.children if child.school)]]


@pytest.mark.slow
def test_init_then_build_gives_a_valid_site(oko: Path, school: Path, tmp_path: Path) -> None:
    year = year_name(current_academic_year(dt.date.today()))  # init may read the clock; a build may not
    written = {p.relative_to(school).as_posix() for p in school.rglob("*") if p.is_file()}
    assert {"site_config.yaml", "content/organisations/mbou-sosh-5-g-enska.yaml", "content/pages/index.md",
            f"content/schedules/{year}/schedule.yaml", f"content/plans/mbou-sosh-5-g-enska-{year}.yaml",
            ".github/workflows/site.yml", ".github/workflows/deploy-rsync.yml", "requirements.txt", ".gitignore",
            ".vscode/settings.json", ".vscode/extensions.json"} <= written
    assert {f"content/sveden/{s.file}.yaml" for s in SUBSECTIONS} <= written
    built = run(oko, "build", "--out", str(tmp_path / "site"), cwd=school)
    assert built.returncode == 0, built.stderr
    assert re.search(r"^0 ошибок, \d+ предупреждени", built.stderr, re.MULTILINE), built.stderr
    assert vnu_errors(tmp_path / "site") == []
    common = (tmp_path / "site" / "sveden" / "common" / "index.html").read_text("utf-8")
    assert f'<span itemprop="shortName">{SHORT}</span>' in common
    # Nothing a school has is claimed absent: «отсутствует» stands only for the two places of practice,
    # which concern vocational programmes and which MR v9 (table 3.2.1, items 13–14) shows so when empty.
    absent = re.findall(r'itemprop="(\w+)">отсутствует<', common)
    assert "сведения не заполнены" in common and common.count("отсутствует") == len(absent) == 2
    assert absent == ["addressPlacePrac", "addressPlacePodg"]


@pytest.mark.slow
def test_every_field_left_to_fill_is_a_located_warning(oko: Path, school: Path) -> None:
    result = run(oko, "check", "--format", "json", cwd=school)
    assert result.returncode == 0, result.stderr
    issues = json.loads(result.stdout or result.stderr)["issues"]
    assert {issue["code"] for issue in issues} == {"sveden.missing"}
    filled = {("common", None, "fullName"), ("common", None, "shortName")}
    expected = [field for field in school_fields() if field not in filled]
    assert len(issues) == len(expected)
    for issue in issues:  # each points at its key, in its file
        line = (school / issue["file"]).read_text("utf-8").splitlines()[issue["line"] - 1]
        assert line[issue["column"] - 1:].lstrip("- ").startswith(issue["path"].split(".")[-1].split("[")[0] + ":")
    [reg_date] = [i for i in issues if i["path"] == "regDate"]
    assert (reg_date["file"], reg_date["message"]) == (
        "content/sveden/common.yaml", "не заполнено: «Дата создания» (itemprop «regDate»)")
    assert reg_date["hint"] == "впишите сведения после «regDate:» (дд.мм.гггг); если их нет — «не предусмотрено»"
    lines = (school / "content/sveden/common.yaml").read_text("utf-8").splitlines()
    assert lines[reg_date["line"] - 1] == "regDate:  # Дата создания; дд.мм.гггг" and reg_date["column"] == 1


@pytest.mark.slow
def test_report_lists_the_sveden_fields_left_to_fill(oko: Path, school: Path) -> None:
    result = run(oko, "check", "--report", cwd=school)
    assert result.returncode == 0, result.stderr
    left = [line for line in result.stdout.splitlines() if "сведения не заполнены" in line]
    assert len(left) == len(school_fields()) - 2
    assert "  ! Дата создания (regDate): сведения не заполнены — content/sveden/common.yaml:8:1" in left
    assert any(re.fullmatch(r"  ! Наименование учредителя \(nameUchred\) в uchredLaw: сведения не заполнены — "
                            r"content/sveden/common\.yaml:\d+:5", line) for line in left)
    assert "✗" not in result.stdout  # nothing is wrong, only left to fill


@pytest.mark.slow
def test_installed_oko_without_sveltia_builds_without_admin_and_says_so(oko: Path, school: Path,
                                                                         tmp_path: Path) -> None:
    config = school / "site_config.yaml"
    text = config.read_text("utf-8")
    try:
        config.write_text(text + 'cms:\n  repo: "school5/site"\n', encoding="utf-8")
        built = run(oko, "build", "--out", str(tmp_path / "site"), cwd=school)
    finally:
        config.write_text(text, encoding="utf-8")
    assert built.returncode == 0, built.stderr
    assert ("site_config.yaml: предупреждение: формы /admin/ не собраны: нет Sveltia CMS "
            "(node_modules/@sveltia/cms/npm/index.js); остальной сайт собран") in built.stderr
    assert f"`npm install --no-save @sveltia/cms@{SVELTIA_VERSION}`" in built.stderr
    assert not (tmp_path / "site" / "admin").exists() and (tmp_path / "site" / "index.html").is_file()


def test_sveltia_version_is_the_one_package_json_pins() -> None:
    assert json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]["@sveltia/cms"] == SVELTIA_VERSION


@pytest.mark.slow
def test_init_refuses_a_folder_that_is_not_empty(oko: Path, tmp_path: Path) -> None:
    folder = tmp_path / "busy"
    folder.mkdir()
    (folder / "notes.txt").write_text("моё", encoding="utf-8")
    result = run(oko, "init", "busy", "--name", NAME, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, (
        "ошибка: папка «busy» не пуста (в ней: notes.txt): новый сайт создаётся только в новой или пустой папке, "
        "чтобы не затереть ничьи файлы\n"))
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
    nameless = run(oko, "init", "new", cwd=tmp_path)  # no terminal to ask in, no --name
    assert nameless.returncode == 2 and not (tmp_path / "new").exists()
    assert nameless.stderr == ("ошибка: не указано наименование организации: добавьте --name \"…\" и "
                               "--short-name \"…\" (в терминале Око спросит само)\n")


def test_init_refuses_a_wrong_inn_and_takes_a_just_cloned_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """In process (the installed command is the same code): each `oko` start costs seconds on a busy machine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal
    assert main(["init", "new", "--name", NAME, "--inn", "7707083894"], prog="oko") == 2
    assert capsys.readouterr().err == "ошибка: --inn: ИНН «7707083894»: неверная контрольная цифра — проверьте цифры\n"
    assert not (tmp_path / "new").exists()
    (tmp_path / "cloned" / ".git").mkdir(parents=True)  # an empty repository just cloned is an empty folder
    assert main(["init", "cloned", "--name", NAME, "--year", "2026-2027", "--oko-source", "oko @ git+https://"
                 "github.com/owner/oko@v0.1.0"], prog="oko") == 0
    assert (tmp_path / "cloned" / "content" / "schedules" / "2026-2027" / "schedule.yaml").is_file()
    assert (tmp_path / "cloned" / "requirements.txt").read_text("utf-8").split("\n")[1] == (
        "oko @ git+https://github.com/owner/oko@v0.1.0")
    assert "предупреждение" not in capsys.readouterr().err  # the source is given: nothing to add by hand


def test_the_academic_year_starts_in_september() -> None:
    assert year_name(current_academic_year(dt.date(2026, 8, 31))) == "2025-2026"
    assert year_name(current_academic_year(dt.date(2026, 9, 1))) == "2026-2027"
    assert year_name(current_academic_year(dt.date(2027, 1, 15))) == "2026-2027"


def test_prompts_ask_only_for_what_the_flags_do_not_say() -> None:
    args = argparse.Namespace(name=None, short_name="СОШ № 1", inn=None, locality=None, kind="school", slug=None)
    answers = iter(["Средняя школа № 1", "", "с. Луговое"])
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    school = gather(args, interactive=True, ask=ask)
    assert asked == ["Полное наименование организации: ", "ИНН организации (Enter — пропустить): ",
                     "Населённый пункт (Enter — пропустить): "]
    assert (school.name, school.short_name, school.inn, school.locality, school.slug) == (
        "Средняя школа № 1", "СОШ № 1", None, "с. Луговое", "sosh-1")
    with pytest.raises(InitError):
        gather(argparse.Namespace(**{**vars(args), "short_name": None}), interactive=False)


def test_slugs_are_latin() -> None:
    assert slug_of("МБОУ СОШ № 17 г. Заречного") == "mbou-sosh-17-g-zarechnogo"
    assert slug_of("Лицей «Вектор»") == "litsei-vektor"
    assert slug_of("№") == "school"


@pytest.mark.slow
def test_the_school_workflows_are_this_repositorys_fitted_and_still_safe(school: Path) -> None:
    workflows = sorted((school / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in workflows] == sorted(p.name for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    for path in workflows:
        text = path.read_text("utf-8")
        assert "build.py" not in text and "npm" not in text and "node" not in text.lower(), path.name
        assert text == school_workflow((ROOT / ".github" / "workflows" / path.name).read_text("utf-8"))
    site = yaml.safe_load((school / ".github" / "workflows" / "site.yml").read_text("utf-8"))
    runs = [step.get("run", "") for step in site["jobs"]["check"]["steps"]]
    assert "oko check --format github" in runs and "oko build" in runs
    assert check_jsonschema("vendor.github-workflows", workflows).returncode == 0
    assert zizmor_findings(school / ".github" / "workflows") == (0, [])
    requirements = (school / "requirements.txt").read_text("utf-8")
    pins = [line for line in (ROOT / "requirements.txt").read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    assert [line for line in requirements.splitlines() if line and not line.startswith("#")] == pins


@pytest.mark.slow
def test_editor_settings_point_at_the_written_schemas(school: Path) -> None:
    settings = json.loads((school / ".vscode" / "settings.json").read_text("utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (school / schema).is_file(), schema
        assert globs and all(g.startswith(("content/", "site_config.yaml", "!content/")) for g in globs)
    assert settings["yaml.schemas"]["./schemas/sveden-common.schema.json"] == ["content/sveden/common.yaml"]
    extensions = json.loads((school / ".vscode" / "extensions.json").read_text("utf-8"))
    assert extensions == {"recommendations": ["redhat.vscode-yaml"]}
    for path in [school / "site_config.yaml", *(school / "content").rglob("*.yaml")]:
        # No file names its schema (a form save would drop the line): the settings alone map them.
        assert not path.read_text("utf-8").startswith("# yaml-language-server:"), path
        relative = path.relative_to(school)
        assert any(relative.match(glob) for globs in settings["yaml.schemas"].values() for glob in globs), path


def test_the_handbook_tells_how_to_start() -> None:
    nav = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert '  - "Как начать": start.md\n' in nav and '  - "Перенос из Word": word.md\n' in nav
    start = (ROOT / "docs" / "handbook" / "start.md").read_text("utf-8")
    assert "oko init" in start and "Fork" in start and "GitHub Pages" in start and "rsync" in start
    assert re.findall(r"@sveltia/cms@([\d.]+)", start) == [SVELTIA_VERSION] * 2  # the version Око pins
    for secret in re.findall(r"^\s+(DEPLOY_\w+): \$\{\{", (ROOT / ".github/workflows/deploy-rsync.yml").read_text(
            "utf-8"), re.MULTILINE):
        assert f"`{secret}`" in start, secret
