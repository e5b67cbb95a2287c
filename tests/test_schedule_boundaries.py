"""The schedule rules (oko/kinds/schedule/rules.py) at their boundaries, in process: the tiny school of
tests/schedule_fixtures.py is loaded and assembled (no site is rendered) and check_schedule runs on it.

Each case asserts the whole list of issues — line, field path, level, code and message — so an extra
issue, a missing one or a rule that stops after its first entry fails. Fast enough for mutation testing.
The 2025/2026 fixture year: 01.09.2025 (Monday) – 26.12.2025 (Friday), autumn holidays 25.10–04.11.2025.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oko.kinds.schedule.assemble import assemble_schedules
from oko.kinds.schedule.rules import LETTER, check_schedule
from oko.pipeline import load_project
from tests.schedule_fixtures import HEADER, make_school

Found = tuple[int | None, str, str, str, str]
# More subjects: Физика 40 h (10 % is exactly 4 lessons), ИЗО 34 h (one lesson a week), Технология 35 h (more).
MUSIC = "  - subject: Музыка\n    grades: [{grade: 5, hours: 34}, {grade: 6, hours: 34}]\n"
WIDE = HEADER.replace(MUSIC, MUSIC.replace("6, hours: 34", "6, hours: 40") + "".join(
    f"  - subject: {subject}\n    grades: [{{grade: 5, hours: {hours}}}]\n"
    for subject, hours in (("Физика", 40), ("ИЗО", 34), ("Технология", 35))))
assert WIDE != HEADER


def replaced(header: str, old: str, new: str) -> str:
    """The header with one row replaced: a row the header does not hold (a changed shape) fails here."""
    assert header.count(old) == 1, old
    return header.replace(old, new)


def without_music_in_grade_6() -> str:
    return replaced(WIDE, "{grade: 5, hours: 34}, {grade: 6, hours: 40}]", "{grade: 5, hours: 34}]")


def found(root: Path, procedures: str, header: str = WIDE) -> list[Found]:
    project, load_issues = load_project(make_school(root, procedures, header=header))
    assert [i.message for i in load_issues if i.level == "error"] == []
    schedules, issues = assemble_schedules(project)
    assert [i.message for i in issues] == []
    return [(i.line, i.path.removeprefix("procedures"), i.level, i.code.removeprefix("schedule."), i.message)
            for i in check_schedule(schedules["2025-2026"])]


def hints(root: Path, procedures: str, header: str = WIDE) -> list[str]:
    project, _issues = load_project(make_school(root, procedures, header=header))
    schedules, _issues = assemble_schedules(project)
    return [i.hint for i in check_schedule(schedules["2025-2026"])]


# ------------------------------------------------------------------ school days

def test_the_first_and_last_school_days_and_the_days_around_the_holidays(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {date: "01.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "24.10.2025", classes: 5А, subject: Русский язык, kind: диктант}
        - {date: "05.11.2025", classes: 5Б, subject: Математика, kind: контрольная работа}
        - {date: "26.12.2025", classes: 5Б, subject: Русский язык, kind: диктант}
    """) == []


def test_a_day_past_each_boundary_is_one_error_each(tmp_path: Path) -> None:
    """A mix in one file: every wrong day is named, the right ones between them are not."""
    assert found(tmp_path, """\
        - {date: "31.08.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "02.09.2025", classes: 5А, subject: Русский язык, kind: диктант}
        - {date: "25.10.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "04.11.2025", classes: 5Б, subject: Математика, kind: контрольная работа}
        - {date: "06.11.2025", classes: 5А, subject: Русский язык, kind: диктант}
        - {date: "13.12.2025", classes: 6А, subject: Математика, kind: контрольная работа}
        - {date: "27.12.2025", classes: 6А, subject: Русский язык, kind: диктант}
    """) == [
        (2, "[0].date", "error", "school_day", "31.08.2025 — вне учебного года (01.09.2025 – 26.12.2025)"),
        (4, "[2].date", "error", "school_day", "25.10.2025 — осенние каникулы: в этот день нет уроков"),
        (5, "[3].date", "error", "school_day", "04.11.2025 — осенние каникулы: в этот день нет уроков"),
        (7, "[5].date", "error", "school_day", "13.12.2025 — суббота, выходной день"),
        (8, "[6].date", "error", "school_day", "27.12.2025 — вне учебного года (01.09.2025 – 26.12.2025)"),
    ]


