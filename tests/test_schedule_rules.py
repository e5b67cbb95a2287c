"""Each rule of the schedule letter (06.08.2021) with data that breaks it and data that passes."""

from __future__ import annotations

from pathlib import Path

from tests.schedule_fixtures import build, coded

FILE = "content/schedules/2025-2026/procedures.yaml"


def test_a_valid_schedule_has_no_issues(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "5", subject: Математика, kind: контрольная работа, lesson: 2}
        - {date: "16.09.2025", classes: "5А, 6А", subject: Русский язык, kind: диктант}
        - {date: "02.10.2025", classes: "5", subject: Математика, kind: контрольная работа}
        - {date: "05.09.2025", classes: 5А, subject: Музыка, kind: тестирование, lesson: 1}
    """)
    assert result.issues == []


def test_one_procedure_per_day_for_a_class(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "5", subject: Математика, kind: контрольная работа}
        - {date: "15.09.2025", classes: "5Б", subject: Русский язык, kind: диктант}
    """)
    [issue] = coded(result, "schedule.one_per_day")
    assert (issue.file, issue.line, issue.column, issue.level) == (FILE, 3, 10, "error")
    assert issue.message == ("5Б, 15.09.2025: вторая оценочная процедура в один день — русский язык (диктант); "
                             "уже есть: математика (контрольная работа, procedures.yaml:2)")


def test_one_procedure_per_day_passes_for_different_classes(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "5А", subject: Математика, kind: контрольная работа}
        - {date: "15.09.2025", classes: "5Б", subject: Русский язык, kind: диктант}
    """)
    assert coded(result, "schedule.one_per_day") == []


def test_not_more_often_than_every_two_and_a_half_weeks(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "6А", subject: Математика, kind: контрольная работа}
        - {date: "01.10.2025", classes: "6А", subject: Математика, kind: проверочная работа}
    """)
    [issue] = coded(result, "schedule.frequency")
    assert (issue.line, issue.path) == (3, "procedures[1].date")
    assert issue.message == ("6А, математика: между работами 15.09.2025 (procedures.yaml:2) и 01.10.2025 "
                             "16 дней, а нужно не меньше 17 (2,5 недели)")


def test_seventeen_days_apart_is_allowed(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "6А", subject: Математика, kind: контрольная работа}
        - {date: "02.10.2025", classes: "6А", subject: Математика, kind: проверочная работа}
    """)
    assert coded(result, "schedule.frequency") == []


def test_at_most_ten_percent_of_the_annual_hours(tmp_path: Path) -> None:
    # Музыка: 34 hours a year → 3 lessons; four 45-minute works (far enough apart) are one too many.
    result = build(tmp_path, """\
        - {date: "08.09.2025", classes: 5А, subject: Музыка, kind: тестирование}
        - {date: "29.09.2025", classes: 5А, subject: Музыка, kind: тестирование}
        - {date: "20.10.2025", classes: 5А, subject: Музыка, kind: тестирование}
        - {date: "10.11.2025", classes: 5А, subject: Музыка, kind: тестирование}
    """)
    [issue] = coded(result, "schedule.ten_percent")
    assert (issue.line, issue.path) == (5, "procedures[3].subject")
    assert issue.message == ("5А, музыка: на оценочные процедуры уходит 4 урока из 34 за год (12%), "
                             "а можно не больше 10% — 3 урока")


def test_ten_percent_counts_lessons_not_entries(tmp_path: Path) -> None:
    passing = build(tmp_path / "a", """\
        - {date: "08.09.2025", classes: 5А, subject: Музыка, kind: тестирование, duration: 2 урока}
        - {date: "29.09.2025", classes: 5А, subject: Музыка, kind: тестирование}
    """)
    failing = build(tmp_path / "b", """\
        - {date: "08.09.2025", classes: 5А, subject: Музыка, kind: тестирование, duration: 90}
        - {date: "29.09.2025", classes: 5А, subject: Музыка, kind: тестирование, duration: 90}
    """)
    assert coded(passing, "schedule.ten_percent") == []
    assert "4 урока из 34" in coded(failing, "schedule.ten_percent")[0].message


def test_not_on_the_first_or_last_lesson(tmp_path: Path) -> None:
    # 16.09.2025 is a Tuesday: 5th grade has 6 lessons then.
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "5А", subject: Математика, kind: контрольная работа, lesson: 1}
        - {date: "16.09.2025", classes: "5Б", subject: Русский язык, kind: диктант, lesson: 6}
        - {date: "17.09.2025", classes: "5Б", subject: Математика, kind: контрольная работа, lesson: 5}
    """)
    issues = coded(result, "schedule.lesson_position")
    assert [(i.line, i.message) for i in issues] == [
        (2, "5А, 15.09.2025: работа стоит первым уроком (1-й урок)"),
        (3, "5Б, 16.09.2025: работа стоит последним уроком (6-й урок)"),
        (4, "5Б, 17.09.2025: работа стоит последним уроком (5-й урок)"),
    ]
    assert all(i.path.endswith(".lesson") for i in issues)


