"""Pages of assessment criteria (/criteria/), demo versions (/demos/) and ВПР (/vpr/)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from oko.models.criteria import CriteriaMeta, RangeScale, RubricScale
from oko.models.demos import Demo, DemoFile, DemoProcedure, VprYear
from oko.models.schedule import ProcedureKind
from oko.project import Entry, Project
from oko.schedules import Placed, YearSchedule, grade_of
from oko.site import Crumb, Page, Routes

HOME = Crumb("Главная", "/")
CRITERIA = Crumb("Критерии оценивания", "/criteria/")


def criteria_url(criteria_id: str) -> str:
    return f"/criteria/{criteria_id}/"


def add_assessment_routes(routes: Routes, project: Project) -> None:
    if project.criteria:
        routes.add("", "section:criteria", "/criteria/", CRITERIA.title)
        for criteria_id, entry in project.criteria.items():
            routes.add(entry.source, f"criteria:{criteria_id}", criteria_url(criteria_id), entry.model.display_title)
    if project.demos:
        routes.add("", "section:demos", "/demos/", "Демоверсии")
    if project.vpr:
        routes.add("", "section:vpr", "/vpr/", "Всероссийские проверочные работы")


@dataclass
class SubjectCriteria:
    subject: str
    entries: list[tuple[str, Entry[CriteriaMeta]]]


def _subject_index(project: Project) -> list[SubjectCriteria]:
    by_subject: dict[str, list[tuple[str, Entry[CriteriaMeta]]]] = defaultdict(list)
    for criteria_id, entry in sorted(project.criteria.items()):
        if not entry.model.general:
            by_subject[entry.model.subject].append((criteria_id, entry))
    return [SubjectCriteria(subject, entries) for subject, entries in sorted(by_subject.items())]


def _grade_index(project: Project) -> dict[int, list[tuple[str, Entry[CriteriaMeta]]]]:
    by_grade: dict[int, list[tuple[str, Entry[CriteriaMeta]]]] = defaultdict(list)
    for criteria_id, entry in sorted(project.criteria.items(), key=lambda item: item[1].model.subject):
        if not entry.model.general:
            for grade in entry.model.grades:
                by_grade[grade].append((criteria_id, entry))
    return dict(sorted(by_grade.items()))


def criteria_pages(project: Project) -> list[Page]:
    if not project.criteria:
        return []
    general = [(cid, entry) for cid, entry in sorted(project.criteria.items()) if entry.model.general]
    pages = [Page("/criteria/", "criteria_index.html", CRITERIA.title, breadcrumbs=[HOME],
                  description="Единые критерии оценивания по предметам и классам: как ставятся отметки",
                  data={"subjects": _subject_index(project), "grades": _grade_index(project), "general": general})]
    for criteria_id, entry in sorted(project.criteria.items()):
        parent = project.criteria.get(entry.model.inherits or "")
        pages.append(Page(criteria_url(criteria_id), "criteria_page.html", entry.model.display_title,
                          source=entry.source, breadcrumbs=[HOME, CRITERIA],
                          description=f"{entry.model.display_title}, {_grades_text(entry.model.grades)}",
                          data={"meta": entry.model, "parent": (entry.model.inherits, parent) if parent else None}))
    return pages


def _grades_text(grades: list[int]) -> str:
    if len(grades) > 1 and grades == list(range(grades[0], grades[-1] + 1)):
        return f"{grades[0]}–{grades[-1]} классы"
    return ", ".join(map(str, grades)) + (" класс" if len(grades) == 1 else " классы")


@dataclass
class DemoGroup:
    procedure: DemoProcedure
    year: int
    source: str | None
    by_grade: dict[int, list[Demo]] = field(default_factory=dict)


def _demo_groups(project: Project) -> list[DemoGroup]:
    groups = []
    for entry in sorted(project.demos.values(), key=lambda e: (-e.model.year, e.model.procedure.label)):
        by_grade: dict[int, list[Demo]] = defaultdict(list)
        for demo in entry.model.demos:
            by_grade[demo.grade].append(demo)
        model = entry.model
        groups.append(DemoGroup(model.procedure, model.year, model.source, dict(sorted(by_grade.items()))))
    return groups


def demos_pages(project: Project) -> list[Page]:
    if not project.demos:
        return []
    return [Page("/demos/", "demos.html", "Демоверсии оценочных процедур", breadcrumbs=[HOME],
                 description="Демонстрационные варианты, спецификации и кодификаторы ВПР, ОГЭ и ЕГЭ",
                 data={"groups": _demo_groups(project), "files": project.files})]


@dataclass
class VprRow:
    """One grade of the ВПР page: what is written, when the school holds it, where to prepare."""

    grade: int
    required: list[str]
    random: list[tuple[int, list[str]]]
    dates: list[Placed]
    demos: list[Demo]
    criteria: list[tuple[str, str, str]]  # (subject, criteria page url, anchor or "")


def vpr_rows(vpr: VprYear, schedules: dict[str, YearSchedule], project: Project) -> list[VprRow]:
    schedule = schedules.get(f"{vpr.year - 1}-{vpr.year}")
    works = [p for p in (schedule.procedures if schedule else []) if p.procedure.kind == ProcedureKind.VPR]
    demo_files = [entry.model for entry in project.demos.values()]
    rows = []
    for grade, plan in sorted(vpr.grades.items()):
        subjects = plan.required + [s for group in plan.random for s in group.subjects]
        rows.append(VprRow(
            grade, plan.required, [(group.choose, group.subjects) for group in plan.random],
            [p for p in works if any(grade_of(name) == grade for name in p.classes)],
            _demos_for(demo_files, vpr.year, grade),
            _criteria_for(project, grade, subjects),
        ))
    return rows


def _demos_for(files: list[DemoFile], year: int, grade: int) -> list[Demo]:
    return [demo for demo_file in files if demo_file.procedure == DemoProcedure.VPR and demo_file.year == year
            for demo in demo_file.demos if demo.grade == grade]


def _criteria_for(project: Project, grade: int, subjects: list[str]) -> list[tuple[str, str, str]]:
    """Criteria pages for the grade's ВПР subjects, pointing at a «ВПР» points table when there is one."""
    found = []
    for criteria_id, entry in sorted(project.criteria.items()):
        meta = entry.model
        if meta.general or meta.adapted or grade not in meta.grades or meta.subject not in subjects:
            continue
        anchor = next((f"#scale-{i + 1}" for i, scale in enumerate(meta.scales)
                       if isinstance(scale, RangeScale | RubricScale) and "ВПР" in scale.title), "")
        found.append((meta.subject, criteria_url(criteria_id), anchor))
    return found


def vpr_pages(project: Project, schedules: dict[str, YearSchedule]) -> list[Page]:
    if not project.vpr:
        return []
    year_id = max(project.vpr, key=lambda key: project.vpr[key].model.year)
    entry = project.vpr[year_id]
    return [Page("/vpr/", "vpr.html", f"Всероссийские проверочные работы — {entry.model.year}", source=entry.source,
                 breadcrumbs=[HOME], description="Когда в школе ВПР, какие предметы, демоверсии и критерии",
                 data={"vpr": entry.model, "rows": vpr_rows(entry.model, schedules, project)})]