def test_a_day_between_periods_and_outside_holidays(tmp_path: Path) -> None:
    header = replaced(WIDE, 'end: "04.11.2025"}', 'end: "02.11.2025"}')
    assert found(tmp_path, """\
        - {date: "03.11.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "04.11.2025", classes: 5Б, subject: Математика, kind: контрольная работа}
        - {date: "05.11.2025", classes: 6А, subject: Математика, kind: контрольная работа}
    """, header) == [
        (2, "[0].date", "error", "school_day", "03.11.2025 не входит ни в один учебный период"),
        (3, "[1].date", "error", "school_day", "04.11.2025 не входит ни в один учебный период"),
    ]
    assert hints(tmp_path, '        - {date: "03.11.2025", classes: 5А, subject: Музыка, kind: тестирование}\n',
                 header) == ["проверьте даты периодов (periods) в schedule.yaml"]


def test_a_six_day_week_has_lessons_on_saturday(tmp_path: Path) -> None:
    header = replaced(replaced(WIDE, "week: 5\n", "week: 6\n"), "[5, 6, 5, 6, 5]", "[5, 6, 5, 6, 5, 4]")
    assert found(tmp_path, """\
        - {date: "13.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "14.09.2025", classes: 5Б, subject: Математика, kind: контрольная работа}
    """, header) == [(3, "[1].date", "error", "school_day", "14.09.2025 — воскресенье, выходной день")]


@pytest.mark.parametrize(("window", "expected"), [
    ('{start: "01.09.2025", end: "26.12.2025"}', []),
    ('{start: "31.08.2025", end: "10.09.2025"}',
     ["срок проведения 31.08.2025 – 10.09.2025 выходит за учебный год (01.09.2025 – 26.12.2025)"]),
    ('{start: "20.12.2025", end: "27.12.2025"}',
     ["срок проведения 20.12.2025 – 27.12.2025 выходит за учебный год (01.09.2025 – 26.12.2025)"]),
    ('{start: "25.10.2025", end: "07.11.2025"}',
     ["срок проведения 25.10.2025 – 07.11.2025 начинается в каникулы: 25.10.2025 — осенние каникулы"]),
    ('{start: "20.10.2025", end: "04.11.2025"}',
     ["срок проведения 20.10.2025 – 04.11.2025 заканчивается в каникулы: 04.11.2025 — осенние каникулы"]),
    ('{start: "25.10.2025", end: "04.11.2025"}',
     ["срок проведения 25.10.2025 – 04.11.2025 начинается в каникулы: 25.10.2025 — осенние каникулы",
      "срок проведения 25.10.2025 – 04.11.2025 заканчивается в каникулы: 04.11.2025 — осенние каникулы"]),
    ('{start: "24.10.2025", end: "05.11.2025"}', []),  # the holidays inside a window are no problem
])
def test_windows_inside_the_year_and_not_starting_or_ending_in_holidays(tmp_path: Path, window: str,
                                                                      expected: list[str]) -> None:
    procedures = f"        - {{window: {window}, classes: 5А, subject: Математика, kind: ВПР}}\n"
    assert found(tmp_path, procedures) == [(2, "[0].window", "error", "school_day", m) for m in expected]


