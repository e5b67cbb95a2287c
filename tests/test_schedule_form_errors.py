"""Validation of issue 12's schedule forms: located Russian messages, and how the rules treat windows,
complex works and subjects assigned later (docs/handbook/schedule.md, «Что проверяет сборка»)."""

# ruff: noqa: E501
from __future__ import annotations

from pathlib import Path

from oko.pipeline import BuildResult
from tests.schedule_fixtures import build, coded, generate_on_school_day, make_school
from tests.schedule_forms_fixture import HEADER

OK = '- {date: "14.10.2025", classes: "5А", subject: Математика, kind: контрольная работа}\n'


def located(result: BuildResult) -> list[tuple]:
    return [(issue.file.rsplit("/", 1)[-1], issue.line, issue.column, issue.path, issue.code, issue.message)
            for issue in result.issues]


def test_class_sets_that_cannot_be_read_are_located(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "14.10.2025", classes: "59", subject: Математика, kind: контрольная работа}
        - {date: "14.10.2025", classes: "9-5", subject: Математика, kind: контрольная работа}
        - {date: "14.10.2025", classes: "5А, пятый", subject: Математика, kind: контрольная работа}
        - {window: {start: "17.10.2025", end: "13.10.2025"}, classes: "5", subject: Математика, kind: ВПР}
        - {date: "14.10.2025", classes: "5-12", subject: Математика, kind: ВПР}
    """, header=HEADER)
    assert located(result) == [
        ("procedures.yaml", 2, 33, "procedures[0].classes", "", "«59»: параллели 59 нет — бывают с 1 по 11 (диапазон пишется через дефис: 5-9)"),
        ("procedures.yaml", 3, 33, "procedures[1].classes", "", "«9-5»: диапазон параллелей идёт от меньшей к большей, например 5-9"),
        ("procedures.yaml", 4, 33, "procedures[2].classes", "", "«пятый» не похоже на класс: пишите 5А (класс), 5 или «5-е классы» (параллель), 5-9 (параллели с 5 по 9), через запятую: «5–7, 9»"),
        ("procedures.yaml", 5, 12, "procedures[3].window", "", "срок проведения: окончание 13.10.2025 не позже начала 17.10.2025 — для одного дня пишите date"),
        ("procedures.yaml", 6, 33, "procedures[4].classes", "", "«5-12»: параллели 12 нет — бывают с 1 по 11 (диапазон пишется через дефис: 5-9)"),
    ]


SHAPES = """procedures:
- {classes: "5", subject: Математика, kind: ВПР}
- {date: "20.04.2026", window: {start: "13.04.2026", end: "17.04.2026"}, classes: "5", subject: Математика, kind: ВПР}
- {date: "21.04.2026", classes: "5", subject: Математика, subjects: [Русский язык, Математика], kind: комплексная работа}
- {date: "22.04.2026", classes: "5", subjects: [Математика], kind: комплексная работа}
- {date: "23.04.2026", classes: "5", kind: ВПР}
- {date: "24.04.2026", classes: "6", subject: Химия, subject_later: {label: "Предмет 1", choices: [История, Биология]}, kind: ВПР}
- {window: {start: "20.05.2026", end: "05.06.2026"}, classes: "7", subject: Математика, kind: ВПР}
- {window: {start: "23.03.2026", end: "03.04.2026"}, classes: "7", subject: Русский язык, kind: ВПР}
- {window: {start: "13.04.2026", end: "17.04.2026"}, classes: "9", subjects: [Русский язык, Химия], kind: комплексная работа}
- {window: {start: "13.04.2026", end: "17.04.2026"}, classes: "9", subject_later: {label: "Предмет 2", choices: [Биологя]}, kind: ВПР}
- {classes: "8-9-е", subject: Математика, kind: ВПР, date: "15.04.2026"}
- {classes: "8", subject: Математика, kind: ВПР, date: "16.04.2026"}
"""


def test_fields_that_only_make_sense_together_and_windows_are_checked(tmp_path: Path) -> None:
    root = make_school(tmp_path, OK, header=HEADER)
    (root / "content/schedules/2025-2026/more.yaml").write_text(SHAPES, encoding="utf-8")
    result = generate_on_school_day(root)
    assert located(result) == [
        ("more.yaml", 2, 3, "procedures[0].date", "", "не указана дата работы"),
        ("more.yaml", 3, 10, "procedures[1].date", "", "дата 20.04.2026 вне срока проведения 13.04.2026 – 17.04.2026"),
        ("more.yaml", 4, 69, "procedures[2].subjects", "", "указаны и subject, и subjects"),
        ("more.yaml", 5, 48, "procedures[3].subjects", "", "в комплексной работе (subjects) указан один предмет"),
        ("more.yaml", 6, 3, "procedures[4].subject", "", "не указан предмет"),
        ("more.yaml", 7, 47, "procedures[5].subject", "", "«Химия» нет среди предметов на выбор: История, Биология"),
        ("more.yaml", 8, 12, "procedures[6].window", "schedule.school_day", "срок проведения 20.05.2026 – 05.06.2026 выходит за учебный год (01.09.2025 – 26.05.2026)"),
        ("more.yaml", 9, 12, "procedures[7].window", "schedule.school_day", "срок проведения 23.03.2026 – 03.04.2026 начинается в каникулы: 23.03.2026 — весенние каникулы"),
        ("more.yaml", 10, 78, "procedures[8].subjects", "schedule.known_subject", "предмета «Химия» нет в учебном плане (hours в schedule.yaml)"),
        ("more.yaml", 11, 83, "procedures[9].subject_later", "schedule.known_subject", "предмета «Биологя» нет в учебном плане (hours в schedule.yaml)"),
        # «8-9-е»: a range may include a parallel the school lacks; «8» written alone may not.
        ("more.yaml", 13, 13, "procedures[11].classes", "schedule.known_class", "в параллели 8 нет классов"),
    ]
    hints = [issue.hint for issue in result.issues]
    assert hints[0] == 'date: "14.10.2025" — или срок проведения: window: {start: "11.04.2026", end: "15.04.2026"}'
    assert hints[4].startswith("subject: Математика; для комплексной работы — subjects: [Русский язык, Математика]")
    assert hints[9] == "возможно, вы имели в виду «Биология»"


def test_rules_that_need_a_day_skip_a_window_without_one(tmp_path: Path) -> None:
    # The window overlaps a dated work of the same subject and day: no conflict until the school picks its day.
    result = build(tmp_path, """\
        - {window: {start: "13.10.2025", end: "17.10.2025"}, classes: "5А", subject: Математика, kind: ВПР, lesson: 1}
        - {date: "14.10.2025", classes: "5А", subject: Математика, kind: контрольная работа}
    """, header=HEADER)
    assert result.issues == []


def test_a_day_picked_within_the_window_is_checked_like_any_date(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "14.10.2025", window: {start: "13.10.2025", end: "17.10.2025"}, classes: "5А", subject: Математика, kind: ВПР}
        - {date: "14.10.2025", classes: "5А", subject: Русский язык, kind: диктант}
        - {date: "20.10.2025", classes: "5А", subject: Математика, kind: контрольная работа}
    """, header=HEADER)
    assert [(i.code, i.line, i.message) for i in result.issues] == [
        ("schedule.one_per_day", 3, "5А, 14.10.2025: вторая оценочная процедура в один день — русский язык (диктант); "
                                    "уже есть: математика (ВПР, procedures.yaml:2)"),
        ("schedule.frequency", 4, "5А, математика: между работами 14.10.2025 (procedures.yaml:2) и 20.10.2025 6 дней, "
                                  "а нужно не меньше 17 (2,5 недели)"),
    ]


