"""Deadlines of plan items («Сроки»), as school staff write them, parsed into a typed form.

The forms come from the seed plans: «10.02.2026», «Август – октябрь», «май-июнь 2023»,
«Январь, апрель», «в течении года», «2023-2024 гг», «ежегодно», «раз в квартал»,
«перед началом процедуры», «не позднее 1 рабочего дня до проведения …», «до 10.02.2026».
Text that matches none of them is kept verbatim as a free-text deadline (a warning, see rules).
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError

from oko.models.common import MAX_YEAR, MIN_YEAR
from oko.ru import MONTHS_GENITIVE, MONTHS_NOMINATIVE


class DeadlineKind(StrEnum):
    DATE = "date"  # «10.02.2026»
    RANGE = "range"  # «10.02.2026 – 20.02.2026», «10–20 февраля 2026»
    MONTH = "month"  # «октябрь», «август 2022»
    MONTH_RANGE = "month_range"  # «сентябрь – октябрь 2022»
    MONTHS = "months"  # «январь, апрель»
    ACADEMIC_YEAR = "academic_year"  # «в течение года», «2023-2024 гг», «постоянно»
    RECURRING = "recurring"  # «ежегодно», «раз в квартал»
    RELATIVE = "relative"  # «перед началом процедуры»
    UNTIL = "until"  # «до 10.02.2026»
    FREE = "free"  # anything else, shown verbatim


class Relation(StrEnum):
    BEFORE = "before"
    AFTER = "after"
    DURING = "during"
    ACCORDING_TO = "according_to"
    ON_REQUEST = "on_request"
    AS_NEEDED = "as_needed"


class PartialDate(BaseModel):
    """A date or a month; the year may be implied by the plan's academic year."""

    model_config = ConfigDict(frozen=True)
    year: int | None = None
    month: int
    day: int | None = None

    def with_year(self, year: int) -> PartialDate:
        return PartialDate(year=year, month=self.month, day=self.day)

    def as_date(self) -> dt.date | None:
        """The calendar date (first of the month for a month); None while the year is unknown."""
        if self.year is None:
            return None
        return dt.date(self.year, self.month, self.day or 1)

    def iso(self) -> str:
        """The `<time datetime>` value: 2026-02-10 or 2026-02."""
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class Deadline(BaseModel):
    """A parsed deadline; `text` is what the author wrote."""

    model_config = ConfigDict(frozen=True)
    text: str
    kind: DeadlineKind
    points: tuple[PartialDate, ...] = ()
    start_year: int | None = None  # ACADEMIC_YEAR given explicitly («2023-2024»)
    relation: Relation | None = None
    event: str = ""
    offset: str = ""  # «1 рабочий день» for «не позднее 1 рабочего дня до …»
    period: str = ""  # RECURRING: год, полугодие, квартал, четверть, месяц, неделя

    @property
    def is_dated(self) -> bool:
        return bool(self.points)

    def resolved(self, year_of_month: Any) -> Deadline:
        """Fill missing years with year_of_month(month) (the plan's academic year decides)."""
        if all(point.year is not None for point in self.points):
            return self
        points = list(self.points)
        if self.kind in (DeadlineKind.RANGE, DeadlineKind.MONTH_RANGE) and points[1].year is not None:
            points[0] = points[0].with_year(_start_year_before(points[0], points[1]))
        points = [p if p.year is not None else p.with_year(year_of_month(p.month)) for p in points]
        return self.model_copy(update={"points": tuple(points)})

    def problem(self) -> str:
        """Why a dated deadline is impossible (day 31 in a 30-day month, end before start), or ''."""
        dates = []
        for point in self.points:
            if point.year is None or point.day is None:
                dates += [point.as_date()] if point.year is not None else []
                continue
            try:
                dates.append(point.as_date())
            except ValueError:
                return f"такой даты нет в календаре: {point.day} {MONTHS_GENITIVE[point.month - 1]} {point.year} г."
        if self.kind in (DeadlineKind.RANGE, DeadlineKind.MONTH_RANGE) and len(dates) == 2 and dates[1] < dates[0]:
            return "конец периода раньше его начала"
        return ""


