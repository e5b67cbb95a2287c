"""The forms of grammar.lark (a date, a range, a quarter, a rule relative to an event …) as Deadline fields."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lark import Token, v_args

from oko.models.deadline import lexicon
from oko.models.deadline.build import (
    Clock,
    Draft,
    Event,
    ImpossibleDateError,
    NotADeadlineError,
    Pieces,
    Point,
    Year,
    checked_year,
    first,
    named,
    of,
    where,
)
from oko.models.deadline.parts import (
    Anchor,
    DeadlineKind,
    Offset,
    OffsetUnit,
    PartialDate,
    Relation,
)

K = DeadlineKind
_PERIODS = {"every_year": "год", "every_quarter": "квартал", "every_half": "полугодие",
            "every_term": "четверть", "every_month": "месяц", "every_week": "неделя"}
_QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}
_SCHOOL_HALVES = {1: (9, 12), 2: (1, 5)}  # the first half-year runs September–December, the second January–May
_CALENDAR_HALVES = {1: (1, 6), 2: (7, 12)}


@dataclass
class YearPair:
    """«2023-2024», «2011 - 2013», «2023/24»: two years as written."""

    first: Year
    last: Year

    @property
    def consecutive(self) -> bool:
        return self.last.value == (self.first.value or 0) + 1


@v_args(inline=False)
class Forms(Pieces):
    """Each method returns a Draft of one form; `start` adds «ориентировочно»."""

    def start(self, children: list[Any]) -> Draft:
        draft: Draft = children[-1]
        draft.fields["approximate"] = named(children, "approx")
        return draft

    # ---------------------------------------------------------------- days
    def date_form(self, children: list[Any]) -> Draft:
        point = children[0]
        for extra in children[1:]:
            if isinstance(extra, Clock):
                point.clock = extra
            else:
                point.date = point.date.model_copy(update={"weekday": extra[1]})
        return Draft(K.DATE, [point])

    def dates_form(self, children: list[Any]) -> Draft:
        points = of(children, Point)
        if points[-1].bare:
            raise NotADeadlineError("a list of days needs its month")
        clock = first(children, Clock)
        for point in points:
            point.clock = point.clock or clock
        return Draft(K.DATES, points)

    def range_form(self, children: list[Any]) -> Draft:
        points = of(children, Point)
        return Draft(K.RANGE, points, fields={"any_day": any(p.any_day for p in points)})

    def from_form(self, children: list[Any]) -> Draft:
        return Draft(K.FROM, of(children, Point))

    def until_form(self, children: list[Any]) -> Draft:
        point = first(children, Point)
        point.clock = first(children, Clock) or point.clock
        inclusive = any(named(children, name) for name in ("latest", "by", "inclusive"))
        return Draft(K.UNTIL, [point], fields={"inclusive": inclusive})

    def rule_until_form(self, children: list[Any]) -> Draft:
        draft = self.before(children)
        return Draft(K.UNTIL, of(children, Point),
                     fields={**draft.fields, "inclusive": named(children, "inclusive")})

    # ---------------------------------------------------------------- months and weeks
    def month_form(self, children: list[Any]) -> Draft:
        return Draft(K.MONTH, of(children, Point))

    def months_form(self, children: list[Any]) -> Draft:
        return Draft(K.MONTHS, of(children, Point))

    def month_range_form(self, children: list[Any]) -> Draft:
        return Draft(K.MONTH_RANGE, of(children, Point))

    def week_form(self, children: list[Any]) -> Draft:
        ordinal, month = (child for child in children if isinstance(child, Token))
        year = first(children, Year)
        date = PartialDate(year=year.value if year else None, month=lexicon.MONTHS[month],
                           week=lexicon.ORDINALS[ordinal])
        return Draft(K.WEEK, [Point(date, where(ordinal, month, year))])

    # ---------------------------------------------------------------- years and their parts
    def whole_period(self, children: list[Any]) -> Draft:
        return Draft(K.ACADEMIC_YEAR)

    def academic_span(self, children: list[Token]) -> YearPair:
        start = checked_year(int(children[0]))
        end = int(children[1]) + (start // 100 * 100 if len(children[1]) <= 2 else 0)
        return YearPair(Year(start, where(children[0])), Year(checked_year(end), where(children[1])))

    def year_span_form(self, children: list[Any]) -> Draft:
        pair = first(children, YearPair)
        if pair is None:
            year = children[0]
            if named(children, "school"):
                raise NotADeadlineError("«2023 учебный год» names no academic year")
            value = checked_year(int(year))
            return Draft(K.YEARS, years=[Year(value, where(year))],
                         fields={"start_year": value, "end_year": value})
        years, start, end = [pair.first, pair.last], pair.first.value, pair.last.value
        if pair.consecutive:
            return Draft(K.ACADEMIC_YEAR, years=years, fields={"start_year": start})
        if named(children, "school"):
            raise NotADeadlineError("an academic year has two consecutive years")
        return Draft(K.YEARS, years=years, fields={"start_year": start, "end_year": end})

    def part(self, children: list[Token]) -> int:
        token = children[0]
        tables = {"ROMAN": lexicon.ROMAN, "ORDINAL": lexicon.ORDINALS}
        if token.type in tables:
            return tables[token.type][token]
        return int("".join(char for char in token if char.isdigit()))

    def quarter_form(self, children: list[Any]) -> Draft:
        number, year = first(children, int), first(children, Year)
        if number not in _QUARTER_MONTHS:
            raise ImpossibleDateError(f"в году 4 квартала, а указан {number}-й")
        value = year.value if year else None
        points = [Point(PartialDate(year=value, month=month), (0, 0)) for month in _QUARTER_MONTHS[number]]
        return Draft(K.QUARTER, points, years=[year] if year and value else [], fields={"part": number})

    def half_form(self, children: list[Any]) -> Draft:
        number, pair, year = first(children, int), first(children, YearPair), first(children, Year)
        if number not in (1, 2):
            raise ImpossibleDateError(f"в году 2 полугодия, а указано {number}-е")
        if pair is not None and not pair.consecutive:
            raise NotADeadlineError("an academic year has two consecutive years")
        months = (_CALENDAR_HALVES if year else _SCHOOL_HALVES)[number]
        value = _half_year_year(number, pair, year)
        points = [Point(PartialDate(year=value, month=month), (0, 0)) for month in months]
        years = [pair.first, pair.last] if pair else [year] if year else []
        fields = {"part": number, "start_year": pair.first.value if pair else None}
        return Draft(K.HALF_YEAR, points, years=years, fields=fields)

    # ---------------------------------------------------------------- hours
    def time_form(self, children: list[Any]) -> Draft:
        clocks = [*(self.clock([token]) for token in children if isinstance(token, Token)), *of(children, Clock)]
        return Draft(K.TIME, clocks=clocks)

    # ---------------------------------------------------------------- recurrences
    def recurring_form(self, children: list[Any]) -> Draft:
        every = next((c.data for c in children if getattr(c, "data", "") in _PERIODS), "every_month")
        fields: dict[str, Any] = {"period": _PERIODS[every], "following": named(children, "following"),
                                  "inclusive": named(children, "latest")}
        day = first(children, Token)
        if day is not None:
            if not 1 <= int(day) <= 31:
                raise ImpossibleDateError(f"в месяце не больше 31 дня, а указано {day}-е число")
            fields["by_day"] = int(day)
        since = first(children, Year)
        if since is not None:
            fields["start_year"] = since.value
        return Draft(K.RECURRING, of(children, Point), years=[since] if since else [], fields=fields)

    @v_args(meta=True)
    def since(self, meta: Any, children: list[Token]) -> Year:
        return Year(checked_year(int(children[0])), (children[0].start_pos or 0, meta.end_pos))

    # ---------------------------------------------------------------- relative to an event
    def before(self, children: list[Any]) -> Draft:
        return _relative(Relation.BEFORE, children)

    def after(self, children: list[Any]) -> Draft:
        return _relative(Relation.AFTER, children)

    def during(self, children: list[Any]) -> Draft:
        return _relative(Relation.DURING, children)

    def eve(self, children: list[Any]) -> Draft:
        draft = _relative(Relation.BEFORE, children)
        draft.fields["offset"] = Offset(amount=1, unit=OffsetUnit.DAY)  # «накануне»: the day before
        return draft

    def anchor_start(self, children: list[Any]) -> Anchor:
        return Anchor.START

    def anchor_end(self, children: list[Any]) -> Anchor:
        return Anchor.END

    def lag(self, children: list[Any]) -> Offset:
        amount = first(children, int)
        return Offset(amount=1 if amount is None else amount, unit=first(children, OffsetUnit))

    def amount(self, children: list[Token]) -> int:
        token = children[0]
        return lexicon.NUMBER_WORDS[token] if token.type == "NUMWORD" else int(token)

    def days(self, children: list[Any]) -> OffsetUnit:
        return children[0] if children else OffsetUnit.DAY

    def weeks(self, children: list[Any]) -> OffsetUnit:
        return OffsetUnit.WEEK

    def months(self, children: list[Any]) -> OffsetUnit:
        return OffsetUnit.MONTH

    def working_days(self, children: list[Any]) -> OffsetUnit:
        return OffsetUnit.WORKING_DAY

    def calendar_days(self, children: list[Any]) -> OffsetUnit:
        return OffsetUnit.CALENDAR_DAY

    @v_args(meta=True)
    def event(self, meta: Any, children: list[Any]) -> Event:
        return Event((meta.start_pos, meta.end_pos))

    schedule = event

    def according_form(self, children: list[Any]) -> Draft:
        return _relative(Relation.ACCORDING_TO, children)

    def request_form(self, children: list[Any]) -> Draft:
        return _relative(Relation.ON_REQUEST, children)

    @v_args(meta=True)
    def as_needed_form(self, meta: Any, children: list[Any]) -> Draft:
        if not children:  # «при необходимости»: the need is the event
            children = [Event((meta.end_pos - len("необходимости"), meta.end_pos))]
        return _relative(Relation.AS_NEEDED, children)


def _half_year_year(number: int, pair: YearPair | None, year: Year | None) -> int | None:
    """The first half of 2025-2026 is in 2025, the second in 2026; «1 полугодие 2025 г.» is in 2025."""
    if pair is not None:
        return (pair.first if number == 1 else pair.last).value
    return year.value if year else None


def _relative(relation: Relation, children: list[Any]) -> Draft:
    event = first(children, Event)
    fields = {"relation": relation, "anchor": first(children, Anchor), "offset": first(children, Offset),
              "event": event}
    return Draft(K.RELATIVE, clocks=of(children, Clock), fields=fields)
