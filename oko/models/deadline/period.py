"""Whether a deadline's dates fall inside the plan's period (issue 12: a date outside it is a warning)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from oko.models.deadline.model import Deadline
from oko.models.deadline.parts import DeadlineKind, point_name
from oko.ru import human_date


@dataclass(frozen=True)
class PlanPeriod:
    """The days a plan covers and how a message names them."""

    first_day: dt.date
    last_day: dt.date
    name: str
    of: str = "периода плана"  # «вне периода плана (…)», «вне раздела «2023 год» (…)»

    @classmethod
    def academic_year(cls, start: int) -> PlanPeriod:
        """September to August, with August of both years: a plan is adopted in August for the coming year
        (AcademicYear.year_of_month) and ends preparing the next one («август 2022-август 2023», seed 001)."""
        name = f"{start}/{start + 1} учебный год: август {start} г. – август {start + 1} г."
        return cls(dt.date(start, 8, 1), dt.date(start + 1, 8, 31), name)

    @classmethod
    def between(cls, first_day: dt.date, last_day: dt.date) -> PlanPeriod:
        return cls(first_day, last_day, f"с {human_date(first_day)} по {human_date(last_day)}")

    def holds(self, first_day: dt.date, last_day: dt.date) -> bool:
        """Whether the days first_day…last_day meet the period at all."""
        return first_day <= self.last_day and self.first_day <= last_day


def plan_period(frame: Any) -> PlanPeriod:
    """The period of a plan's time frame: an AcademicYear (`start` is a year) or a Period (`start`, `end` dates)."""
    if isinstance(frame.start, int):
        return PlanPeriod.academic_year(frame.start)
    return PlanPeriod.between(frame.start, frame.end)


def outside_period(deadline: Deadline, period: PlanPeriod) -> str:
    """A Russian warning naming the dates of `deadline` that fall outside `period`, or ''.

    Each written date counts on its own: «Ноябрь 2022- апрель 2023» in a 2023/2024 plan names both ends.
    Years must already be resolved (Plan does it); dates without a year are not judged.
    """
    outside = [point_name(point) for point in deadline.points
               if (extent := point.first_and_last_day()) and not period.holds(*extent)]
    outside += [name for name, extent in _year_extents(deadline) if not period.holds(*extent)]
    if not outside:
        return ""
    return f"«{deadline.text}»: {', '.join(dict.fromkeys(outside))} — вне {period.of} ({period.name})"


def _year_extents(deadline: Deadline) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    start = deadline.start_year
    if start is None or deadline.points:
        return []
    if deadline.kind == DeadlineKind.ACADEMIC_YEAR:
        return [(f"{start}/{start + 1} учебный год", (dt.date(start, 9, 1), dt.date(start + 1, 8, 31)))]
    if deadline.kind == DeadlineKind.YEARS:
        years = dict.fromkeys((start, deadline.end_year or start))
        return [(f"{year} г.", (dt.date(year, 1, 1), dt.date(year, 12, 31))) for year in years]
    return []


# «2023 год», «2023 г.», «2024–2025 годы», «2024-2025 гг.», «На 2025 год»: a heading that is a year or years.
_HEADING_YEARS = re.compile(r"^(?:на|в)?\s*(\d{4})(?:\s*[-–—]\s*(\d{4}))?\s*(?:год|года|году|годы|годах|г\.?|гг\.?)?$",
                            re.IGNORECASE)


def heading_years(title: str) -> tuple[int, int] | None:
    """The first and last year a section heading names, or None when the heading is not a year."""
    match = _HEADING_YEARS.match(" ".join(title.split()))
    if match is None:
        return None
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return (first, last) if first <= last <= first + 10 else None


def years_period(years: tuple[int, int], heading: str) -> PlanPeriod:
    """The calendar years of a section whose heading is a year: its dates are checked against them."""
    first, last = years
    name = f"{first} г." if first == last else f"{first}–{last} гг."
    return PlanPeriod(dt.date(first, 1, 1), dt.date(last, 12, 31), name, f"раздела «{heading}»")
