"""The content of a new site: settings, the organisation, an empty schedule of the year, a first plan, a home page.

Each YAML file is data validated by its own model before it is written (so `oko init` never writes a site that
does not build), dumped with the models' Russian field titles as comments.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from oko.config import SiteConfig
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


def _scalar(value: Any) -> str:
    if isinstance(value, str):  # JSON's quoted string is YAML's too: «2026-2027», «№ 17» stay text as written
        return json.dumps(value, ensure_ascii=False)
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip().removesuffix(
        "\n...").removesuffix("...").strip()


def commented_yaml(model: type[BaseModel], data: dict[str, Any], header: list[str]) -> str:
    """`data` as YAML, validated by `model`; each top-level key carries its field's Russian title as a comment."""
    model.model_validate(data)
    lines = [f"# {line}" for line in header]
    for key, value in data.items():
        field = model.model_fields[key]
        comment = f"  # {field.title}" if field.title else ""
        if isinstance(value, dict | list) and value:
            lines.append(f"{key}:{comment}")
            block = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=110, indent=2)
            lines += ["  " + line for line in block.rstrip("\n").split("\n")]
        else:
            lines.append(f"{key}: {_scalar(value)}{comment}")
    return "\n".join(lines) + "\n"


def site_config(school: School) -> str:
    data = {"title": f"Объективность оценивания — {school.short_name}",
            "description": "Планы мероприятий, критерии, график оценочных процедур и «Сведения об образовательной "
                           "организации»",
            "organisation": school.slug, "official": True}
    return commented_yaml(SiteConfig, data, ["Настройки сайта (справочник: «Как начать»)."])


def organisation(school: School) -> str:
    data: dict[str, Any] = {"name": school.name, "short_name": school.short_name, "kind": school.kind}
    if school.locality:
        data["locality"] = school.locality
    if school.inn:
        data["inn"] = school.inn
    return commented_yaml(Organisation, data, ["Организация — владелец сайта."])


def schedule(year: AcademicYear, school: School) -> str:
    """An empty schedule: one period over the whole year, no classes, no procedures yet."""
    first, last = dt.date(year.start, 9, 1), dt.date(year.start + 1, 5, 31)
    data = {"academic_year": year_name(year),
            "title": f"Единый график оценочных процедур {school.short_name} на {year_name(year)} учебный год",
            "periods": [{"name": "Учебный год", "start": first.strftime("%d.%m.%Y"),
                         "end": last.strftime("%d.%m.%Y")}],
            "holidays": [], "classes": [], "hours": [], "procedures": []}
    return commented_yaml(ScheduleHeader, data, [
        f"Единый график оценочных процедур на {year_name(year)} учебный год (письмо Минпросвещения России",
        "№ СК-228/03 и Рособрнадзора № 01-169/08-01 от 06.08.2021). Замените период четвертями или триместрами,",
        "впишите каникулы, классы (- {grade: 5, letters: [А, Б]}) и процедуры",
        "(справочник: «График оценочных процедур»)."])


def plan(year: AcademicYear, school: School) -> str:
    """A first plan: one section with one measure, both to replace (or import from Word: `oko import-plan`)."""
    title = f"План мероприятий по обеспечению объективности оценочных процедур на {year_name(year)} учебный год"
    data = {"title": title,
            "organisation": school.slug, "academic_year": year_name(year),
            "sections": [{"title": "Нормативное обеспечение (замените своим разделом)", "items": [
                {"activity": "Замените это мероприятие мероприятием своего плана",
                 "deadline": f"сентябрь {year.start}", "responsible": [{"position": "Директор"}]}]}]}
    return commented_yaml(Plan, data, [
        "Первый план мероприятий: замените раздел и мероприятие своими. План из таблицы Word переносится",
        "командой `oko import-plan ФАЙЛ.docx` (справочник: «Перенос из Word»)."])


def home_page(school: School) -> str:
    return (f'---\ntitle: "Объективность оценивания в {school.short_name}"\n---\n'
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
