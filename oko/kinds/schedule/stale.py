"""A warning when the newest schedule's academic year is over: the site then shows no current schedule.

The only rule of Око that looks at the calendar. It is judged by the build date and is a warning,
never an error (a school's site keeps publishing over the summer), and it changes no output byte:
the pages stay the same whatever day they are built. The date comes from the clock, or from the
OKO_BUILD_DATE environment variable (YYYY-MM-DD), so tests and a school can check any day.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from oko.errors import Issue
from oko.kinds.schedule.assemble import YearSchedule
from oko.ru import short_date

BUILD_DATE_VARIABLE = "OKO_BUILD_DATE"
CODE = "schedule.current_year"
RULE_CODES = {CODE: "есть график текущего учебного года (предупреждение, по дате проверки)"}
# An academic year runs from 1 September to 31 August (AcademicYear; the order of Минпросвещения of
# 22.03.2021 № 115: «учебный год … начинается 1 сентября»), whatever the school's last lesson day.
YEAR_START_MONTH = 9


def build_date(environ: Mapping[str, str] | None = None) -> tuple[dt.date, list[Issue]]:
    """Today, or OKO_BUILD_DATE; a value that is no date is reported and the clock is used."""
    value = (os.environ if environ is None else environ).get(BUILD_DATE_VARIABLE, "").strip()
    if not value:
        return dt.date.today(), []
    try:
        return dt.date.fromisoformat(value), []
    except ValueError:
        return dt.date.today(), [Issue(
            "warning", BUILD_DATE_VARIABLE, f"переменная окружения {BUILD_DATE_VARIABLE}=«{value}» — не дата",
            hint=f"пишите дату как ГГГГ-ММ-ДД, например {BUILD_DATE_VARIABLE}=2026-12-01; "
                 "пока проверка идёт по сегодняшней дате")]


def academic_year_of(day: dt.date) -> int:
    """The first calendar year of the academic year `day` falls in: 1 December 2026 → 2026 (2026-2027)."""
    return day.year if day.month >= YEAR_START_MONTH else day.year - 1


def stale_year(schedules: Mapping[str, YearSchedule], today: dt.date) -> list[Issue]:
    """The newest year's schedule.yaml is warned about once its academic year has ended."""
    if not schedules:
        return []
    newest = schedules[max(schedules)]
    end = newest.header.academic_year.last_day
    if today <= end:
        return []
    start = academic_year_of(today)
    current = f"{start}-{start + 1}"
    return [newest.header_entry.doc.issue(
        f"учебный год {newest.header.academic_year} закончился {short_date(end)}, а графика на "
        f"{current.replace('-', '/')} учебный год нет: главная страница и страницы классов не покажут "
        "ближайших работ", ("academic_year",), level="warning", code=CODE,
        hint=f"добавьте папку content/schedules/{current}/ с файлом schedule.yaml (периоды, каникулы, классы, "
             f"часы) и процедурами; проверено на {short_date(today)}")]


def check_current_year(schedules: Mapping[str, YearSchedule]) -> list[Issue]:
    today, issues = build_date()
    return issues + stale_year(schedules, today)