def test_a_window_with_its_chosen_day_checks_both(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {window: {start: "25.10.2025", end: "07.11.2025"}, date: "06.11.2025", classes: 5А, subject: Математика,
           kind: ВПР}
        - {window: {start: "01.09.2025", end: "07.11.2025"}, date: "26.10.2025", classes: 5Б, subject: Математика,
           kind: ВПР}
    """) == [  # in the order of their days
        (4, "[1].date", "error", "school_day", "26.10.2025 — осенние каникулы: в этот день нет уроков"),
        (2, "[0].window", "error", "school_day",
         "срок проведения 25.10.2025 – 07.11.2025 начинается в каникулы: 25.10.2025 — осенние каникулы"),
    ]
    assert hints(tmp_path, '        - {window: {start: "25.10.2025", end: "07.11.2025"}, classes: 5А, '
                           'subject: Математика, kind: ВПР}\n') == [
        "проверьте срок по документу, который его установил"]


# ------------------------------------------------------------------ one a day, 17 days apart

def test_three_works_on_one_day_are_two_errors(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: "5", subject: Математика, kind: контрольная работа}
        - {date: "15.09.2025", classes: 5Б, subject: Русский язык, kind: диктант}
        - {window: {start: "15.09.2025", end: "19.09.2025"}, classes: 5Б, subject: Музыка, kind: ВПР}
        - {date: "15.09.2025", classes: 5Б, subject: Физика, kind: тестирование}
        - {date: "15.09.2025", classes: 6А, subject: Математика, kind: тестирование}
    """) == [
        (3, "[1].date", "error", "one_per_day", "5Б, 15.09.2025: вторая оценочная процедура в один день — русский "
         "язык (диктант); уже есть: математика (контрольная работа, procedures.yaml:2), физика (тестирование, "
         "procedures.yaml:5)"),
        (5, "[3].date", "error", "one_per_day", "5Б, 15.09.2025: вторая оценочная процедура в один день — физика "
         "(тестирование); уже есть: математика (контрольная работа, procedures.yaml:2), русский язык (диктант, "
         "procedures.yaml:3)"),
    ]
    assert set(hints(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "15.09.2025", classes: 5А, subject: Русский язык, kind: диктант}
    """)) == {f"перенесите одну из работ на другой день ({LETTER})"}


@pytest.mark.parametrize(("second", "expected"), [
    ("02.10.2025", []),  # 17 days: allowed
    ("01.10.2025", ["5А, математика: между работами 15.09.2025 (procedures.yaml:2) и 01.10.2025 16 дней, "
                    "а нужно не меньше 17 (2,5 недели)"]),
    ("16.09.2025", ["5А, математика: между работами 15.09.2025 (procedures.yaml:2) и 16.09.2025 1 день, "
                    "а нужно не меньше 17 (2,5 недели)"]),
    ("17.09.2025", ["5А, математика: между работами 15.09.2025 (procedures.yaml:2) и 17.09.2025 2 дня, "
                    "а нужно не меньше 17 (2,5 недели)"]),
])
def test_seventeen_days_apart_exactly(tmp_path: Path, second: str, expected: list[str]) -> None:
    assert found(tmp_path, f"""\
        - {{date: "15.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}}
        - {{date: "{second}", classes: 5А, subject: Математика, kind: контрольная работа}}
    """) == [(3, "[1].date", "error", "frequency", message) for message in expected]


def test_the_gap_is_per_class_per_subject_and_windows_do_not_count(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: "5", subject: Математика, kind: контрольная работа}
        - {window: {start: "16.09.2025", end: "19.09.2025"}, classes: 5А, subject: Математика, kind: ВПР}
        - {date: "22.09.2025", classes: 5Б, subject: Математика, kind: контрольная работа}
        - {date: "23.09.2025", classes: 5А, subject: Русский язык, kind: диктант}
        - {date: "24.09.2025", classes: 6А, subject: Математика, kind: контрольная работа}
        - {date: "01.10.2025", classes: 5Б, subject: Математика, kind: контрольная работа}
    """) == [
        (4, "[2].date", "error", "frequency", "5Б, математика: между работами 15.09.2025 (procedures.yaml:2) и "
         "22.09.2025 7 дней, а нужно не меньше 17 (2,5 недели)"),
        (7, "[5].date", "error", "frequency", "5Б, математика: между работами 22.09.2025 (procedures.yaml:4) и "
         "01.10.2025 9 дней, а нужно не меньше 17 (2,5 недели)"),
    ]


def test_a_complex_work_counts_for_each_subject(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subjects: [Математика, Русский язык], kind: комплексная работа}
        - {date: "22.09.2025", classes: 5А, subject: Русский язык, kind: диктант}
    """) == [(3, "[1].date", "error", "frequency", "5А, русский язык: между работами 15.09.2025 (procedures.yaml:2) "
              "и 22.09.2025 7 дней, а нужно не меньше 17 (2,5 недели)")]


# ------------------------------------------------------------------ 10 % of the hours

SPACED = ("08.09.2025", "29.09.2025", "20.10.2025", "10.11.2025", "01.12.2025", "22.12.2025")


def works(subject: str, number: int, classes: str = "5А", duration: int = 45) -> str:
    return "".join(f'        - {{date: "{day}", classes: {classes}, subject: {subject}, kind: тестирование, '
                   f"duration: {duration}}}\n" for day in SPACED[:number])


def test_exactly_ten_percent_is_allowed(tmp_path: Path) -> None:
    assert found(tmp_path, works("Физика", 4)) == []  # 4 lessons of 40 hours


def test_one_lesson_over_ten_percent(tmp_path: Path) -> None:
    assert found(tmp_path, works("Физика", 5)) == [
        (6, "[4].subject", "error", "ten_percent", "5А, физика: на оценочные процедуры уходит 5 уроков из 40 за год "
         "(12%), а можно не больше 10% — 4 урока")]
    assert hints(tmp_path, works("Физика", 5)) == [f"уберите или объедините работы ({LETTER})"]


def test_ten_percent_rounds_down_and_counts_started_lessons(tmp_path: Path) -> None:
    assert found(tmp_path / "a", works("Музыка", 3)) == []  # 3 of 34: 3.4 allowed
    assert found(tmp_path / "b", works("Музыка", 2, duration=46)) == [  # 46 minutes take two lessons
        (3, "[1].subject", "error", "ten_percent", "5А, музыка: на оценочные процедуры уходит 4 урока из 34 за год "
         "(12%), а можно не больше 10% — 3 урока")]
    assert found(tmp_path / "c", works("Музыка", 3, duration=45)) == []


def test_a_subject_without_hours_does_not_stop_the_ten_percent_rule(tmp_path: Path) -> None:
    """The 6А work comes first and its grade has no hours: the rule goes on to 5А (`continue`, not `break`)."""
    header = without_music_in_grade_6()
    procedures = '        - {date: "01.09.2025", classes: 6А, subject: Музыка, kind: тестирование}\n' + \
        works("Музыка", 4)
    assert found(tmp_path, procedures, header) == [
        (2, "[0].subject", "error", "known_subject", "для предмета «Музыка» не указаны часы в параллели 6"),
        (6, "[4].subject", "error", "ten_percent", "5А, музыка: на оценочные процедуры уходит 4 урока из 34 за год "
         "(12%), а можно не больше 10% — 3 урока"),
    ]


def test_ten_percent_of_a_complex_work_names_subjects(tmp_path: Path) -> None:
    procedures = "".join(f'        - {{date: "{day}", classes: 5А, subjects: [Физика, ИЗО], kind: комплексная '
                         f'работа, duration: 90}}\n' for day in SPACED[:2])
    assert found(tmp_path, procedures) == [
        (3, "[1].subjects", "error", "ten_percent", "5А, изо: на оценочные процедуры уходит 4 урока из 34 за год "
         "(12%), а можно не больше 10% — 3 урока")]


# ------------------------------------------------------------------ first and last lessons

def test_first_and_last_lessons_by_weekday(tmp_path: Path) -> None:
    """Grade 5 has 5, 6, 5, 6, 5 lessons from Monday; an entry without a lesson does not stop the rule."""
    assert found(tmp_path, """\
        - {date: "08.09.2025", classes: 5А, subject: Русский язык, kind: диктант}
        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: контрольная работа, lesson: 5}
        - {date: "16.09.2025", classes: 5Б, subject: Математика, kind: контрольная работа, lesson: 5}
        - {date: "03.10.2025", classes: 5А, subject: Математика, kind: контрольная работа, lesson: 2}
        - {date: "06.10.2025", classes: 5Б, subject: Русский язык, kind: диктант, lesson: 1}
        - {date: "24.10.2025", classes: 5А, subject: Русский язык, kind: диктант, lesson: 5}
        - {date: "24.10.2025", classes: 6А, subject: Русский язык, kind: диктант, lesson: 6}
    """) == [
        (3, "[1].lesson", "error", "lesson_position", "5А, 15.09.2025: работа стоит последним уроком (5-й урок)"),
        (6, "[4].lesson", "error", "lesson_position", "5Б, 06.10.2025: работа стоит первым уроком (1-й урок)"),
        (7, "[5].lesson", "error", "lesson_position", "5А, 24.10.2025: работа стоит последним уроком (5-й урок)"),
    ]


def test_one_issue_per_work_and_each_class_judged_by_its_grade(tmp_path: Path) -> None:
    """5А and 5Б at the first lesson: one issue. Музыка is 34 h in grade 5 (excepted), 40 h in grade 6."""
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: "5", subject: Математика, kind: контрольная работа, lesson: 1}
        - {date: "16.09.2025", classes: "5А, 6А", subject: Музыка, kind: тестирование, lesson: 1}
    """) == [
        (2, "[0].lesson", "error", "lesson_position", "5А, 15.09.2025: работа стоит первым уроком (1-й урок)"),
        (3, "[1].lesson", "error", "lesson_position", "6А, 16.09.2025: работа стоит первым уроком (1-й урок)"),
    ]


