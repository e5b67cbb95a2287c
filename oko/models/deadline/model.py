"""The typed deadline: what a parsed «срок» holds, how the plan fills its years, what is impossible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from oko.models.deadline import days
from oko.models.deadline.parts import (
    Anchor,
    DeadlineKind,
    Mark,
    Offset,
    PartialDate,
    Relation,
    Span,
    Zone,
    fill_years,
    point_name,
)
from oko.ru import MONTHS_GENITIVE

_SAME_YEAR = frozenset({DeadlineKind.QUARTER, DeadlineKind.HALF_YEAR, DeadlineKind.WEEK})
_ORDERED = frozenset({DeadlineKind.RANGE, DeadlineKind.MONTH_RANGE, DeadlineKind.RECURRING})
_MOSCOW_OFFSET = "+03:00"
REVERSED = "конец периода раньше его начала"
HINTS = {REVERSED: "даты периода пишутся по порядку: сначала начало, потом конец, например «с 10 по 20 мая»"}


class Deadline(BaseModel):
    """A parsed deadline; `text` is what the author wrote, the other fields what it means."""

    model_config = ConfigDict(frozen=True)
    text: str
    kind: DeadlineKind
    points: tuple[PartialDate, ...] = ()
    start_year: int | None = None  # «2023-2024» (its first year), «2011 - 2013 гг.», «ежегодно с 2024 года»
    end_year: int | None = None  # YEARS: the last year
    part: int | None = None  # QUARTER 1–4, HALF_YEAR 1–2
    inclusive: bool = False  # the last day counts: «включительно», «не позднее …», «по …»
    approximate: bool = False  # «ориентировочно 20 сентября»
    any_day: bool = False  # «(в любой день указанного периода)»
    times: tuple[dt.time, ...] = ()  # «до 18:00 мск»; two for hours «с 9.00 до 17.00»
    zone: Zone | None = None
    period: str = ""  # RECURRING: год, полугодие, квартал, четверть, месяц, неделя
    by_day: int | None = None  # RECURRING «до 25 числа каждого месяца»
    following: bool = False  # «… месяца, следующего за отчетным периодом»
    relation: Relation | None = None
    anchor: Anchor | None = None  # the event's start or end
    offset: Offset | None = None  # «за 2 недели», «1 рабочего дня»
    event: str = ""  # as written: «проведения оценочной процедуры»
    spans: tuple[Span, ...] = ()  # where the dates, times and years are written in `text`

    @property
    def is_dated(self) -> bool:
        return bool(self.marks())

    def resolved(self, year_of_month: Callable[[int], int]) -> Deadline:
        """Fill missing years from the plan: year_of_month(month) says which year a month means there.

        A range follows its first month («с 20 июля по 10 августа» stays in one summer); a quarter, a
        half-year or a week keeps its months in one year; each item of a list is placed on its own.
        """
        if all(point.year is not None for point in self.points):
            return self
        points = list(self.points)
        if self.kind in _SAME_YEAR:
            year = year_of_month(points[0].month)
            points = [p if p.year is not None else p.with_year(year) for p in points]
        elif self.kind in _ORDERED:
            points = fill_years(points, year_of_month)
        else:
            points = [p if p.year is not None else p.with_year(year_of_month(p.month)) for p in points]
        return self.model_copy(update={"points": tuple(points)})

    def problem(self) -> str:
        """Why the deadline is impossible (30 February, a wrong weekday, end before start), or ''."""
        for index, point in enumerate(self.points):
            problem = _point_problem(point, self._written(index))
            if problem:
                return problem
        if self.kind in _ORDERED and len(self.points) == 2 and _ends_before_start(*self.points):
            return REVERSED
        if self.kind == DeadlineKind.YEARS and self.end_year is not None and self.end_year < (self.start_year or 0):
            return REVERSED
        return ""

    def marks(self) -> tuple[Mark, ...]:
        """The pieces of `text` that are dates, times or years, with their `<time datetime>` values."""
        marks = [Mark(start=s.start, end=s.end, iso=iso) for s in self.spans if (iso := self._iso(s))]
        return tuple(sorted(marks, key=lambda mark: mark.start))

    def pieces(self) -> tuple[tuple[str, str], ...]:
        """The text cut at its marks, as (text, iso) pairs, iso '' between them: what a template renders
        as `<time datetime="{iso}">{text}</time>` or plain text, so the page shows the words as written."""
        pieces, position = [], 0
        for mark in self.marks():
            pieces += [(self.text[position:mark.start], ""), (self.text[mark.start:mark.end], mark.iso)]
            position = mark.end
        pieces.append((self.text[position:], ""))
        return tuple(piece for piece in pieces if piece[0])

    def iso_dates(self) -> tuple[str, ...]:
        """The machine-readable values in the order they are written: «2026-02-10», «2020-02-20T18:00+03:00»."""
        return tuple(mark.iso for mark in self.marks())

    def _iso(self, span: Span) -> str:
        if span.year is not None:
            return f"{span.year:04d}"
        time = self.times[span.time].strftime("%H:%M") if span.time is not None else ""
        if span.point is None:
            return time
        point = self.points[span.point]
        if point.year is None and point.day is None:
            return ""  # a month of an unknown year has no HTML form
        if time and point.year is not None and point.day is not None:
            return f"{point.iso()}T{time}{_MOSCOW_OFFSET if self.zone == Zone.MOSCOW else ''}"
        return time or point.iso()

    def _written(self, index: int) -> str:
        """How the author wrote point `index` (for messages), or its name."""
        for span in self.spans:
            if span.point == index and span.time is None:
                return self.text[span.start:span.end]
        return point_name(self.points[index])


def _point_problem(point: PartialDate, written: str) -> str:
    if point.year is None:
        return ""
    if point.day is not None:
        try:
            date = dt.date(point.year, point.month, point.day)
        except ValueError:
            return f"такой даты нет в календаре: {point_name(point)}"
        return _weekday_problem(point, date, written)
    if point.nth is not None and point.weekday is not None and not point.working:
        return days.no_such_weekday(point.year, point.month, point.weekday, point.nth)
    return ""


def _weekday_problem(point: PartialDate, date: dt.date, written: str) -> str:
    if point.weekday is None or date.isoweekday() == point.weekday:
        if point.nth is None or point.working:
            return ""
        expected = days.nth_weekday(point.year or date.year, point.month, point.weekday, point.nth)
        if expected == point.day:
            return ""
        month = MONTHS_GENITIVE[point.month - 1]
        return f"«{written}» — это {expected} {month}, а в скобках {point.day} {month}"
    actual = days.weekday_name(date.isoweekday())
    return f"{point_name(point)} — {actual}, а не {days.weekday_name(point.weekday)}"


def _ends_before_start(start: PartialDate, end: PartialDate) -> bool:
    """Whether the end is earlier. Without years only within one month: «с 20 по 10 мая» is reversed,
    while «с 25 декабря по 10 января» crosses the new year (the plan gives the years)."""
    if start.year is None or end.year is None:
        return start.year == end.year and start.month == end.month and (end.day or 0) < (start.day or 0)
    return (end.year, end.month, end.day or 0) < (start.year, start.month, start.day or 0)
