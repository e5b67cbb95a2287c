"""From the parse tree of grammar.lark to the fields of a Deadline: one small method per rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lark import Token, Transformer, v_args

from oko.models.common import MAX_YEAR, MIN_YEAR
from oko.models.deadline import lexicon
from oko.models.deadline.parts import DeadlineKind, PartialDate, Span, Zone, fill_years


class ImpossibleDateError(Exception):
    """A text that is clearly a date, but not one in the calendar («2025-13-40», «5 квартал»)."""


class NotADeadlineError(Exception):
    """The words fit a rule but not a meaning (an ambiguous «05/08/2025»): the text stays free text."""


Where = tuple[int, int]
_DAY_ENDINGS = frozenset({"го", "е", "ое", "му"})  # «до 25-го мая», «25-е мая», «1-ое сентября», «к 25-му мая»


@dataclass
class Clock:
    time: dt.time
    zone: Zone | None
    where: Where


@dataclass
class Point:
    date: PartialDate
    where: Where
    bare: bool = False  # «3» of «3 и 4 июля»: month and year come from the next point
    clock: Clock | None = None
    any_day: bool = False
    also: list[Where] = field(default_factory=list)  # the same date written again: «(04.12.2024)»


@dataclass
class Year:
    value: int | None  # None: «текущего года», the plan's year
    where: Where


@dataclass
class Event:
    """Where the event's words are; the text is cut out when the draft is assembled."""

    where: tuple[int, int]


@dataclass
class Draft:
    """A form's findings, before bare days and single years are shared out."""

    kind: DeadlineKind
    points: list[Point] = field(default_factory=list)
    clocks: list[Clock] = field(default_factory=list)
    years: list[Year] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)


def checked_year(value: int) -> int:
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ImpossibleDateError(f"год {value} вне допустимых лет ({MIN_YEAR}–{MAX_YEAR})")
    return value


def checked_month(value: int) -> int:
    if not 1 <= value <= 12:
        raise ImpossibleDateError(f"в году 12 месяцев, а указан {value}-й")
    return value


def where(*items: Any) -> Where:
    """The text span from the first to the last of tokens and pieces."""
    spans = [_span_of(item) for item in items if item is not None]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def spanned(meta: Any) -> Where:
    """The text span of a rule (with the words lark leaves out of the tree, such as «года»)."""
    return meta.start_pos, meta.end_pos


def _span_of(item: Any) -> Where:
    if isinstance(item, Token):
        return item.start_pos or 0, item.end_pos or 0
    return item.where


def of(children: list[Any], kind: type) -> list[Any]:
    return [child for child in children if isinstance(child, kind)]


def first(children: list[Any], kind: type) -> Any:
    found = of(children, kind)
    return found[0] if found else None


def named(children: list[Any], name: str) -> bool:
    """Whether a keyword rule such as `latest` or `inclusive` matched."""
    return any(getattr(child, "data", None) == name for child in children)