@pytest.mark.parametrize(("subjects", "flagged"), [
    ("subject: ИЗО", False), ("subject: Технология", True),  # 34 hours a year is one lesson a week, 35 is more
    ("subjects: [ИЗО, Музыка]", False), ("subjects: [ИЗО, Технология]", True),
])
def test_the_one_lesson_a_week_exception(tmp_path: Path, subjects: str, flagged: bool) -> None:
    field = subjects.split(":")[0]
    result = found(tmp_path, f'        - {{date: "15.09.2025", classes: 5А, {subjects}, kind: тестирование, '
                             f"lesson: 1}}\n")
    assert [(line, path, code) for line, path, _level, code, _message in result] == (
        [(2, "[0].lesson", "lesson_position")] if flagged else [])
    assert field in ("subject", "subjects")


def test_a_grade_without_lessons_per_day_has_only_a_first_lesson(tmp_path: Path) -> None:
    header = replaced(WIDE, "  - {grade: 6, lessons: [6, 6, 6, 6, 5]}\n", "")
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: 6А, subject: Математика, kind: контрольная работа, lesson: 6}
        - {date: "06.10.2025", classes: 6А, subject: Русский язык, kind: диктант, lesson: 1}
    """, header) == [(3, "[1].lesson", "error", "lesson_position", "6А, 06.10.2025: работа стоит первым уроком "
                      "(1-й урок)")]


def test_a_short_week_of_lessons_has_no_last_lesson_on_later_days(tmp_path: Path) -> None:
    header = replaced(WIDE, "[6, 6, 6, 6, 5]", "[6, 6]")
    assert found(tmp_path, """\
        - {date: "16.09.2025", classes: 6А, subject: Математика, kind: контрольная работа, lesson: 6}
        - {date: "06.10.2025", classes: 6А, subject: Русский язык, kind: диктант, lesson: 5}
        - {date: "10.10.2025", classes: 6А, subject: Музыка, kind: тестирование, lesson: 5}
    """, header) == [(2, "[0].lesson", "error", "lesson_position", "6А, 16.09.2025: работа стоит последним уроком "
                      "(6-й урок)")]


def test_the_lesson_rule_hint(tmp_path: Path) -> None:
    assert hints(tmp_path, '        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: контрольная '
                           'работа, lesson: 1}\n') == [
        f"первый и последний уроки — только для предметов с 1 уроком в неделю ({LETTER})"]


# ------------------------------------------------------------------ 30 minutes

@pytest.mark.parametrize(("duration", "expected"), [
    (30, []), (31, []),
    (29, [(2, "[0].duration", "warning", "duration",
           "работа длится 29 мин: короче 30 минут — это не оценочная процедура")]),
])
def test_exactly_thirty_minutes(tmp_path: Path, duration: int, expected: list[Found]) -> None:
    assert found(tmp_path, f'        - {{date: "15.09.2025", classes: 5А, subject: Математика, kind: тестирование, '
                           f"duration: {duration}}}\n") == expected


def test_short_works_among_long_ones_are_each_warned(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: тестирование, duration: 10}
        - {date: "16.09.2025", classes: 5А, subject: Русский язык, kind: тестирование}
        - {date: "17.09.2025", classes: 5А, subject: Музыка, kind: тестирование, duration: 20}
    """) == [
        (2, "[0].duration", "warning", "duration",
         "работа длится 10 мин: короче 30 минут — это не оценочная процедура"),
        (4, "[2].duration", "warning", "duration",
         "работа длится 20 мин: короче 30 минут — это не оценочная процедура"),
    ]
    assert set(hints(tmp_path, '        - {date: "15.09.2025", classes: 5А, subject: Математика, '
                               'kind: тестирование, duration: 10}\n')) == {"такие проверки в график не включают"}