# ---------------------------------------------------------------- parsing

_MONTH_STEMS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_MONTH_WORD = (
    r"(?:январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|"
    r"сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья])"
)
_YEAR = r"(?:\s*(\d{4}))?"
_NUMERIC_DATE = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_ISO_DATE = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_WORD_DATE = rf"(\d{{1,2}})\s+({_MONTH_WORD}){_YEAR}"
_ANY_DATE = rf"(?:{_NUMERIC_DATE}|{_ISO_DATE}|{_WORD_DATE})"

_WHOLE_YEAR = re.compile(
    r"(?:в\s+)?течени[еи]\s+(?:всего\s+)?(?:учебного\s+|календарного\s+|отчетного\s+)?(?:года|периода)"
    r"|постоянно|весь\s+(?:учебный\s+)?(?:период|год)|круглогодично|в\s+течени[еи]\s+уч\.?\s*года"
)
_YEAR_SPAN = re.compile(r"(\d{4})\s*[-/]\s*(\d{2}|\d{4})(?:\s*(?:уч\.?|учебн\w*))?(?:\s*(?:гг|г|год|года))?")
_RECURRING = (
    (re.compile(r"ежегодно|раз\s+в\s+год|1\s+раз\s+в\s+год"), "год"),
    (re.compile(r"раз\s+в\s+полугодие|раз\s+в\s+полгода|(?:1\s+)?раз\s+в\s+полугодие"), "полугодие"),
    (re.compile(r"ежеквартально|(?:1\s+)?раз\s+в\s+квартал"), "квартал"),
    (re.compile(r"(?:1\s+)?раз\s+в\s+четверть|ежечетвертно|по\s+четвертям"), "четверть"),
    (re.compile(r"ежемесячно|(?:1\s+)?раз\s+в\s+месяц"), "месяц"),
    (re.compile(r"еженедельно|(?:1\s+)?раз\s+в\s+неделю"), "неделя"),
)
_RELATIVE = (
    (re.compile(r"(?:перед|до)\s+(?:началом|проведением|начала|проведения)\s+(?P<event>.+)"), Relation.BEFORE),
    (re.compile(r"не\s+(?:позднее|позже)\s+(?P<offset>\d+\s+\w+(?:\s+дн\w*)?)\s+до\s+(?P<event>.+)"),
     Relation.BEFORE),
    (re.compile(r"(?:в\s+течени[еи]|не\s+(?:позднее|позже)|через)\s+(?P<offset>\d+\s+\w+(?:\s+дн\w*)?)\s+после\s+"
                r"(?P<event>.+)"), Relation.AFTER),
    (re.compile(r"(?:после|по)\s+(?:окончани[яи]|завершени[яи]|итогам|результатам)\s+(?P<event>.+)"),
     Relation.AFTER),
    (re.compile(r"после\s+(?P<event>.+)"), Relation.AFTER),
    (re.compile(r"(?:в\s+(?:процессе|ходе|период|дни|день)|во\s+время)\s+(?P<event>.+)"), Relation.DURING),
    (re.compile(r"(?:в\s+соответствии\s+с|согласно|по)\s+(?P<event>(?:график|план|срок|расписани)\w*.*)"),
     Relation.ACCORDING_TO),
    (re.compile(r"по\s+(?:заявке|запросу|требованию)\s*(?P<event>.*)"), Relation.ON_REQUEST),
    (re.compile(r"по\s+мере\s+(?P<event>.+)"), Relation.AS_NEEDED),
    (re.compile(r"(?P<event>при\s+необходимости|по\s+необходимости)"), Relation.AS_NEEDED),
)


