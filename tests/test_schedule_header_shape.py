"""schedule.yaml's classes, hours and lessons a day: lists of rows a form holds. The old maps keyed by grade are
located errors whose hints write the file's own values in the new form; a grade or a subject is one row; the
rules that read them (known classes and subjects, 10 % of the hours, the last lesson) read the rows."""

from __future__ import annotations

from pathlib import Path

from oko.kinds.schedule.model import ScheduleHeader
from tests.schedule_fixtures import HEADER, build, coded

OLD = HEADER.split("classes:\n")[0] + """\
classes:
  5: [А, Б]
  6: [А]
hours:
  Математика: {5: 170, 6: 170}
  Русский язык: {5: 170, 6: 204}
  Музыка: {5: 34, 6: 34}
lessons_per_day:
  5: [5, 6, 5, 6, 5]
  6: [6, 6, 6, 6, 5]
"""
ONE_WORK = '  - {date: "15.09.2025", classes: 5А, subject: Музыка, kind: тестирование}\n'


def test_the_rows_read_as_the_rules_need_them() -> None:
    import yaml

    header = ScheduleHeader.model_validate(yaml.safe_load(HEADER))
    assert header.class_names() == ["5А", "5Б", "6А"]
    assert header.annual_hours == {"Математика": {5: 170, 6: 170}, "Русский язык": {5: 170, 6: 204},
                                   "Музыка": {5: 34, 6: 34}}
    assert header.lessons_by_grade == {5: [5, 6, 5, 6, 5], 6: [6, 6, 6, 6, 5]}


def test_the_old_maps_are_errors_with_the_new_form_in_the_hint(tmp_path: Path) -> None:
    result = build(tmp_path, ONE_WORK, header=OLD)
    first = OLD.count("\n", 0, OLD.index("classes:")) + 1
    assert [(i.line, i.column, i.path, i.message, i.hint) for i in coded(result, "schedule.shape")] == [
        (first, 1, "classes", "классы по параллелям записаны словарём, а нужен список",
         'теперь каждая параллель — строка списка: - {grade: 5, letters: ["А", "Б"]}; - {grade: 6, letters: ["А"]}'),
        (first + 3, 1, "hours", "часы по учебному плану записаны словарём, а нужен список",
         'теперь каждый предмет — строка списка: - {subject: "Математика", grades: [{grade: 5, hours: 170}, '
         '{grade: 6, hours: 170}]}; - {subject: "Русский язык", grades: [{grade: 5, hours: 170}, '
         "{grade: 6, hours: 204}]}; …"),
        (first + 7, 1, "lessons_per_day", "уроки в день по параллелям записаны словарём, а нужен список",
         "теперь каждая параллель — строка списка: - {grade: 5, lessons: [5, 6, 5, 6, 5]}; "
         "- {grade: 6, lessons: [6, 6, 6, 6, 5]}"),
    ]
    assert result.failed()
    # Read in the old shape all the same, the rest of the year is checked: the work's class and subject are known.
    assert [i.code for i in result.issues if i.is_error] == ["schedule.shape"] * 3


def test_a_grade_or_a_subject_twice_is_an_error_at_the_second_row(tmp_path: Path) -> None:
    row = "  - {grade: 6, letters: [А]}"
    twice = (HEADER.replace(row, row + "\n  - {grade: 5, letters: [В]}")
             .replace("grades: [{grade: 5, hours: 34}, {grade: 6, hours: 34}]",
                      "grades: [{grade: 5, hours: 34}, {grade: 5, hours: 68}]"))
    result = build(tmp_path, ONE_WORK, header=twice)
    line = twice.count("\n", 0, twice.index("{grade: 5, letters: [В]}")) + 1
    music = twice.count("\n", 0, twice.index("{grade: 5, hours: 68}")) + 1
    assert [(i.line, i.path, i.message, i.hint) for i in coded(result, "schedule.listed_once")] == [
        (line, "classes[2].grade", "параллель 5 уже есть в classes", "оставьте одну строку: учитывается только первая"),
        (music, "hours[2].grades[1].grade", "у предмета «Музыка» параллель 5 уже есть",
         "оставьте одну строку: учитывается только первая"),
    ]


def test_a_bad_letter_or_grade_is_located_in_its_row(tmp_path: Path) -> None:
    spoilt = HEADER.replace("{grade: 6, letters: [А]}", "{grade: 12, letters: [аб]}")
    result = build(tmp_path, ONE_WORK, header=spoilt)
    line = spoilt.count("\n", 0, spoilt.index("{grade: 12")) + 1
    assert [(i.line, i.path, i.message) for i in result.issues if i.file.endswith("schedule.yaml")] == [
        (line, "classes[1].grade", "значение должно быть не больше 11")]