# ------------------------------------------------------------------ subjects

def test_unknown_subjects_and_missing_hours_in_one_file(tmp_path: Path) -> None:
    header = without_music_in_grade_6()
    assert found(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subject: Матиматика, kind: контрольная работа}
        - {date: "16.09.2025", classes: 5А, subject: Астрономия, kind: контрольная работа}
        - {date: "17.09.2025", classes: "5А, 6А", subject: Музыка, kind: тестирование}
        - {date: "08.10.2025", classes: 6А, subjects: [Музыка, Физика], kind: комплексная работа}
        - {date: "19.09.2025", classes: 5Б, subject: Русский язык, kind: диктант}
        - {window: {start: "01.10.2025", end: "10.10.2025"}, classes: 5А, subject_later: {label: "Предмет 1",
           choices: [Физика, Химия]}, kind: ВПР}
        - {window: {start: "01.10.2025", end: "10.10.2025"}, classes: 6А, subject_later: {label: "Предмет 2"},
           kind: ВПР}
    """, header) == [
        (2, "[0].subject", "error", "known_subject",
         "предмета «Матиматика» нет в учебном плане (hours в schedule.yaml)"),
        (3, "[1].subject", "error", "known_subject",
         "предмета «Астрономия» нет в учебном плане (hours в schedule.yaml)"),
        (4, "[2].subject", "error", "known_subject", "для предмета «Музыка» не указаны часы в параллели 6"),
        (7, "[5].subject_later", "error", "known_subject",
         "предмета «Химия» нет в учебном плане (hours в schedule.yaml)"),
        (5, "[3].subjects", "error", "known_subject", "для предмета «Музыка» не указаны часы в параллели 6"),
        (5, "[3].subjects", "error", "known_subject", "для предмета «Физика» не указаны часы в параллели 6"),
    ]


def test_the_hints_of_unknown_subjects(tmp_path: Path) -> None:
    assert hints(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subject: Матиматика, kind: контрольная работа}
        - {date: "16.09.2025", classes: 5А, subject: Астрономия, kind: контрольная работа}
        - {date: "17.09.2025", classes: "5, 6А", subject: Технология, kind: тестирование}
    """) == ["возможно, вы имели в виду «Математика»", "добавьте предмет и его часы в hours",
             "добавьте в hours → Технология → grades строку - {grade: 6, hours: …}"]


