"""The monitoring table of seed 001 item 7: for one school, which required things its site has, and how fresh.

Seed 001 (the district plan of the Kozulsky district, item 7) has the district check each school for:
the normative documents of ВСОКО; up-to-date materials on ВСОКО on the school's site; protocols of
pedagogical councils (meetings) on ВСОКО; protocols of parents' meetings on ВСОКО; a plan of measures for
the objectivity of ВСОКО; the results of ВСОКО and the management decisions taken on them. Each becomes
one `Requirement` below, found in the school's built project the same way on every build:

- documents are entries of content/documents.yaml, recognised by their kind and title (the handbook page
  «Район» says how to title them); «up to date» is a date inside the monitoring year;
- the plan is a plan of the school's own organisation for that academic year (content/plans/);
- the materials are the year's schedule of assessment procedures (content/schedules/<year>/);
- results are content/results/<year>/ or a report document dated in the year.
A thing that exists but belongs to an earlier year is «stale»: shown, linked, and marked as outdated.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Literal

from oko.kinds.documents import registry
from oko.kinds.documents.model import Document, DocumentKind
from oko.kinds.plans import plans
from oko.kinds.results import result_url, results
from oko.kinds.schedule.assemble import YearSchedule
from oko.kinds.schedule.views import year_url
from oko.models.common import AcademicYear
from oko.project import Project

State = Literal["ok", "stale", "missing"]


@dataclass(frozen=True)
class Requirement:
    key: str
    title: str  # the column's heading
    text: str  # what the district checks, in the seed's words
    how: str  # what the school must publish for the cell to be filled


REQUIREMENTS = (
    Requirement("regulation", "Положение о ВСОКО",
                "наличие нормативно-правовой документации ВСОКО",
                "локальный акт о внутренней системе оценки качества образования в реестре документов "
                "(content/documents.yaml, kind: local_act, в названии — «ВСОКО» или «внутренней системе "
                "оценки качества образования»)"),
    Requirement("materials", "Материалы ВСОКО на сайте",
                "наличие актуальных документов, размещённых на сайте, по вопросам ВСОКО",
                "единый график оценочных процедур на учебный год мониторинга (content/schedules/<год>/) "
                "хотя бы с одной процедурой"),
    Requirement("council", "Протоколы педсоветов",
                "наличие протоколов педагогических советов (совещаний) по вопросам ВСОКО",
                "протокол педагогического совета или совещания за учебный год мониторинга в реестре "
                "документов (название начинается с «Протокол» и называет педагогический совет или совещание)"),
    Requirement("parents", "Протоколы родительских собраний",
                "наличие протоколов родительских собраний (с рассмотрением вопросов ВСОКО)",
                "протокол родительского собрания за учебный год мониторинга в реестре документов "
                "(название начинается с «Протокол» и называет родительское собрание)"),
    Requirement("plan", "План мероприятий",
                "разработка и наличие плана мероприятий, обеспечивающих объективность проведения ВСОКО",
                "план мероприятий школы на учебный год мониторинга (content/plans/, organisation — школа)"),
    Requirement("results", "Результаты ВСОКО",
                "наличие результатов ВСОКО",
                "результаты оценочных процедур учебного года мониторинга (content/results/<год>/) или отчёт "
                "(kind: report) о результатах ВСОКО, датированный этим годом"),
    Requirement("decisions", "Управленческие решения",
                "наличие управленческих решений по итогам ВСОКО",
                "приказ (kind: order) «по итогам» или «по результатам» оценочных процедур (ВСОКО), "
                "датированный учебным годом мониторинга"),
)

_VSOKO = re.compile(r"ВСОКО|внутренн\w*\s+систем\w*\s+оценки\s+качества", re.IGNORECASE)
_PROTOCOL = re.compile(r"^\s*протокол", re.IGNORECASE)
_COUNCIL = re.compile(r"педагогическ\w*\s+совет|педсовет|совещани", re.IGNORECASE)
_PARENTS = re.compile(r"родительск\w*\s+собрани", re.IGNORECASE)
_DECISION = re.compile(r"по\s+(итогам|результатам)", re.IGNORECASE)
_RESULTS = re.compile(r"ВСОКО|оценочн\w*\s+процедур|оценки\s+качества", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One requirement for one school: its state, what fills it (title, site-absolute URL, date)."""

    key: str
    state: State
    title: str = ""
    url: str = ""
    date: str = ""  # ISO date, when the thing has one

    def to_json(self) -> dict[str, str]:
        return asdict(self)


