"""The official rules for a schedule of assessment procedures.

Source: joint letter of Минпросвещения № СК-228/03 and Рособрнадзор № 01-169/08-01 of 06.08.2021,
«Рекомендации … по основным подходам к формированию графика проведения оценочных процедур»
(../shared/reference/regulations.md §6; its items are cited below as «§6.N»).
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
from collections import defaultdict
from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.schedule.assemble import WEEKDAYS, Placed, YearSchedule, grade_of
from oko.ru import count, short_date

LETTER = "письмо Минпросвещения и Рособрнадзора от 06.08.2021 № СК-228/03, 01-169/08-01"
MIN_GAP_DAYS = 17  # «не чаще 1 раза в 2,5 недели» (§6.2); schools read it as «через 17 дней»
MAX_SHARE = 0.10  # «не должен превышать 10%» of the subject's annual hours in the grade (§6.3)
MIN_MINUTES = 30  # shorter checks are not assessment procedures (§6.1)
WEEKS_A_YEAR = 34  # ≤ 34 hours a year is ≤ 1 lesson a week (the exception of §6.5)


def known_subjects(schedule: YearSchedule) -> Iterator[Issue]:
    """Every subject is one of the curriculum's (`hours`), taught in every grade it is set for.

    A complex work is checked for each of its subjects; a subject assigned later, for each of its choices.
    """
    for placed in schedule.procedures:
        procedure = placed.procedure
        field_name = "subjects" if procedure.subjects else "subject"
        for subject in procedure.all_subjects:
            yield from _known(schedule, placed, subject, field_name, check_grades=True)
        if procedure.subject_later and not procedure.subject:
            for subject in procedure.subject_later.choices:
                yield from _known(schedule, placed, subject, "subject_later", check_grades=False)


def _known(schedule: YearSchedule, placed: Placed, subject: str, field_name: str, *,
           check_grades: bool) -> Iterator[Issue]:
    if subject not in schedule.header.annual_hours:
        close = difflib.get_close_matches(subject, list(schedule.header.annual_hours), n=1, cutoff=0.6)
        yield placed.issue(
            f"предмета «{subject}» нет в учебном плане (hours в schedule.yaml)", field_name,
            hint=f"возможно, вы имели в виду «{close[0]}»" if close else "добавьте предмет и его часы в hours",
            code="schedule.known_subject")
        return
    grades = sorted({grade_of(name) for name in placed.classes})
    missing = [grade for grade in grades if schedule.annual_hours(subject, grade) is None] if check_grades else []
    if missing:
        yield placed.issue(
            f"для предмета «{subject}» не указаны часы в {_grades(missing)}", field_name,
            hint=f"добавьте в hours → {subject} → grades строку - {{grade: {missing[0]}, hours: …}}",
            code="schedule.known_subject")


def school_days_only(schedule: YearSchedule) -> Iterator[Issue]:
    """Procedures fall inside the academic year, on school days, never in holidays (§7: nor in holidays).

    A window (no day chosen yet, or chosen within it) must lie within the year and neither start nor end
    in holidays; the day itself is checked once the school writes `date`.
    """
    for placed in schedule.procedures:
        procedure = placed.procedure
        if procedure.window is not None:
            yield from _window_days(schedule, placed)
        if procedure.date is not None:
            yield from _school_day(schedule, placed, procedure.date)


def _school_day(schedule: YearSchedule, placed: Placed, day: dt.date) -> Iterator[Issue]:
    header, code = schedule.header, "schedule.school_day"
    if not header.first_day <= day <= header.last_day:
        yield placed.issue(
            f"{short_date(day)} — вне учебного года ({short_date(header.first_day)} – "
            f"{short_date(header.last_day)})", "date", code=code)
    elif holiday := schedule.holiday_on(day):
        yield placed.issue(f"{short_date(day)} — {holiday.name.lower()}: в этот день нет уроков", "date", code=code)
    elif schedule.is_weekend(day):
        yield placed.issue(f"{short_date(day)} — {WEEKDAYS[day.weekday()]}, выходной день", "date", code=code)
    elif schedule.period_of(day) is None:
        yield placed.issue(f"{short_date(day)} не входит ни в один учебный период", "date", code=code,
                           hint="проверьте даты периодов (periods) в schedule.yaml")


def _window_days(schedule: YearSchedule, placed: Placed) -> Iterator[Issue]:
    header, window, code = schedule.header, placed.procedure.window, "schedule.school_day"
    assert window is not None
    shown = f"срок проведения {short_date(window.start)} – {short_date(window.end)}"
    if window.start < header.first_day or window.end > header.last_day:
        yield placed.issue(f"{shown} выходит за учебный год ({short_date(header.first_day)} – "
                           f"{short_date(header.last_day)})", "window", code=code)
        return
    for end, day in (("начинается", window.start), ("заканчивается", window.end)):
        if holiday := schedule.holiday_on(day):
            yield placed.issue(f"{shown} {end} в каникулы: {short_date(day)} — {holiday.name.lower()}", "window",
                               code=code, hint="проверьте срок по документу, который его установил")


def one_procedure_per_day(schedule: YearSchedule) -> Iterator[Issue]:
    """«Не проводить для обучающихся одного класса более одной оценочной процедуры в день» (§6.4)."""
    by_day: dict[tuple[str, object], list[Placed]] = defaultdict(list)
    for placed in schedule.procedures:
        if placed.procedure.date is None:
            continue  # a window without a day yet: checked once the school picks the day
        for name in placed.classes:
            by_day[(name, placed.procedure.date)].append(placed)
    for (name, day), same_day in by_day.items():
        for extra in same_day[1:]:
            others = ", ".join(p.describe() for p in same_day if p is not extra)
            yield extra.issue(
                f"{name}, {short_date(day)}: вторая оценочная процедура в один день — "
                f"{extra.procedure.subject_text.lower()} ({extra.procedure.kind.label}); уже есть: {others}",
                "date", hint=f"перенесите одну из работ на другой день ({LETTER})", code="schedule.one_per_day")


def not_too_often(schedule: YearSchedule) -> Iterator[Issue]:
    """«По каждому учебному предмету в одной параллели не чаще 1 раза в 2,5 недели» (§6.2), checked per class."""
    for name, subject, placed_list in _by_class_and_subject(schedule):
        dated = [placed for placed in placed_list if placed.procedure.date is not None]
        for earlier, later in itertools.pairwise(dated):
            gap = (later.procedure.first_day - earlier.procedure.first_day).days
            if gap < MIN_GAP_DAYS:
                yield later.issue(
                    f"{name}, {subject.lower()}: между работами {short_date(earlier.procedure.first_day)} "
                    f"({earlier.where}) и {short_date(later.procedure.first_day)} "
                    f"{count(gap, 'день', 'дня', 'дней')}, а нужно не меньше {MIN_GAP_DAYS} (2,5 недели)",
                    "date", hint=f"по одному предмету — не чаще раза в 2,5 недели ({LETTER})",
                    code="schedule.frequency")


def at_most_ten_percent(schedule: YearSchedule) -> Iterator[Issue]:
    """Time on procedures ≤ 10% of the subject's annual hours in the grade (§6.3), per class."""
    for name, subject, placed_list in _by_class_and_subject(schedule):
        hours = schedule.annual_hours(subject, grade_of(name))
        if not hours:
            continue  # reported by known_subjects
        lessons = sum(p.procedure.lessons for p in placed_list)
        if lessons > MAX_SHARE * hours:
            allowed = int(MAX_SHARE * hours)
            yield placed_list[-1].issue(
                f"{name}, {subject.lower()}: на оценочные процедуры уходит "
                f"{count(lessons, 'урок', 'урока', 'уроков')} из {hours} за год ({lessons / hours:.0%}), "
                f"а можно не больше 10% — {count(allowed, 'урок', 'урока', 'уроков')}",
                "subjects" if placed_list[-1].procedure.subjects else "subject",
                hint=f"уберите или объедините работы ({LETTER})", code="schedule.ten_percent")


