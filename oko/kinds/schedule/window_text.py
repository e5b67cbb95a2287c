"""A window of dates as spreadsheets and notices write it, for import-schedule.

Real forms: «11.04.2026–15.04.2026» (what Око's own tables hold), «11.04–15.04.2026», «с 11.04.2025 по
16.05.2025», «с 11 апреля по 16 мая 2025 года», «с 11 по 15 апреля 2026 г.», «11–15 апреля 2026».
A part without its month or year takes it from the other part; a year missing from both comes from the
academic year (`--year`) when given.
"""

from __future__ import annotations

import datetime as dt
import re

from oko.models.common import AcademicYear
from oko.ru import MONTHS_GENITIVE

_MONTH = "|".join(MONTHS_GENITIVE)
_PART = re.compile(rf"^(\d{{1,2}})(?:\.(\d{{1,2}})|\s+({_MONTH}))?(?:\.?\s*(\d{{4}}))?$")
_SPLIT = re.compile(r"^с\s+(.+?)\s+по\s+(.+)$|^(.+?)\s*[-–—]\s*(.+)$")
Parts = tuple[int, int | None, int | None]


def _parts(text: str) -> Parts | None:
    match = _PART.match(text.strip())
    if not match:
        return None
    day, number, name, year = match.groups()
    month = int(number) if number else (MONTHS_GENITIVE.index(name) + 1 if name else None)
    return int(day), month, int(year) if year else None


def looks_like_window(text: str) -> bool:
    return _split(text) is not None


def _split(text: str) -> tuple[Parts, Parts] | None:
    cleaned = re.sub(r"\s*(?:года|год|г\.|г)\s*$", "", " ".join(text.lower().split()))
    match = _SPLIT.match(cleaned)
    if not match:
        return None
    first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    start, end = _parts(first), _parts(second)
    return (start, end) if start and end else None


def parse_window(text: str, year: AcademicYear | None = None) -> tuple[dt.date, dt.date] | None:
    """(start, end), or None when the text is not a window or names an impossible date."""
    found = _split(text)
    if found is None:
        return None
    (start_day, start_month, start_year), (end_day, end_month, end_year) = found
    if end_month is None:
        return None
    start_month = start_month or end_month
    if end_year is None:
        if year is None or start_year is not None:
            return None
        end_year = year.year_of_month(end_month)
    if start_year is None:
        start_year = end_year - 1 if start_month > end_month else end_year
    try:
        return dt.date(start_year, start_month, start_day), dt.date(end_year, end_month, end_day)
    except ValueError:
        return None
