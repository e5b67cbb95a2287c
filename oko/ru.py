"""Russian language helpers: plural forms, month names, human dates."""

from __future__ import annotations

import datetime as dt

MONTHS_NOMINATIVE = (
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
)
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)


def plural(n: int, one: str, few: str, many: str) -> str:
    """Pick the Russian plural form for n: 1 работа, 3 работы, 5 работ."""
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count(n: int, one: str, few: str, many: str) -> str:
    """A number with its noun: «3 ошибки»."""
    return f"{n} {plural(n, one, few, many)}"


def human_date(value: dt.date, with_year: bool = True) -> str:
    """«12 марта 2026 г.» (or «12 марта» without the year)."""
    text = f"{value.day} {MONTHS_GENITIVE[value.month - 1]}"
    return f"{text} {value.year} г." if with_year else text


def short_date(value: dt.date) -> str:
    """The official numeric form «29.08.2023»."""
    return value.strftime("%d.%m.%Y")


def month_name(month: int) -> str:
    """Nominative month name: 3 → «март»."""
    return MONTHS_NOMINATIVE[month - 1]
