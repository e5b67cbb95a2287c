"""Bad input → exact Russian messages at exact file:line:column, for every kind of mistake people make.

Each test builds a small valid project in tmp_path, spoils one thing, runs the pipeline and checks the
Issue: file, 1-based line and column of the offending key or value, message, and (where it helps) hint.
Positions are double-checked against the text: `at` is what must stand at line:column in the file.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from oko.errors import Issue
from oko.pipeline import generate

BUILD_PY = Path(__file__).resolve().parent.parent / "build.py"

CONFIG = 'title: "Сайт школы"\norganisation: demo-school\n'
ORGANISATION = 'name: "Средняя школа № 1"\nshort_name: "СОШ № 1"\nkind: school\n'
INDEX = '---\ntitle: "Главная"\n---\nТекст главной страницы.\n'
# Line numbers of PLAN, for reading the expectations below:
#  1 title / 2 organisation / 3 academic_year / 4 approval / 5 order / 6 number / 7 date / 8 items
#  9 - activity / 10 deadline / 11 responsible / 12 - position: "Директор" / 13 status
PLAN = """\
title: "План мероприятий"
organisation: demo-school
academic_year: "2025-2026"
approval:
  order:
    number: "1"
    date: "29.08.2025"
items:
  - activity: "Совещание"
    deadline: "10.02.2026"
    responsible:
      - position: "Директор"
    status: planned
