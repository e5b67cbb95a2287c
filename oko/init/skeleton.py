"""The content of a new site: settings, the organisation, an empty schedule of the year, a first plan, a home page.

Each YAML file is data validated by its own model before it is written (so `oko init` never writes a site that
does not build), in the layout the forms write (oko/fmt.py), so `build.py fmt --check` passes on a new site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from oko.config import SiteConfig
from oko.fmt import canonical_yaml
from oko.kinds.organisations.model import Organisation
from oko.kinds.plans.model import Plan
from oko.kinds.schedule.model import ScheduleHeader
from oko.models.common import AcademicYear


@dataclass(frozen=True)
class School:
    """What `oko init` asks: the organisation's names and numbers, and the file name (slug) it gets."""

    slug: str
    name: str
    short_name: str
    kind: str = "school"
    locality: str | None = None
    inn: str | None = None


def current_academic_year(today: dt.date) -> AcademicYear:
    """The academic year a date falls in: from 1 September (ч.1 ст.112 ТК; 273-ФЗ ст.28 — the school's calendar)."""
    return AcademicYear(start=today.year if today.month >= 9 else today.year - 1)


def year_name(year: AcademicYear) -> str:
    """«2026-2027»: the schedule's folder and the plan's file name."""
    return f"{year.start}-{year.end}"


def canonical(model: type[BaseModel], schema: str, data: dict[str, Any]) -> str:
    """`data` validated by `model`, in the layout the forms write (oko/fmt.py): the first form save changes only
    what is edited. No comments: a save would drop them; the forms and the editor's schema show each field's
    Russian title and hint instead."""
    model.model_validate(data)
    return canonical_yaml(data, schema)


def site_config(school: School) -> str:
    data = {"title": f"Объективность оценивания — {school.short_name}",
            "description": "Планы мероприятий, критерии, график оценочных процедур и «Сведения об образовательной "
                           "организации»",
            "organisation": school.slug, "official": True}
    return canonical(SiteConfig, "site-config", data)


def organisation(school: School) -> str:
    data: dict[str, Any] = {"name": school.name, "short_name": school.short_name, "kind": school.kind}
    if school.locality:
        data["locality"] = school.locality
    if school.inn:
        data["inn"] = school.inn
    return canonical(Organisation, "organisation", data)


def schedule(year: AcademicYear, school: School) -> str:
    """An empty schedule: one period over the whole year, no classes, no procedures yet."""
    first, last = dt.date(year.start, 9, 1), dt.date(year.start + 1, 5, 31)
    data = {"academic_year": year_name(year),
            "title": f"Единый график оценочных процедур {school.short_name} на {year_name(year)} учебный год",
            "periods": [{"name": "Учебный год", "start": first.strftime("%d.%m.%Y"),
                         "end": last.strftime("%d.%m.%Y")}],
            "holidays": [], "classes": [], "hours": [], "procedures": []}
    return canonical(ScheduleHeader, "schedule", data)


def plan(year: AcademicYear, school: School) -> str:
    """A first plan: one section with one measure, both to replace (or import from Word: `oko import-plan`)."""
    title = f"План мероприятий по обеспечению объективности оценочных процедур на {year_name(year)} учебный год"
    data = {"title": title,
            "organisation": school.slug, "academic_year": year_name(year),
            "sections": [{"title": "Нормативное обеспечение (замените своим разделом)", "items": [
                {"activity": "Замените это мероприятие мероприятием своего плана",
                 "deadline": f"сентябрь {year.start}", "responsible": [{"position": "Директор"}]}]}]}
    return canonical(Plan, "plan", data)


def home_page(school: School) -> str:
    head = canonical_yaml({"title": f"Объективность оценивания в {school.short_name}"}, "page")
    return (f"---\n{head}---\n\n"
            "Здесь школа открыто рассказывает, как оценивают знания учеников и что делается, чтобы оценки были "
            "честными и понятными.\n\n"
            "- [План мероприятий](section:plans)\n"
            "- [Сведения об образовательной организации](section:sveden)\n")


def content_files(school: School, year: AcademicYear) -> dict[str, str]:
    """Path in the project → text: everything but «Сведения», schemas and the repository's files."""
    return {
        "site_config.yaml": site_config(school),
        f"content/organisations/{school.slug}.yaml": organisation(school),
        f"content/schedules/{year_name(year)}/schedule.yaml": schedule(year, school),
        f"content/plans/{school.slug}-{year_name(year)}.yaml": plan(year, school),
        "content/pages/index.md": home_page(school),
    }
