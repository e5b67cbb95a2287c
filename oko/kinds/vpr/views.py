"""The ВПР page (/vpr/): the newest year's works by grade, the school's dates, demo versions and criteria."""

from __future__ import annotations

from dataclasses import dataclass, field

from oko.kinds.criteria import criteria, criteria_url
from oko.kinds.criteria.model import RangeScale, RubricScale
from oko.kinds.demos import demos
from oko.kinds.demos.model import Demo, DemoFile, DemoProcedure, VprYear
from oko.kinds.results import result_url
from oko.kinds.results.link import results_by_entry
from oko.kinds.schedule.assemble import Placed, YearSchedule, grade_of
from oko.kinds.schedule.model import ProcedureKind
from oko.kinds.vpr import vpr
from oko.project import Project
from oko.site import HOME, Page


@dataclass
class VprRow:
    """One grade of the ВПР page: what is written, when the school holds it, where to prepare."""

    grade: int
    required: list[str]
    random: list[tuple[int, list[str]]]
    dates: list[Placed]
    demos: list[Demo]
    criteria: list[tuple[str, str, str]]  # (subject, criteria page url, anchor or "")
    results: dict[int, str] = field(default_factory=dict)  # index in dates → the results page of that work


def vpr_rows(vpr: VprYear, schedules: dict[str, YearSchedule], project: Project) -> list[VprRow]:
    schedule = schedules.get(f"{vpr.year - 1}-{vpr.year}")
    works = [p for p in (schedule.procedures if schedule else []) if p.procedure.kind == ProcedureKind.VPR]
    demo_files = [entry.model for entry in demos(project).values()]
    rows = []
    for plan in vpr.by_grade:
        grade = plan.grade
        subjects = plan.required + [s for group in plan.random for s in group.subjects]
        dates = [p for p in works if any(grade_of(name) == grade for name in p.classes)]
        rows.append(VprRow(
            grade, plan.required, [(group.choose, group.subjects) for group in plan.random], dates,
            _demos_for(demo_files, vpr.year, grade),
            _criteria_for(project, grade, subjects),
            _results_for(dates, project, schedules),
        ))
    return rows


def _results_for(dates: list[Placed], project: Project, schedules: dict[str, YearSchedule]) -> dict[int, str]:
    """The results page of each work that has one (the first file, when a work has several)."""
    links = {}
    reported = results_by_entry(project, schedules)
    for index, placed in enumerate(dates):
        keys = reported.get(id(placed), [])
        if keys:
            links[index] = result_url(keys[0])
    return links


def _demos_for(files: list[DemoFile], year: int, grade: int) -> list[Demo]:
    return [demo for demo_file in files if demo_file.procedure == DemoProcedure.VPR and demo_file.year == year
            for demo in demo_file.demos if demo.grade == grade]


def _criteria_for(project: Project, grade: int, subjects: list[str]) -> list[tuple[str, str, str]]:
    """Criteria pages for the grade's ВПР subjects, pointing at a «ВПР» points table when there is one."""
    found = []
    for criteria_id, entry in sorted(criteria(project).items()):
        meta = entry.model
        if meta.general or meta.adapted or grade not in meta.grades or meta.subject not in subjects:
            continue
        anchor = next((f"#scale-{i + 1}" for i, scale in enumerate(meta.scales)
                       if isinstance(scale, RangeScale | RubricScale) and "ВПР" in scale.title), "")
        found.append((meta.subject, criteria_url(criteria_id), anchor))
    return found


def vpr_pages(project: Project, schedules: dict[str, YearSchedule]) -> list[Page]:
    years = vpr(project)
    if not years:
        return []
    entry = years[max(years, key=lambda key: years[key].model.year)]
    return [Page("/vpr/", "vpr.html", f"Всероссийские проверочные работы — {entry.model.year}", source=entry.source,
                 breadcrumbs=[HOME], description="Когда в школе ВПР, какие предметы, демоверсии и критерии",
                 data={"vpr": entry.model, "rows": vpr_rows(entry.model, schedules, project),
                       "body": ""})]  # the text for parents, rendered into it when the file has one
