"""The page of demo versions: /demos/, grouped by procedure and year, then by grade."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from oko.kinds.demos import demos
from oko.kinds.demos.model import Demo, DemoProcedure
from oko.project import Project
from oko.site import HOME, Page


@dataclass
class DemoGroup:
    procedure: DemoProcedure
    year: int
    source: str | None
    by_grade: dict[int, list[Demo]] = field(default_factory=dict)


def _demo_groups(project: Project) -> list[DemoGroup]:
    groups = []
    for entry in sorted(demos(project).values(), key=lambda e: (-e.model.year, e.model.procedure.label)):
        by_grade: dict[int, list[Demo]] = defaultdict(list)
        for demo in entry.model.demos:
            by_grade[demo.grade].append(demo)
        model = entry.model
        groups.append(DemoGroup(model.procedure, model.year, model.source, dict(sorted(by_grade.items()))))
    return groups


def demos_pages(project: Project) -> list[Page]:
    if not demos(project):
        return []
    return [Page("/demos/", "demos.html", "Демоверсии оценочных процедур", breadcrumbs=[HOME],
                 description="Демонстрационные варианты, спецификации и кодификаторы ВПР, ОГЭ и ЕГЭ",
                 data={"groups": _demo_groups(project), "files": project.files})]