def test_missing_hours_in_several_grades_are_named_together(tmp_path: Path) -> None:
    grade_6 = "  - {grade: 6, letters: [А]}\n"
    header = replaced(WIDE, grade_6, grade_6 + "  - {grade: 7, letters: [А]}\n")
    assert found(tmp_path, '        - {date: "15.09.2025", classes: "5-7", subject: Технология, '
                           "kind: тестирование}\n", header) == [
        (2, "[0].subject", "error", "known_subject", "для предмета «Технология» не указаны часы в параллелях 6, 7")]


def test_a_subject_chosen_later_with_its_subject_known(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {window: {start: "01.10.2025", end: "10.10.2025"}, classes: 5А, subject: Физика,
           subject_later: {label: "Предмет 1", choices: [Физика, Химия]}, kind: ВПР}
    """) == []


# ------------------------------------------------------------------ word forms, fields, rules that go on

PHYSICS = "  - subject: Физика\n    grades: [{grade: 5, hours: 40}]\n"
ASTRONOMY = replaced(WIDE, PHYSICS, PHYSICS + "  - subject: Астрономия\n    grades: [{grade: 5, hours: 9}, "
                     "{grade: 6, hours: 12}]\n")


def test_the_ten_percent_message_says_one_lesson_two_lessons_and_no_lessons(tmp_path: Path) -> None:
    """9 hours allow 0 lessons (int(0.9)), 12 hours allow 1: «1 урок … 0 уроков», «2 урока … 1 урок»."""
    procedures = works("Астрономия", 1) + works("Астрономия", 2, classes="6А")
    assert found(tmp_path, procedures, ASTRONOMY) == [
        (2, "[0].subject", "error", "ten_percent", "5А, астрономия: на оценочные процедуры уходит 1 урок из 9 за год "
         "(11%), а можно не больше 10% — 0 уроков"),
        (4, "[2].subject", "error", "ten_percent", "6А, астрономия: на оценочные процедуры уходит 2 урока из 12 за "
         "год (17%), а можно не больше 10% — 1 урок"),
    ]


def test_the_ten_percent_issue_points_at_the_field_of_the_last_work(tmp_path: Path) -> None:
    """Two complex works, then a physics test: physics is over at the test (its `subject`), ИЗО at the second
    complex work (its `subjects`)."""
    procedures = "".join(f'        - {{date: "{day}", classes: 5А, subjects: [Физика, ИЗО], kind: комплексная '
                         f'работа, duration: 90}}\n' for day in SPACED[:2]) + \
        f'        - {{date: "{SPACED[2]}", classes: 5А, subject: Физика, kind: тестирование}}\n'
    assert found(tmp_path, procedures) == [
        (4, "[2].subject", "error", "ten_percent", "5А, физика: на оценочные процедуры уходит 5 уроков из 40 за год "
         "(12%), а можно не больше 10% — 4 урока"),
        (3, "[1].subjects", "error", "ten_percent", "5А, изо: на оценочные процедуры уходит 4 урока из 34 за год "
         "(12%), а можно не больше 10% — 3 урока"),
    ]


def test_the_frequency_hint(tmp_path: Path) -> None:
    assert hints(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "16.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
    """) == [f"по одному предмету — не чаще раза в 2,5 недели ({LETTER})"]


