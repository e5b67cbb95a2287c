"""Calendar arithmetic for deadlines: the n-th weekday of a month, month lengths, Russian names."""

from __future__ import annotations

import calendar
import datetime as dt

from oko.models.deadline.lexicon import MONTHS_PREPOSITIONAL, WEEKDAY_NAMES
from oko.ru import MONTHS_NOMINATIVE

_ORDINAL_FEMININE = {1: "первой", 2: "второй", 3: "третьей", 4: "четвертой", 5: "пятой", -1: "последней"}
_ORDINAL_MASCULINE = {1: "первого", 2: "второго", 3: "третьего", 4: "четвертого", 5: "пятого", -1: "последнего"}
_FEMININE_WEEKDAYS = {3, 5, 6}  # среда, пятница, суббота
_WEEKDAY_GENITIVE = ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы", "воскресенья")


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> int | None:
    """The day of the nth (ISO) weekday of a month («вторая среда февраля 2024» → 14); None if there is none."""
    first = dt.date(year, month, 1).isoweekday()
    first_day = 1 + (weekday - first) % 7
    length = calendar.monthrange(year, month)[1]
    if nth == -1:
        return first_day + (length - first_day) // 7 * 7
    day = first_day + 7 * (nth - 1)
    return day if day <= length else None


def last_day_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_name(month: int) -> str:
    return MONTHS_NOMINATIVE[month - 1]


def weekday_name(weekday: int) -> str:
    return WEEKDAY_NAMES[weekday - 1]


def no_such_weekday(year: int, month: int, weekday: int, nth: int) -> str:
    """«в феврале 2026 г. нет пятой среды»."""
    ordinal = (_ORDINAL_FEMININE if weekday in _FEMININE_WEEKDAYS else _ORDINAL_MASCULINE)[nth]
    return f"в {MONTHS_PREPOSITIONAL[month - 1]} {year} г. нет {ordinal} {_WEEKDAY_GENITIVE[weekday - 1]}"
