"""The month calendar of the schedule (/schedule/<year>/calendar/…): month grids of school weekdays with each
day's procedures, holidays, and the windows that overlap the month (oko/kinds/schedule/views.py makes the pages)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from oko.kinds.schedule.assemble import Placed, YearSchedule


@dataclass
class Day:
    date: dt.date
    in_month: bool
    school_day: bool
    holiday: str = ""
    procedures: list[Placed] = field(default_factory=list)


@dataclass
class Month:
    year: int
    month: int
    weeks: list[list[Day]]
    windows: list[Placed] = field(default_factory=list)  # works held within a window that overlaps the month


def months(schedule: YearSchedule, class_name: str | None = None) -> list[Month]:
    """Month grids (weeks × school weekdays) from the first to the last school day, of the school or one class."""
    procedures = schedule.for_class(class_name) if class_name else schedule.procedures
    by_day: dict[dt.date, list[Placed]] = defaultdict(list)
    windows = [placed for placed in procedures if placed.procedure.date is None]
    for placed in procedures:
        if placed.procedure.date is not None:
            by_day[placed.procedure.date].append(placed)
    result = []
    year, month = schedule.header.first_day.year, schedule.header.first_day.month
    last = schedule.header.last_day
    while (year, month) <= (last.year, last.month):
        weeks = []
        for week in calendar.Calendar().monthdatescalendar(year, month):
            days = [_day(schedule, day, month, by_day[day]) for day in week[: schedule.header.week]]
            if any(day.in_month for day in days):
                weeks.append(days)
        result.append(Month(year, month, weeks, [placed for placed in windows if _overlaps(placed, year, month)]))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def _overlaps(placed: Placed, year: int, month: int) -> bool:
    start, end = placed.procedure.first_day, placed.procedure.last_day
    return (start.year, start.month) <= (year, month) <= (end.year, end.month)


def _day(schedule: YearSchedule, day: dt.date, month: int, procedures: list[Placed]) -> Day:
    holiday = schedule.holiday_on(day)
    school_day = schedule.period_of(day) is not None and holiday is None and not schedule.is_weekend(day)
    return Day(day, day.month == month, school_day, holiday.name if holiday else "", procedures)
