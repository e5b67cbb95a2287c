"""A ВПР year's grades: a list of `- grade: N` rows a form holds; the old map keyed by grade is a located error
whose hint is the file's own grades in the new form; a grade is listed once; the page orders them."""

from __future__ import annotations

import re
from pathlib import Path

from oko.pipeline import generate
from tests.test_errors import write_project

VPR_FILE = "content/vpr/2026.yaml"
HEAD = 'year: 2026\nwindow: {start: "20.04.2026", end: "20.05.2026"}\n'
ROWS = """\
grades:
  - grade: 5
    required: [Русский язык, Математика]
  - grade: 4
    required: [Русский язык, Математика]
    random:
      - {choose: 1, subjects: [Окружающий мир, Английский язык]}
"""
OLD = """\
grades:
  4:
    required: [Русский язык, Математика]
    random:
      - {choose: 1, subjects: [Окружающий мир, Английский язык]}
  5:
    required: [Русский язык]
  6:
    required: [Математика]
"""


def errors(tmp_path: Path, text: str) -> list[tuple[int | None, int | None, str, str, str, str]]:
    result = generate(write_project(tmp_path, {VPR_FILE: HEAD + text}))
    return [(i.line, i.column, i.path, i.code, i.message, i.hint) for i in result.issues if i.is_error]


def test_rows_by_grade_build_and_the_page_orders_them(tmp_path: Path) -> None:
    result = generate(write_project(tmp_path, {VPR_FILE: HEAD + ROWS}))
    assert [i for i in result.issues if i.is_error] == []
    page = result.files["vpr/index.html"].decode("utf-8")
    assert re.findall(r'<h2 id="vpr-(\d+)">', page) == ["4", "5"]


def test_the_old_map_is_an_error_with_the_new_form_in_the_hint(tmp_path: Path) -> None:
    assert errors(tmp_path, OLD) == [
        (3, 1, "grades", "vpr.shape", "параллели записаны словарём, а нужен список",
         'теперь каждая параллель — строка списка: - {grade: 4, required: ["Русский язык", "Математика"], '
         'random: [{choose: 1, subjects: ["Окружающий мир", "Английский язык"]}]}; '
         '- {grade: 5, required: ["Русский язык"]}; …')]


def test_a_grade_listed_twice_is_an_error_at_the_second(tmp_path: Path) -> None:
    assert errors(tmp_path, ROWS.replace("grade: 4", "grade: 5")) == [
        (6, 12, "grades[1].grade", "", "параллель 5 указана дважды",
         "у каждой параллели одна строка: объедините предметы в ней")]


def test_a_grade_outside_1_to_11_is_an_error(tmp_path: Path) -> None:
    found = errors(tmp_path, ROWS.replace("grade: 4", "grade: 12"))
    assert [(line, path, message) for line, _, path, _, message, _ in found] == [
        (6, "grades[1].grade", "значение должно быть не больше 11")]