def test_a_window_without_its_day_does_not_stop_the_one_a_day_rule(tmp_path: Path) -> None:
    assert found(tmp_path, """\
        - {window: {start: "15.09.2025", end: "19.09.2025"}, classes: 5А, subject: Музыка, kind: ВПР}
        - {date: "16.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "16.09.2025", classes: 5А, subject: Русский язык, kind: диктант}
    """) == [(4, "[2].date", "error", "one_per_day", "5А, 16.09.2025: вторая оценочная процедура в один день — "
              "русский язык (диктант); уже есть: математика (контрольная работа, procedures.yaml:3)")]


def test_a_later_subject_may_be_chosen_from_subjects_the_grade_has_no_hours_for(tmp_path: Path) -> None:
    """ВПР's «предмет на основе случайного выбора»: the choices are the federal list, not the class's plan —
    only a choice missing from the plan altogether is an error, not one without hours in this grade."""
    assert found(tmp_path, """\
        - {window: {start: "01.10.2025", end: "10.10.2025"}, classes: 6А, subject_later: {label: "Предмет 1",
           choices: [Физика, Химия]}, kind: ВПР}
    """) == [(2, "[0].subject_later", "error", "known_subject",
              "предмета «Химия» нет в учебном плане (hours в schedule.yaml)")]
