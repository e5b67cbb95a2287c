"""The parts of a deadline: kinds, relations, zones, offsets, (partial) dates and where they are written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from oko.models.deadline import days
from oko.ru import MONTHS_GENITIVE


class DeadlineKind(StrEnum):
    DATE = "date"  # «10.02.2026», «во вторую среду февраля»
    DATES = "dates"  # «3 и 4 июля», «2 февраля и 4 мая 2022 года»
    RANGE = "range"  # «10.02.2026 – 20.02.2026», «с 1 по 25 марта 2022 года»
    FROM = "from"  # «с 1 сентября 2025 г.»: an open end
    UNTIL = "until"  # «до 10.02.2026», «по 2 марта 2026 года включительно»
    MONTH = "month"  # «октябрь», «август 2022»
    MONTHS = "months"  # «январь, апрель»
    MONTH_RANGE = "month_range"  # «сентябрь – октябрь 2022»
    WEEK = "week"  # «вторая неделя октября»
    ACADEMIC_YEAR = "academic_year"  # «в течение года», «2023-2024 гг», «постоянно»
    YEARS = "years"  # «2014», «2011 - 2013 гг.»
    QUARTER = "quarter"  # «IV квартал», «4 квартал 2006 г.»
    HALF_YEAR = "half_year"  # «В I полугодии 2025-2026 учебного года»
    TIME = "time"  # «в 10:00 по местному времени», «с 9.00 до 17.00»
    RECURRING = "recurring"  # «ежегодно», «раз в квартал», «до 25 числа каждого месяца»
    RELATIVE = "relative"  # «перед началом процедуры», «не позднее чем за 2 недели до …»
    FREE = "free"  # anything else, shown verbatim


class Relation(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    DURING = "during"
    ACCORDING_TO = "according_to"
    ON_REQUEST = "on_request"
    AS_NEEDED = "as_needed"


class Anchor(StrEnum):
    START = "start"  # «до начала экзаменационного периода»
    END = "end"  # «после окончания процедуры», «по итогам»


class Zone(StrEnum):
    MOSCOW = "msk"  # «мск»: UTC+3 (Federal Law 107-FZ «Об исчислении времени», art. 5)
    LOCAL = "local"  # «по местному времени»: the school's own zone, no offset is written


class OffsetUnit(StrEnum):
    DAY = "day"
    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"
    WEEK = "week"
    MONTH = "month"


class Offset(BaseModel):
    """«за 2 недели», «1 рабочего дня», «накануне» (one day)."""

    model_config = ConfigDict(frozen=True)
    amount: int
    unit: OffsetUnit


class PartialDate(BaseModel):
    """A day, a month, or a day given by a rule («вторая среда февраля»); the year may come from the plan."""

    model_config = ConfigDict(frozen=True)
    year: int | None = None
    month: int
    day: int | None = None
    weekday: int | None = None  # ISO 1–7: written next to the date («(четверг)») or the rule's weekday
    nth: int | None = None  # «вторая среда» → 2, «последняя» → -1
    working: bool = False  # counted over working days: which day that is needs the production calendar
    week: int | None = None  # «вторая неделя октября» → 2

    def with_year(self, year: int) -> PartialDate:
        """The same date in a year; a rule's day («вторая среда») is counted in that year's calendar."""
        point = self.model_copy(update={"year": year})
        if point.nth is not None and point.weekday is not None and not point.working and point.day is None:
            point = point.model_copy(update={"day": days.nth_weekday(year, point.month, point.weekday, point.nth)})
        return point

    def as_date(self) -> dt.date | None:
        """The calendar date (first of the month for a month); None while the year is unknown."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month, self.day or 1)

    def iso(self) -> str:
        """The `<time datetime>` value: 2026-02-10, 2026-02, or the year-less --02-10 (--02 for a month)."""
        year = "-" if self.year is None else f"{self.year:04d}"
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def first_and_last_day(self) -> tuple[dt.date, dt.date] | None:
        """The days the point may mean: one day, or the whole month for a month, a week or a working-day rule."""
        if self.year is None:
            return None
        if self.day is not None:
            return dt.date(self.year, self.month, self.day), dt.date(self.year, self.month, self.day)
        return dt.date(self.year, self.month, 1), days.last_day_of_month(self.year, self.month)


class Span(BaseModel):
    """Where a date, a time or a year is written in the deadline's text (for `<time datetime>`)."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    point: int | None = None  # index in Deadline.points
    time: int | None = None  # index in Deadline.times
    year: int | None = None  # a year written alone («2011 - 2013 гг.»)


class Mark(BaseModel):
    """A piece of the text and its machine-readable value: `<time datetime="{iso}">{text[start:end]}</time>`."""

    model_config = ConfigDict(frozen=True)
    start: int
    end: int
    iso: str




def fill_years(points: list[PartialDate], year_of_first: Callable[[int], int] | None = None) -> list[PartialDate]:
    """Years written once serve their neighbours: «2 февраля и 4 мая 2022 года», «с 31 декабря 2025 года по 11 января».

    Moving right to left a point takes the next one's year (the year before when it falls later in the
    year); moving left to right, the previous one's (the year after when it falls earlier). When no
    point has a year, `year_of_first` gives the first one's and the rest follow it in order.
    """
    points = list(points)
    if year_of_first is not None and points and all(p.year is None for p in points):
        points[0] = points[0].with_year(year_of_first(points[0].month))
    for index in range(len(points) - 2, -1, -1):
        following = points[index + 1]
        if points[index].year is None and following.year is not None:
            later = _order(points[index]) > _order(following)
            points[index] = points[index].with_year(following.year - later)
    for index in range(1, len(points)):
        previous = points[index - 1]
        if points[index].year is None and previous.year is not None:
            earlier = _order(points[index]) < _order(previous)
            points[index] = points[index].with_year(previous.year + earlier)
    return points


def _order(point: PartialDate) -> tuple[int, int]:
    return point.month, point.day or 0


def point_name(point: PartialDate) -> str:
    """«30 февраля 2026 г.», «ноябрь 2022 г.» — how messages name a point."""
    year = f" {point.year} г." if point.year is not None else ""
    if point.day is not None:
        return f"{point.day} {MONTHS_GENITIVE[point.month - 1]}{year}"
    return f"{days.month_name(point.month)}{year}"