def _in_year(day: dt.date | None, year: AcademicYear) -> bool:
    return day is not None and year.first_day <= day <= year.last_day


def _document_url(document: Document) -> str:
    return f"/{document.file}" if document.file else document.url or ""


def _document_cell(key: str, documents: list[Document], matches: Callable[[Document], bool],
                   year: AcademicYear | None) -> Cell:
    """The newest matching document; `year` None means any date will do (a standing act)."""
    found = sorted((d for d in documents if matches(d)), key=lambda d: (d.date or dt.date.min, d.id), reverse=True)
    if not found:
        return Cell(key, "missing")
    newest = found[0]
    state: State = "ok" if year is None or _in_year(newest.date, year) else "stale"
    return Cell(key, state, newest.title, _document_url(newest), newest.date.isoformat() if newest.date else "")


def school_cells(project: Project, schedules: Mapping[str, YearSchedule], year: AcademicYear) -> list[Cell]:
    """The monitoring row of one school, in the order of REQUIREMENTS."""
    entry = registry(project)
    documents = list(entry.model.documents) if entry else []

    def protocol(pattern: re.Pattern[str]) -> Callable[[Document], bool]:
        return lambda d: bool(_PROTOCOL.search(d.title) and pattern.search(d.title))

    return [
        _document_cell("regulation", documents,
                       lambda d: d.kind is DocumentKind.LOCAL_ACT and bool(_VSOKO.search(d.title)), None),
        _materials_cell(schedules, year),
        _document_cell("council", documents, protocol(_COUNCIL), year),
        _document_cell("parents", documents, protocol(_PARENTS), year),
        _plan_cell(project, year),
        _results_cell(project, documents, year),
        _document_cell("decisions", documents,
                       lambda d: d.kind is DocumentKind.ORDER and bool(_DECISION.search(d.title)), year),
    ]


def _materials_cell(schedules: Mapping[str, YearSchedule], year: AcademicYear) -> Cell:
    name = f"{year.start}-{year.end}"
    if schedules.get(name) is not None and schedules[name].procedures:
        return Cell("materials", "ok", f"График оценочных процедур на {name} учебный год", year_url(name))
    older = sorted((key for key, schedule in schedules.items() if schedule.procedures and key < name), reverse=True)
    if older:
        return Cell("materials", "stale", f"График оценочных процедур на {older[0]} учебный год", year_url(older[0]))
    return Cell("materials", "missing")


def _plan_cell(project: Project, year: AcademicYear) -> Cell:
    own = project.config.organisation if project.config else ""
    found = []
    for entry in plans(project).values():
        plan = entry.model
        if plan.organisation != own:
            continue
        start = plan.academic_year.first_day if plan.academic_year else plan.period.start
        end = plan.academic_year.last_day if plan.academic_year else plan.period.end
        found.append((end, start, entry.id, plan.title))
    if not found:
        return Cell("plan", "missing")
    end, start, plan_id, plan_title = max(found)
    state: State = "ok" if start <= year.last_day and end >= year.first_day else "stale"
    return Cell("plan", state, plan_title, f"/plans/{plan_id}/", start.isoformat())


def _results_cell(project: Project, documents: list[Document], year: AcademicYear) -> Cell:
    name = f"{year.start}-{year.end}"
    entries = results(project)
    this_year = sorted(key for key in entries if key.startswith(f"{name}/"))
    if this_year:
        count = len(this_year)
        return Cell("results", "ok", f"Результаты оценочных процедур {name}: {count}", "/results/")
    report = _document_cell("results", documents,
                            lambda d: d.kind is DocumentKind.REPORT and bool(_RESULTS.search(d.title)), year)
    if report.state == "ok" or not entries:
        return report
    newest = max(entries)
    return Cell("results", "stale", entries[newest].model.display_title, result_url(newest))