def _normalise(text: str) -> str:
    text = text.lower().replace("ё", "е").replace("\u00a0", " ")
    text = re.sub(r"\s*[‐‑‒–—―-]\s*", "-", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip(".;, ").strip()


def _month_number(word: str) -> int:
    for stem, number in _MONTH_STEMS.items():
        if word.startswith(stem) and (stem != "ма" or word in ("май", "мая")):
            return number
    raise ValueError(word)


def _date_from_groups(groups: tuple[str | None, ...]) -> PartialDate:
    """Groups of _ANY_DATE (9 of them) → PartialDate; day and month ranges are checked later."""
    d1, m1, y1, y2, m2, d2, d3, word, y3 = groups
    if d1:
        return PartialDate(year=_checked_year(int(y1)), month=_checked_month(int(m1)), day=int(d1))
    if y2:
        return PartialDate(year=_checked_year(int(y2)), month=_checked_month(int(m2)), day=int(d2))
    return PartialDate(year=_checked_year(int(y3)) if y3 else None, month=_month_number(word), day=int(d3))


class ImpossibleDateError(Exception):
    """A text that is clearly a date, but not one in the calendar («2025-13-40»)."""


def _checked_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ImpossibleDateError(f"год {year} вне допустимых лет ({MIN_YEAR}–{MAX_YEAR})")
    return year


def _checked_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ImpossibleDateError(f"в году 12 месяцев, а указан {month}-й")
    return month


def _start_year_before(start: PartialDate, end: PartialDate) -> int:
    """«ноябрь – февраль 2023»: the start is in the same year as the end, or the year before."""
    assert end.year is not None
    if (start.month, start.day or 0) <= (end.month, end.day or 0):
        return end.year
    return end.year - 1


def parse_deadline(value: Any) -> Any:
    """Pydantic before-validator: a string becomes a Deadline; a mapping is validated as is."""
    if isinstance(value, Deadline):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("oko_deadline", "срок пишется текстом, " + DEADLINE_HINT)
    text = re.sub(r"\s+", " ", value).strip()
    if not text:
        raise PydanticCustomError("oko_deadline", "срок пуст: впишите его или удалите строку")
    try:
        deadline = Deadline(text=text, **_parse(_normalise(text)))
    except ImpossibleDateError as exc:
        raise PydanticCustomError("oko_deadline", "такой даты нет: «{text}» — {why}",
                                  {"text": text, "why": str(exc)}) from None
    problem = deadline.problem()
    if problem:
        raise PydanticCustomError("oko_deadline", "«{text}»: {problem}", {"text": text, "problem": problem})
    return deadline


def _parse(norm: str) -> dict[str, Any]:
    for parser in (_parse_whole_year, _parse_recurring, _parse_until, _parse_dates, _parse_months,
                   _parse_relative):
        try:
            result = parser(norm)
        except ValueError:
            result = None
        if result is not None:
            return result
    return {"kind": DeadlineKind.FREE}


def _parse_whole_year(norm: str) -> dict[str, Any] | None:
    if _WHOLE_YEAR.fullmatch(norm):
        return {"kind": DeadlineKind.ACADEMIC_YEAR}
    match = _YEAR_SPAN.fullmatch(norm)
    if match:
        start, end = int(match.group(1)), int(match.group(2))
        end = end + (start // 100) * 100 if end < 100 else end
        if end == start + 1:
            return {"kind": DeadlineKind.ACADEMIC_YEAR, "start_year": start}
    return None


def _parse_recurring(norm: str) -> dict[str, Any] | None:
    for pattern, period in _RECURRING:
        if pattern.fullmatch(norm):
            return {"kind": DeadlineKind.RECURRING, "period": period}
    return None


def _parse_until(norm: str) -> dict[str, Any] | None:
    match = re.fullmatch(rf"(?:до|не\s+позднее|не\s+позже)\s+{_ANY_DATE}(?:\s*г(?:ода)?)?", norm)
    if match:
        return {"kind": DeadlineKind.UNTIL, "points": (_date_from_groups(match.groups()),)}
    return None


def _parse_dates(norm: str) -> dict[str, Any] | None:
    suffix = r"(?:\s*г(?:ода)?)?"
    match = re.fullmatch(rf"{_ANY_DATE}{suffix}", norm)
    if match:
        return {"kind": DeadlineKind.DATE, "points": (_date_from_groups(match.groups()),)}
    match = re.fullmatch(rf"(?:с\s+)?{_ANY_DATE}{suffix}(?:-|\s+по\s+){_ANY_DATE}{suffix}", norm)
    if match:
        groups = match.groups()
        return {"kind": DeadlineKind.RANGE,
                "points": (_date_from_groups(groups[:9]), _date_from_groups(groups[9:]))}
    # «10-20 февраля 2026», «с 10 по 20 февраля»
    match = re.fullmatch(rf"(?:с\s+)?(\d{{1,2}})(?:-|\s+по\s+)(\d{{1,2}})\s+({_MONTH_WORD}){_YEAR}{suffix}", norm)
    if match:
        day1, day2, word, year = match.groups()
        month, year_value = _month_number(word), int(year) if year else None
        return {"kind": DeadlineKind.RANGE, "points": (
            PartialDate(year=year_value, month=month, day=int(day1)),
            PartialDate(year=year_value, month=month, day=int(day2)),
        )}
    return None


_MONTH_WITH_YEAR = rf"({_MONTH_WORD}){_YEAR}"


def _parse_months(norm: str) -> dict[str, Any] | None:
    norm = re.sub(r"\s*(?:гг?|года?)$", "", norm)
    match = re.fullmatch(rf"{_MONTH_WITH_YEAR}(?:\s*г\.?)?", norm)
    if match:
        return {"kind": DeadlineKind.MONTH, "points": (_month_point(*match.groups()),)}
    match = re.fullmatch(rf"(?:с\s+)?{_MONTH_WITH_YEAR}(?:\s*г\.?)?(?:-|\s+по\s+){_MONTH_WITH_YEAR}", norm)
    if match:
        start = _month_point(match.group(1), match.group(2))
        end = _month_point(match.group(3), match.group(4))
        if start.year is None and end.year is not None:
            start = start.with_year(_start_year_before(start, end))
        return {"kind": DeadlineKind.MONTH_RANGE, "points": (start, end)}
    parts = re.split(r"\s*,\s*|\s+и\s+", norm)
    if len(parts) > 1:
        matches = [re.fullmatch(_MONTH_WITH_YEAR, part) for part in parts]
        if all(matches):
            points = [_month_point(*m.groups()) for m in matches if m]
            last_year = points[-1].year
            if last_year is not None:
                points = [p if p.year is not None else p.with_year(last_year) for p in points]
            return {"kind": DeadlineKind.MONTHS, "points": tuple(points)}
    return None


def _month_point(word: str, year: str | None) -> PartialDate:
    return PartialDate(year=_checked_year(int(year)) if year else None, month=_month_number(word))


def _parse_relative(norm: str) -> dict[str, Any] | None:
    for pattern, relation in _RELATIVE:
        match = pattern.fullmatch(norm)
        if match:
            fields = match.groupdict()
            return {"kind": DeadlineKind.RELATIVE, "relation": relation,
                    "event": fields.get("event") or "", "offset": fields.get("offset") or ""}
    return None


DEADLINE_HINT = (
    "например: «10.02.2026», «до 10.02.2026», «сентябрь – октябрь», «в течение года», "
    "«ежегодно», «перед началом процедуры»"
)

DeadlineField = Annotated[
    Deadline,
    BeforeValidator(parse_deadline),
    WithJsonSchema({"type": "string", "minLength": 1, "title": "Срок", "description": DEADLINE_HINT}),
]

__all__ = ["MONTHS_NOMINATIVE", "Deadline", "DeadlineField", "DeadlineKind", "PartialDate", "parse_deadline"]