def test_a_complex_work_counts_for_each_of_its_subjects(tmp_path: Path) -> None:
    # Окружающий мир in grade 4: 68 hours → 6 lessons; six works of its own plus the complex work is seven.
    own = "".join(f'- {{date: "{day}", classes: "4А", subject: Окружающий мир, kind: проверочная работа}}\n'
                  for day in ("08.09.2025", "29.09.2025", "20.10.2025", "10.11.2025", "01.12.2025", "22.12.2025"))
    result = build(tmp_path, own + '- {date: "10.02.2026", classes: "4", subjects: [Русский язык, Окружающий мир], '
                   'kind: комплексная работа}\n', header=HEADER)
    [issue] = result.issues
    assert (issue.code, issue.line, issue.path) == ("schedule.ten_percent", 8, "procedures[6].subjects")
    assert issue.message == ("4А, окружающий мир: на оценочные процедуры уходит 7 уроков из 68 за год (10%), "
                             "а можно не больше 10% — 6 уроков")


def test_a_window_counts_towards_the_ten_percent(tmp_path: Path) -> None:
    # Биология in grade 5: 34 hours → 3 lessons.
    result = build(tmp_path, """\
        - {date: "08.09.2025", classes: "5А", subject: Биология, kind: проверочная работа}
        - {date: "20.10.2025", classes: "5А", subject: Биология, kind: проверочная работа}
        - {date: "08.12.2025", classes: "5А", subject: Биология, kind: проверочная работа}
        - {window: {start: "13.04.2026", end: "15.05.2026"}, classes: "5", subject: Биология, kind: ВПР}
    """, header=HEADER)
    assert [(i.code, i.line) for i in coded(result, "schedule.ten_percent")] == [("schedule.ten_percent", 5)]