"""
PLAN_FILE = "content/plans/x.yaml"
ORG_FILE = "content/organisations/demo-school.yaml"
INDEX_FILE = "content/pages/index.md"

Files = dict[str, str | bytes | None]


def write_project(root: Path, overrides: Files | None = None) -> Path:
    """A minimal valid project, then `overrides` (text, bytes, or None to delete a file)."""
    files: Files = {
        "site_config.yaml": CONFIG,
        ORG_FILE: ORGANISATION,
        INDEX_FILE: INDEX,
        PLAN_FILE: PLAN,
    }
    files.update(overrides or {})
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Callable[[Files], list[Issue]]:
    """Build the project with overrides and return the issues of a full `generate` run."""

    def run(overrides: Files) -> list[Issue]:
        return generate(write_project(tmp_path, overrides)).issues

    return run


def plan(old: str, new: str) -> Files:
    """The plan with one piece of text replaced (the old text must be there)."""
    assert old in PLAN
    return {PLAN_FILE: PLAN.replace(old, new)}


def the_issue(issues: list[Issue], file: str, level: str = "error") -> Issue:
    """The single issue of `level` in `file` (failing with the full list otherwise)."""
    found = [issue for issue in issues if issue.file == file and issue.level == level]
    assert len(found) == 1, issues
    return found[0]


def check(issue: Issue, line: int | None, column: int | None, message: str, at: str | None = None,
          hint: str | None = None, path: str | None = None) -> None:
    assert (issue.line, issue.column) == (line, column), issue
    assert issue.message == message, issue
    if at is not None:
        assert issue.snippet[column - 1:].startswith(at), f"{issue.snippet!r} at column {column}"
    if hint is not None:
        assert issue.hint == hint, issue
    if path is not None:
        assert issue.path == path, issue


def test_valid_minimal_project_has_no_issues(project):
    assert project({}) == []


# ------------------------------------------------------------------ one plan file, one mistake

PLAN_CASES = [
    pytest.param(
        plan('activity: "Совещание"', "activity: Совещание: итоги"),
        9, 24, "двоеточие в неожиданном месте", ": итоги",
        "если текст содержит «: », заключите всё значение в кавычки", "",
        id="yaml-syntax-colon-in-value",
    ),
    pytest.param(
        plan('    status: planned', '\tstatus: planned'),
        13, 1, "символ табуляции в отступе", "\tstatus", "в YAML отступы делаются только пробелами", "",
        id="tab-indentation",
    ),
    pytest.param(
        plan('    status: planned', '    status: planned\n    status: done'),
        14, 5, "ключ «status» повторяется (первый раз — в строке 13)", "status: done",
        "оставьте один из двух ключей", "items[0].status",
        id="duplicate-key",
    ),
    pytest.param(
        plan("    responsible:", "    responsibe:"),
        11, 5, "неизвестный ключ «responsibe»", "responsibe:", "возможно, вы имели в виду «responsible»",
        "items[0].responsibe",
        id="unknown-key-did-you-mean",
    ),
    pytest.param(
        plan('  - activity: "Совещание"\n    deadline:', "  - deadline:"),
        9, 5, "нет обязательного поля «activity» (мероприятие)", 'deadline: "10.02.2026"', None,
        "items[0].activity",
        id="missing-required-field",
    ),
    pytest.param(
        plan('title: "План мероприятий"', 'title:\n  - "План мероприятий"'),
        2, 3, "ожидался текст, а указан список", '- "План', None, "title",
        id="list-where-text-expected",
    ),
    pytest.param(
        plan('    responsible:\n      - position: "Директор"', '    responsible: "Директор"'),
        11, 18, "ожидался список, а указан текст", '"Директор"', None, "items[0].responsible",
        id="text-where-list-expected",
    ),
    pytest.param(
        plan('"29.08.2025"', '"2025-13-40"'),
        7, 11, "такой даты нет: «2025-13-40» — в году 12 месяцев, а указан 13-й", '"2025-13-40"', None,
        "approval.order.date",
        id="impossible-date-month-13",
    ),
    pytest.param(
        plan('"29.08.2025"', '"30.02.2025"'),
        7, 11, "такой даты нет: «30.02.2025» — в феврале 2025 года нет 30-го числа", '"30.02.2025"', None,
        "approval.order.date",
        id="impossible-date-feb-30",
    ),
    pytest.param(
        plan('"10.02.2026"', '"30.02.2026"'),
        10, 15, "«30.02.2026»: такой даты нет в календаре: 30 февраля 2026 г.", '"30.02.2026"', None,
        "items[0].deadline",
        id="deadline-feb-30",
    ),
    pytest.param(
        plan('"10.02.2026"', '"10.13.2026"'),
        10, 15, "такой даты нет: «10.13.2026» — в году 12 месяцев, а указан 13-й", '"10.13.2026"', None,
        "items[0].deadline",
        id="deadline-month-13",
    ),
    pytest.param(
        plan("status: planned", "status: don"),
        13, 13, "недопустимое значение «don»: допустимы planned (запланировано), in_progress (выполняется), "
                "done (выполнено)", "don",
        "возможно, вы имели в виду «done»", "items[0].status",
        id="bad-enum-did-you-mean",
    ),
    pytest.param(
        {PLAN_FILE: ""},
        1, 1, "файл пуст", None, "заполните файл по образцу из README", "",
        id="empty-file",
    ),
    pytest.param(
        {PLAN_FILE: "# только комментарий\n\n"},
        1, 1, "файл пуст", None, None, "",
        id="comments-only-file",
    ),
    pytest.param(
        {PLAN_FILE: PLAN.encode("cp1251")},  # «title: "» is 8 bytes, then «П» in cp1251
        1, 9, "файл не в кодировке UTF-8", None,
        "сохраните файл в кодировке UTF-8 (в Блокноте: «Сохранить как» → UTF-8)", "",
        id="non-utf8-cp1251",
    ),
    pytest.param(
        plan("organisation: demo-school", "organisation: demo-scool"),
        2, 15, "организация «demo-scool» не найдена в content/organisations", "demo-scool",
        "возможно, вы имели в виду «demo-school»", "organisation",
        id="unknown-organisation-did-you-mean",
    ),
    pytest.param(
        plan('    status: planned', '    status: planned\n    evidence:\n      - title: "Протокол"\n'
             '        link: files/protocol.pdf'),
        16, 15, "ссылка «files/protocol.pdf» никуда не ведёт: такого файла или страницы нет", "files/protocol.pdf",
        None, "items[0].evidence[0].link",
        id="broken-evidence-link",
    ),
    pytest.param(
        plan('"2025-2026"', '"2023-2025"'),
        3, 16, "учебный год «2023-2025» должен охватывать два соседних года, например 2023-2024", '"2023-2025"',
        None, "academic_year",
        id="academic-year-not-adjacent",
    ),
    pytest.param(
        plan('"2025-2026"', '"двадцать пятый"'),
        3, 16, "«двадцать пятый» не похоже на учебный год: ожидается, например, 2023-2024", '"двадцать',
        None, "academic_year",
        id="academic-year-not-a-year",
    ),
    pytest.param(
        plan('academic_year: "2025-2026"', 'academic_year: "2025-2026"\nperiod:\n  start: "01.09.2025"\n'
             '  end: "31.05.2026"'),
        1, 1, "укажите либо academic_year (учебный год), либо period (начало и окончание)", "title", None, "",
        id="both-academic-year-and-period",
    ),
    pytest.param(
        plan('academic_year: "2025-2026"', 'period:\n  start: "01.09.2025"\n  end: "01.01.2025"'),
        4, 3, "окончание периода раньше его начала", "start:", None, "period",
        id="period-ends-before-start",
    ),
    pytest.param(
        plan('title: "План мероприятий"', "title: !!binary aGVsbG8="),
        1, 8, "неподдерживаемый тег YAML «tag:yaml.org,2002:binary»", "!!binary",
        "уберите тег, начинающийся с «!»", "title",
        id="unsupported-yaml-tag",
    ),
    pytest.param(
        {PLAN_FILE: PLAN + "---\ntitle: второй\n"},
        1, 1, "в файле несколько YAML-документов (строки «---»)", None, "оставьте один документ", "",
        id="two-yaml-documents",
    ),
    pytest.param(
        {PLAN_FILE: "- первый\n- второй\n"},
        1, 1, "файл должен состоять из полей «ключ: значение»", "- первый", None, "",
        id="list-instead-of-mapping",
    ),
]


@pytest.mark.parametrize(("overrides", "line", "column", "message", "at", "hint", "path"), PLAN_CASES)
def test_plan_error(project, overrides, line, column, message, at, hint, path):
    issue = the_issue(project(overrides), PLAN_FILE)
    check(issue, line, column, message, at=at, hint=hint, path=path)
    file_line = overrides[PLAN_FILE]
    if isinstance(file_line, str) and line <= len(file_line.splitlines()):
        assert issue.snippet == file_line.splitlines()[line - 1]


def test_unclosed_quote(project):
    issue = the_issue(project(plan("status: planned", 'status: "planned')), PLAN_FILE)
    assert issue.message == "файл закончился раньше, чем закрылась кавычка или скобка"
    assert issue.hint == "проверьте парные кавычки и скобки"


def test_bad_escape_in_double_quotes(project):
    issue = the_issue(project(plan("status: planned", 'status: "pl\\qed"')), PLAN_FILE)
    check(issue, 13, 17, "недопустимая последовательность с «\\» в тексте в двойных кавычках", at="qed",
          hint="используйте одинарные кавычки или удвойте обратную косую черту")


def test_undefined_alias(project):
    issue = the_issue(project(plan("status: planned", "status: *ref")), PLAN_FILE)
    check(issue, 13, 13, "ссылка «*…» на неизвестную метку", at="*ref", hint="уберите «*» или объявите метку «&…»")


def test_unclosed_quote_points_at_the_quote(project):
    issue = the_issue(project(plan("status: planned", 'status: "planned')), PLAN_FILE)
    check(issue, 13, 13, "файл закончился раньше, чем закрылась кавычка или скобка", at='"planned')


@pytest.mark.parametrize(
    ("value", "message"),
    [
        # PyYAML says «found character '@' that cannot start any token»: the needle lacks the «'@' ».
        ("@planned", "символ, с которого не может начинаться значение"),
        ("`planned`", "символ, с которого не может начинаться значение"),
        # «expected ',' or ']', but got '<stream end>'»: the needle is «found '<stream end>'».
        ("[planned", "файл закончился раньше, чем закрылась кавычка или скобка"),
        ("{a: 1", "файл закончился раньше, чем закрылась кавычка или скобка"),
    ],
    ids=["at-sign", "backtick", "unclosed-bracket", "unclosed-brace"],
)
def test_yaml_syntax_message_is_translated(project, value, message):
    issue = the_issue(project(plan("status: planned", f"status: {value}")), PLAN_FILE)
    assert issue.message == message, issue


@pytest.mark.parametrize(
    "value", ["& planned", "|x", "[,]"], ids=["anchor-without-name", "bad-block-indicator", "empty-flow-entry"]
)
def test_yaml_syntax_message_has_no_english(project, value):
    issue = the_issue(project(plan("status: planned", f"status: {value}")), PLAN_FILE)
    assert re.search(r"[A-Za-z]{3,}", issue.message.replace("YAML", "")) is None, issue


# ------------------------------------------------------------------ other files

def test_missing_required_field_in_organisation(project):
    issues = project({ORG_FILE: 'name: "Средняя школа № 1"\nkind: school\n'})
    issue = the_issue(issues, ORG_FILE)
    check(issue, 1, 1, "нет обязательного поля «short_name» (сокращённое наименование)", at="name:",
          path="short_name")
    assert issue.hint.startswith("добавьте строку «short_name: …»")


def test_bad_enum_in_organisation(project):
    issue = the_issue(project({ORG_FILE: ORGANISATION.replace("kind: school", "kind: scool")}), ORG_FILE)
    check(issue, 3, 7, "недопустимое значение «scool»: допустимы school (общеобразовательная организация), "
          "education_office (муниципальный орган управления образованием), "
          "administration (администрация муниципального образования), committee (комитет образования)",
          at="scool", hint="возможно, вы имели в виду «school»", path="kind")


def test_bad_base_url_in_site_config(project):
    issue = the_issue(project({"site_config.yaml": CONFIG + 'base_url: "school.ru"\n'}), "site_config.yaml")
    check(issue, 3, 11, "значение «school.ru» не подходит по форме", at='"school.ru"',
          hint="нужен адрес, начинающийся с https:// и заканчивающийся «/»", path="base_url")


def test_unknown_site_owner(project):
    issue = the_issue(project({"site_config.yaml": CONFIG.replace("demo-school", "demo-shcool")}), "site_config.yaml")
    check(issue, 2, 15, "организация «demo-shcool» не найдена в content/organisations", at="demo-shcool",
          hint="возможно, вы имели в виду «demo-school»", path="organisation")


def test_missing_site_config(project):
    issue = the_issue(project({"site_config.yaml": None}), "site_config.yaml")
    check(issue, None, None, "нет файла настроек сайта site_config.yaml")


def test_no_index_page(project):
    issue = the_issue(project({INDEX_FILE: None}), INDEX_FILE)
    check(issue, None, None, "нет главной страницы сайта")


@pytest.mark.parametrize(
    ("name", "suffix"),
    [("о-школе", ".md"), ("About", ".md"), ("Plan-2025", ".yaml"), ("plan_2025", ".yaml")],
    ids=["cyrillic", "uppercase-page", "uppercase-plan", "underscore"],
)
def test_bad_file_name(project, name, suffix):
    folder = "pages" if suffix == ".md" else "plans"
    file = f"content/{folder}/{name}{suffix}"
    issue = the_issue(project({file: INDEX if suffix == ".md" else PLAN}), file)
    check(issue, None, None, f"неподходящее имя файла «{name}{suffix}»")
    assert "латинские строчные буквы, цифры и дефисы" in issue.hint


# ------------------------------------------------------------------ Markdown pages

def test_broken_markdown_link_has_line_and_column(project):
    page = '---\ntitle: "Главная"\n---\nТекст.\n\nСм. [план](plan:x) и [старый план](../plans/old.yaml).\n'
    issue = the_issue(project({INDEX_FILE: page}), INDEX_FILE)
    check(issue, 6, 36, "ссылка «../plans/old.yaml» никуда не ведёт: такого файла или страницы нет",
          at="../plans/old.yaml")


def test_broken_image_and_reference_links(project):
    page = '---\ntitle: "Главная"\n---\n![фото](files/photo.jpg)\n\nСм. [приказ][1].\n\n[1]: files/prikaz.pdf\n'
    issues = [issue for issue in project({INDEX_FILE: page}) if issue.file == INDEX_FILE]
    assert [(i.line, i.column, i.message) for i in issues] == [
        (4, 9, "ссылка «files/photo.jpg» никуда не ведёт: такого файла или страницы нет"),
        (8, 6, "ссылка «files/prikaz.pdf» никуда не ведёт: такого файла или страницы нет"),
    ]


def test_missing_front_matter(project):
    file = "content/pages/about.md"
    issue = the_issue(project({file: 'title: "О школе"\n\nТекст.\n'}), file)
    check(issue, 1, 1, "нет заголовочного блока: файл должен начинаться со строки «---»", at="title",
          hint="в начале файла: ---, затем title: Название, затем ---")


def test_empty_front_matter(project):
    issue = the_issue(project({INDEX_FILE: "---\n---\nТекст.\n"}), INDEX_FILE)
    check(issue, 1, 1, "заголовочный блок пуст: нужен хотя бы title", at="---")


def test_front_matter_yaml_error_counts_lines_from_file_start(project):
    issue = the_issue(project({INDEX_FILE: "---\ntitle: Главная: сайт\n---\nТекст.\n"}), INDEX_FILE)
    check(issue, 2, 15, "двоеточие в неожиданном месте", at=": сайт")


def test_front_matter_unknown_key(project):
    page = '---\ntitle: "Главная"\ndesciption: "Про школу"\n---\nТекст.\n'
    issue = the_issue(project({INDEX_FILE: page}), INDEX_FILE)
    check(issue, 3, 1, "неизвестный ключ «desciption»", at="desciption",
          hint="возможно, вы имели в виду «description»", path="desciption")


def test_front_matter_wrong_number(project):
    page = '---\ntitle: "Главная"\nmenu: первый\n---\nТекст.\n'
    issue = the_issue(project({INDEX_FILE: page}), INDEX_FILE)
    check(issue, 3, 7, "ожидалось целое число, а указано «первый»", at="первый", path="menu")


def test_reserved_page_name(project):
    file = "content/pages/plans.md"
    issue = the_issue(project({file: INDEX}), file)
    check(issue, 1, 1, "имя страницы «plans» занято разделом сайта",
          hint="переименуйте файл, например в about-plans.md")


# ------------------------------------------------------------------ warnings and many errors at once

def test_free_text_deadline_is_a_warning(project):
    issues = project(plan('"10.02.2026"', '"когда получится"'))
    assert not [issue for issue in issues if issue.is_error]
    issue = the_issue(issues, PLAN_FILE, level="warning")
    check(issue, 10, 15, "срок «когда получится» не распознан и будет показан как есть", at='"когда получится"',
          path="items[0].deadline")


def test_missing_deadline_is_a_warning(project):
    issues = project(plan('    deadline: "10.02.2026"\n', ""))
    issue = the_issue(issues, PLAN_FILE, level="warning")
    check(issue, 9, 15, "срок не указан", at='"Совещание"', path="items[0].activity")


def test_all_errors_of_a_run_are_reported_at_once(project):
    issues = project({
        PLAN_FILE: PLAN.replace("status: planned", "status: don").replace('"29.08.2025"', '"2025-13-40"'),
        ORG_FILE: ORGANISATION.replace("kind: school", "kind: scool"),
        INDEX_FILE: '---\ntitle: "Главная"\nmenu: первый\n---\nТекст.\n',
    })
    errors = [(i.file, i.line, i.column) for i in issues if i.is_error]
    assert len(errors) >= 3
    assert {(ORG_FILE, 3, 7), (INDEX_FILE, 3, 7), (PLAN_FILE, 7, 11), (PLAN_FILE, 13, 13)} <= set(errors)
    assert issues == sorted(issues, key=Issue.sort_key)  # reading order: by file, line, column


# ------------------------------------------------------------------ engine bugs, asserted as they should be

def test_non_utf8_column_counts_characters(project):
    # «title: "План» in UTF-8 (12 characters, 16 bytes), then «ы» saved in cp1251.
    raw = 'title: "План'.encode() + "ы".encode("cp1251") + b'"\n'
    issue = the_issue(project({PLAN_FILE: raw}), PLAN_FILE)
    check(issue, 1, 13, "файл не в кодировке UTF-8")


def test_each_use_of_a_broken_link_is_reported(project):
    page = '---\ntitle: "Главная"\n---\nСм. [а](nope.md).\n\nЕщё раз [б](nope.md).\n'
    issues = [issue for issue in project({INDEX_FILE: page}) if issue.file == INDEX_FILE]
    assert [(i.line, i.column) for i in issues] == [(4, 9), (6, 13)]


def test_broken_link_position_skips_code_spans(project):
    page = '---\ntitle: "Главная"\n---\nПример: `[a](x.md)`\n\nСсылка [a](x.md).\n'
    issue = the_issue(project({INDEX_FILE: page}), INDEX_FILE)
    check(issue, 6, 12, "ссылка «x.md» никуда не ведёт: такого файла или страницы нет", at="x.md")


def test_unclosed_front_matter_is_not_called_missing(project):
    issue = the_issue(project({INDEX_FILE: '---\ntitle: "Главная"\nТекст.\n'}), INDEX_FILE)
    assert "должен начинаться со строки «---»" not in issue.message, issue


def test_invalid_organisation_does_not_claim_empty_folder(project):
    issues = project({ORG_FILE: ORGANISATION.replace("kind: school", "kind: scool")})
    assert not [issue for issue in issues if "пуста" in issue.hint], issues


def test_deadline_in_year_zero_has_no_none(project):
    issues = project({PLAN_FILE: PLAN.replace('"2025-2026"', '"0000-0001"').replace('"10.02.2026"', '"август"')})
    issue = the_issue(issues, PLAN_FILE)
    # The impossible year is caught where it is written, so no deadline is resolved against year 0.
    assert (issue.line, issue.column) == (3, 16)
    assert issue.message == "учебный год «0000-0001» вне допустимых лет (1990–2100): проверьте цифры"
    assert "None" not in issue.message, issue


# ------------------------------------------------------------------ the command line, end to end

def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(BUILD_PY), *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False,
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    root = tmp_path / "broken"
    root.mkdir()
    return write_project(root, plan("status: planned", "status: don"))


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    root = tmp_path / "warned"
    root.mkdir()
    return write_project(root, plan('"10.02.2026"', '"когда получится"'))


def test_cli_check_text_report(broken, tmp_path):
    done = run_cli("--project", str(broken), "check", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "content/plans/x.yaml:13:13: ошибка: items[0].status: недопустимое значение «don»" in done.stderr
    assert "подсказка: возможно, вы имели в виду «done»" in done.stderr
    assert done.stderr.rstrip().splitlines()[-1] == "1 ошибка"
    assert "Traceback" not in done.stderr + done.stdout


def test_cli_check_github_report(broken, tmp_path):
    done = run_cli("--project", str(broken), "check", "--format", "github", cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=content/plans/x.yaml,line=13,col=13::items[0].status: ")
    assert "возможно, вы имели в виду «done»" in lines[0]
    assert lines[-1] == "1 ошибка"
    assert "Traceback" not in done.stderr


def test_cli_check_github_warning(warned, tmp_path):
    done = run_cli("--project", str(warned), "check", "--format", "github", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("::warning file=content/plans/x.yaml,line=10,col=15::")


def test_cli_check_json_report(broken, tmp_path):
    done = run_cli("--project", str(broken), "check", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["summary"] == "1 ошибка"
    [issue] = report["issues"]
    assert {key: issue[key] for key in ("level", "file", "line", "column", "path", "hint", "snippet")} == {
        "level": "error", "file": "content/plans/x.yaml", "line": 13, "column": 13, "path": "items[0].status",
        "hint": "возможно, вы имели в виду «done»", "snippet": "    status: don",
    }
    assert issue["message"].startswith("недопустимое значение «don»: допустимы planned")


def test_cli_reports_every_broken_file(tmp_path):
    root = write_project(tmp_path / "many", {
        PLAN_FILE: "title: План: без кавычек\n",
        ORG_FILE: b"name: \"\xd8\xea\xee\xeb\xe0\"\n",  # «Школа» in cp1251
        INDEX_FILE: 'title: "Главная"\n',
    })
    done = run_cli("--project", str(root), "check", cwd=tmp_path)
    assert done.returncode == 1
    assert "content/plans/x.yaml:1:12: ошибка: двоеточие в неожиданном месте" in done.stderr
    assert "content/organisations/demo-school.yaml:1:8: ошибка: файл не в кодировке UTF-8" in done.stderr
    assert "content/pages/index.md:1:1: ошибка: нет заголовочного блока" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_warning_passes_without_strict(warned, tmp_path):
    done = run_cli("--project", str(warned), "check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "предупреждение: items[0].deadline: срок «когда получится» не распознан" in done.stderr
    assert done.stderr.rstrip().splitlines()[-1] == "0 ошибок, 1 предупреждение"


def test_cli_warning_fails_with_strict(warned, tmp_path):
    done = run_cli("--project", str(warned), "check", "--strict", cwd=tmp_path)
    assert done.returncode == 1, done.stderr


def test_cli_strict_before_command(warned, tmp_path):
    done = run_cli("--project", str(warned), "--strict", "check", cwd=tmp_path)
    assert done.returncode == 1, done.stderr


def test_cli_valid_project_passes(tmp_path):
    root = write_project(tmp_path / "ok")
    done = run_cli("--project", str(root), "check", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == "Проверка пройдена: ошибок нет.\n"


def test_cli_unknown_command_exits_2(tmp_path):
    done = run_cli("--project", str(tmp_path), "frobnicate", cwd=tmp_path)
    assert done.returncode == 2
    assert "ошибка в команде" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_missing_project_folder_exits_2(tmp_path):
    done = run_cli("--project", str(tmp_path / "nowhere"), "check", cwd=tmp_path)
    assert done.returncode == 2
    assert "ошибка: папки проекта" in done.stderr


def test_cli_usage_error_is_russian(tmp_path):
    done = run_cli("--project", str(tmp_path), "frobnicate", cwd=tmp_path)
    assert "invalid choice" not in done.stderr
    assert "choose from" not in done.stderr