def not_first_or_last_lesson(schedule: YearSchedule) -> Iterator[Issue]:
    """Not on the first or last lesson, unless the subject has ≤ 1 lesson a week (§6.5)."""
    lessons_per_day = schedule.header.lessons_by_grade
    for placed in schedule.procedures:
        lesson, day = placed.procedure.lesson, placed.procedure.date
        if lesson is None or day is None:
            continue
        for name in placed.classes:
            grade = grade_of(name)
            hours = [schedule.annual_hours(subject, grade) for subject in placed.procedure.all_subjects]
            if hours and all(h is not None and h <= WEEKS_A_YEAR for h in hours):
                continue  # a complex work is excepted only when each of its subjects is
            week = lessons_per_day.get(grade, [])
            last = week[day.weekday()] if day.weekday() < len(week) else None
            position = "первым" if lesson == 1 else "последним" if lesson == last else ""
            if position:
                yield placed.issue(
                    f"{name}, {short_date(day)}: работа стоит {position} уроком ({lesson}-й урок)", "lesson",
                    hint=f"первый и последний уроки — только для предметов с 1 уроком в неделю ({LETTER})",
                    code="schedule.lesson_position")
                break


def long_enough(schedule: YearSchedule) -> Iterator[Issue]:
    """A procedure lasts at least 30 minutes; shorter checks do not belong in the schedule (§6.1)."""
    for placed in schedule.procedures:
        if placed.procedure.duration < MIN_MINUTES:
            yield placed.issue(
                f"работа длится {placed.procedure.duration} мин: короче 30 минут — это не оценочная процедура",
                "duration", level="warning", hint="такие проверки в график не включают", code="schedule.duration")


def _by_class_and_subject(schedule: YearSchedule) -> Iterator[tuple[str, str, list[Placed]]]:
    groups: dict[tuple[str, str], list[Placed]] = defaultdict(list)
    for placed in schedule.procedures:
        for name in placed.classes:
            for subject in placed.procedure.all_subjects:  # a complex work counts for each of its subjects
                groups[(name, subject)].append(placed)
    for (name, subject), placed_list in groups.items():
        yield name, subject, sorted(placed_list, key=lambda p: p.procedure.first_day)


def _grades(grades: list[int]) -> str:
    return ("параллели " if len(grades) == 1 else "параллелях ") + ", ".join(map(str, grades))


RULE_CODES = {
    "schedule.known_class": "классы — из списка классов графика",
    "schedule.known_subject": "предметы — из учебного плана, с часами для параллели",
    "schedule.school_day": "даты — учебные дни внутри учебного года, не каникулы и не выходные",
    "schedule.one_per_day": "не больше одной оценочной процедуры в день для класса",
    "schedule.frequency": "по предмету — не чаще раза в 2,5 недели",
    "schedule.ten_percent": "на процедуры — не больше 10% часов предмета за год",
    "schedule.lesson_position": "не первым и не последним уроком (кроме предметов с 1 уроком в неделю)",
    "schedule.duration": "процедура длится не меньше 30 минут",
}

SCHEDULE_RULES = (
    known_subjects, school_days_only, one_procedure_per_day, not_too_often, at_most_ten_percent,
    not_first_or_last_lesson, long_enough,
)


def check_schedule(schedule: YearSchedule) -> list[Issue]:
    return [issue for rule in SCHEDULE_RULES for issue in rule(schedule)]