@v_args(inline=False)
class Pieces(Transformer):
    """The pieces of a date: days, months, years, weekday rules, notes, times of day."""

    def day(self, children: list[Token]) -> Token:
        token = children[0]
        if token.type != "ORDINAL_NUM":
            return token
        number = "".join(char for char in token if char.isdigit())
        if token[len(number):].lstrip("-") not in _DAY_ENDINGS:  # «25-й мая» is no day of a month
            raise NotADeadlineError("a day of the month is «25-го», «25-е» or «25-му»")
        return Token.new_borrow_pos("NUMBER", number, token)

    @v_args(meta=True)
    def year(self, meta: Any, children: list[Token]) -> Year:
        return Year(checked_year(int(children[0])), spanned(meta))

    @v_args(meta=True)
    def current_year(self, meta: Any, children: list[Any]) -> Year:
        return Year(None, spanned(meta))

    @v_args(meta=True)
    def word_date(self, meta: Any, children: list[Any]) -> Point:
        day, month, year = children[0], children[1], first(children, Year)
        value = year.value if year else None
        return Point(PartialDate(year=value, month=lexicon.MONTHS[month], day=int(day)), spanned(meta))

    @v_args(meta=True)
    def num_date(self, meta: Any, children: list[Any]) -> Point:
        token, year = children[0], first(children, Year)
        numbers = [int(part) for part in token.replace("/", ".").replace("-", ".").split(".")]
        if token.type == "DATE_ISO":
            numbers = numbers[::-1]
        elif token.type == "DATE_SLASH":
            numbers = _day_month_year(*numbers)
        elif year is not None:
            numbers.append(year.value if year.value is not None else 0)
        day, month, *rest = numbers
        value = checked_year(rest[0]) if rest and rest[0] else None
        return Point(PartialDate(year=value, month=checked_month(month), day=day), spanned(meta))

    @v_args(meta=True)
    def nth_weekday(self, meta: Any, children: list[Any]) -> Point:
        ordinal, weekday, month = [child for child in children if isinstance(child, Token)]
        year = first(children, Year)
        date = PartialDate(month=lexicon.MONTHS[month], weekday=lexicon.WEEKDAYS[weekday],
                           nth=lexicon.ORDINALS[ordinal], working=named(children, "working"))
        if year is not None and year.value is not None:
            date = date.with_year(year.value)
        return Point(date, spanned(meta))

    @v_args(meta=True)
    def bare_day(self, meta: Any, children: list[Token]) -> Point:
        return Point(PartialDate(month=1, day=int(children[0])), spanned(meta), bare=True)

    @v_args(meta=True)
    def month_point(self, meta: Any, children: list[Any]) -> Point:
        month, year = children[0], first(children, Year)
        value = year.value if year else None
        return Point(PartialDate(year=value, month=lexicon.MONTHS[month]), spanned(meta))

    def point(self, children: list[Any]) -> Point:
        point = children[0]
        for note in children[1:]:
            _apply_note(point, note)
        return point

    def weekday_note(self, children: list[Token]) -> tuple[str, int]:
        return "weekday", lexicon.WEEKDAYS[children[0]]

    comma_weekday = weekday_note

    def time_note(self, children: list[Clock]) -> Clock:
        return children[0]

    def stated_date(self, children: list[Point]) -> tuple[str, Point]:
        return "stated", children[0]

    def any_day(self, children: list[Any]) -> str:
        return "any_day"

    def aside(self, children: list[Any]) -> str:
        return "aside"  # «(1 февраля — воскресенье)» explains why the day is what it is

    def clock(self, children: list[Any]) -> Clock:
        token, zone = children[0], children[1] if len(children) > 1 else None
        hours, minutes = (int(part) for part in token.replace(".", ":").split(":"))
        if hours > 23 or minutes > 59:
            raise ImpossibleDateError(f"в сутках 24 часа по 60 минут, а указано {token}")
        return Clock(dt.time(hours, minutes), zone.zone if zone else None, where(token, zone))

    @v_args(meta=True)
    def moscow(self, meta: Any, children: list[Any]) -> Any:
        return _ZoneWord(Zone.MOSCOW, spanned(meta))

    @v_args(meta=True)
    def local(self, meta: Any, children: list[Any]) -> Any:
        return _ZoneWord(Zone.LOCAL, spanned(meta))

    def at(self, children: list[Clock]) -> Clock:
        return children[0]


@dataclass
class _ZoneWord:
    zone: Zone
    where: Where


def _day_month_year(first_number: int, second: int, year: int) -> list[int]:
    """«8/28/2025» is an American month/day/year (Excel); «28/08/2025» a day/month; «05/08/2025» unknowable."""
    if first_number == second <= 12 or first_number > 12 >= second:  # «12/12/2025» reads the same either way
        return [first_number, second, year]
    if second > 12 >= first_number:
        return [second, first_number, year]
    if first_number > 12 and second > 12:
        raise ImpossibleDateError(f"в году 12 месяцев, а указаны {first_number} и {second}")
    raise NotADeadlineError("day and month could be either way round")


def _apply_note(point: Point, note: Any) -> None:
    if isinstance(note, Clock):
        point.clock = note
    elif note == "any_day":
        point.any_day = True
    elif isinstance(note, tuple) and note[0] == "weekday" and point.date.nth is None:
        point.date = point.date.model_copy(update={"weekday": note[1]})
    elif isinstance(note, tuple) and note[0] == "stated":
        stated: Point = note[1]
        if stated.date.month != point.date.month:
            raise ImpossibleDateError("в скобках дата другого месяца")
        point.date = point.date.model_copy(update={"day": stated.date.day, "year": stated.date.year})
        point.also.append(stated.where)


def assemble(draft: Draft, text: str) -> dict[str, Any]:
    """Deadline fields: bare days get the next point's month, single years serve the whole list."""
    points = draft.points
    for index, point in enumerate(points):
        if point.bare:
            following = next(p for p in points[index + 1:] if not p.bare)
            point.date = point.date.model_copy(update={"month": following.date.month, "year": following.date.year})
    dates = fill_years([point.date for point in points])
    clocks = [*draft.clocks, *(p.clock for p in points if p.clock and p.clock not in draft.clocks)]
    spans = [Span(start=y.where[0], end=y.where[1], year=y.value) for y in draft.years if y.value is not None]
    for index, point in enumerate(points):
        if point.where != (0, 0):
            spans += [Span(start=s, end=e, point=index) for s, e in (point.where, *point.also)]
        if point.clock is not None:
            spans.append(Span(start=point.clock.where[0], end=point.clock.where[1], point=index,
                              time=clocks.index(point.clock)))
    spans += [Span(start=c.where[0], end=c.where[1], time=i) for i, c in enumerate(draft.clocks)]
    fields = {key: value for key, value in draft.fields.items() if value not in (None, False)}
    if isinstance(fields.get("event"), Event):
        start, end = fields["event"].where
        fields["event"] = text[start:end]
    zone = next((c.zone for c in clocks if c.zone), None)
    return {"kind": draft.kind, "points": tuple(dates), "times": tuple(c.time for c in clocks), "zone": zone,
            "spans": tuple(spans), **fields}