def test_first_lesson_is_allowed_for_a_subject_with_one_lesson_a_week(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "5А", subject: Музыка, kind: тестирование, lesson: 1}
    """)
    assert coded(result, "schedule.lesson_position") == []


def test_dates_must_be_school_days(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "20.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
        - {date: "28.10.2025", classes: 5А, subject: Русский язык, kind: диктант}
        - {date: "15.06.2026", classes: 5А, subject: Музыка, kind: тестирование}
        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: контрольная работа}
    """)
    messages = [(i.line, i.message) for i in coded(result, "schedule.school_day")]
    assert messages == [
        (2, "20.09.2025 — суббота, выходной день"),
        (3, "28.10.2025 — осенние каникулы: в этот день нет уроков"),
        (4, "15.06.2026 — вне учебного года (01.09.2025 – 26.12.2025)"),
    ]


def test_unknown_classes_and_subjects(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: "5В", subject: Математика, kind: контрольная работа}
        - {date: "16.09.2025", classes: "7", subject: Математика, kind: контрольная работа}
        - {date: "17.09.2025", classes: "5А", subject: Матиматика, kind: контрольная работа}
        - {date: "18.09.2025", classes: "6А", subject: Музыка, kind: тестирование}
    """, header=HEADER_WITHOUT_MUSIC_IN_6)
    classes = coded(result, "schedule.known_class")
    assert [(i.line, i.message) for i in classes] == [
        (2, "класса «5В» нет в списке классов"), (3, "в параллели 7 нет классов"),
    ]
    assert classes[0].hint in ("возможно, вы имели в виду «5А»", "возможно, вы имели в виду «5Б»")
    subjects = coded(result, "schedule.known_subject")
    assert [(i.line, i.message, i.hint) for i in subjects] == [
        (4, "предмета «Матиматика» нет в учебном плане (hours в schedule.yaml)",
         "возможно, вы имели в виду «Математика»"),
        (5, "для предмета «Музыка» не указаны часы в параллели 6",
         "добавьте в hours → Музыка → grades строку - {grade: 6, hours: …}"),
    ]


HEADER_WITHOUT_MUSIC_IN_6 = __import__("tests.schedule_fixtures", fromlist=["HEADER"]).HEADER.replace(
    "grades: [{grade: 5, hours: 34}, {grade: 6, hours: 34}]", "grades: [{grade: 5, hours: 34}]")


def test_short_checks_are_warned_about(tmp_path: Path) -> None:
    result = build(tmp_path, """\
        - {date: "15.09.2025", classes: 5А, subject: Математика, kind: тестирование, duration: 20}
    """)
    [issue] = coded(result, "schedule.duration")
    assert issue.level == "warning"
    assert issue.message == "работа длится 20 мин: короче 30 минут — это не оценочная процедура"


def test_severity_is_configurable_in_site_config(tmp_path: Path) -> None:
    procedures = """\
        - {date: "15.09.2025", classes: "6А", subject: Математика, kind: контрольная работа}
        - {date: "01.10.2025", classes: "6А", subject: Математика, kind: проверочная работа}
    """
    warned = build(tmp_path / "a", procedures, config_extra="rules:\n  schedule.frequency: warning\n")
    assert [i.level for i in coded(warned, "schedule.frequency")] == ["warning"]
    assert not warned.failed()
    silenced = build(tmp_path / "b", procedures, config_extra="rules:\n  schedule.frequency: off\n")
    assert silenced.issues == []
    typo = build(tmp_path / "c", procedures, config_extra="rules:\n  schedule.frequncy: off\n")
    [issue] = [i for i in typo.issues if i.file == "site_config.yaml"]
    assert (issue.line, issue.message, issue.hint) == (
        4, "правила «schedule.frequncy» нет", "возможно, вы имели в виду «schedule.frequency»")


def test_the_year_folder_must_match_the_header(tmp_path: Path) -> None:
    result = build(tmp_path, "  - {date: \"15.09.2025\", classes: 5А, subject: Музыка, kind: тестирование}\n",
                   header=__import__("tests.schedule_fixtures", fromlist=["HEADER"]).HEADER.replace(
                       '"2025-2026"', '"2024-2025"'))
    messages = [i.message for i in result.issues if i.file.endswith("schedule.yaml")]
    assert "учебный год «2024/2025» не совпадает с именем папки «2025-2026»" in messages
