"""What the district's pages need of one school, computed from its own build and kept beside its pages.

The summary is written into the school's output as `.oko-school.json` (public data only: what the
school's pages show, counts aggregated over the whole school). It travels with the school's pages: a CI
job that builds one school hands it to the merge job, and when a school fails to build, the previous
output's pages and summary are kept together (oko/district/build.py).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from oko.district.monitoring import school_cells
from oko.errors import Issue
from oko.kinds.organisations import owner
from oko.kinds.results import result_url, results, year_of
from oko.kinds.schedule.assemble import YearSchedule, assemble_schedules
from oko.kinds.schedule.model import Level
from oko.models.common import AcademicYear
from oko.project import Project
from oko.report import compliance_rows
from oko.results.model import ProcedureResults

SUMMARY_FILE = ".oko-school.json"
FORMAT = 1  # bumped when the summary's shape changes: an older one is read as «no summary»
DISTRICT_LEVELS = frozenset({Level.FEDERAL, Level.REGIONAL})  # the procedures a district schedules across schools


@dataclass
class SchoolSummary:
    slug: str
    folder: str
    short_name: str
    name: str
    cells: list[dict[str, str]] = field(default_factory=list)
    sveden: dict[str, int] = field(default_factory=dict)  # ok / warning / error rows of check --report
    procedures: list[dict[str, str]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)
    state: str = "built"  # built | kept (previous pages, this build failed) | failed (nothing published)

    def to_bytes(self) -> bytes:
        data = {"format": FORMAT, **{k: v for k, v in self.__dict__.items() if k != "state"}}
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> SchoolSummary | None:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
            return None
        try:
            return cls(**data)
        except TypeError:
            return None


def summarise(slug: str, folder: str, project: Project, files: dict[str, bytes], issues: list[Issue],
              year: AcademicYear) -> SchoolSummary:
    """The summary of a school whose build succeeded."""
    organisation = owner(project)
    short_name = organisation.model.short_name if organisation else slug
    name = organisation.model.name if organisation else slug
    schedules = assemble_schedules(project)[0]
    rows = compliance_rows(project, files, issues)
    sveden = {status: sum(1 for row in rows if row.status == status) for status in ("ok", "warning", "error")}
    return SchoolSummary(
        slug, folder, short_name, name,
        cells=[cell.to_json() for cell in school_cells(project, schedules, year)],
        sveden=sveden,
        procedures=_procedures(schedules.get(f"{year.start}-{year.end}")),
        results=[_result(key, entry.model) for key, entry in results(project).items()],
    )


def _procedures(schedule: YearSchedule | None) -> list[dict[str, str]]:
    """Federal and regional procedures of the monitoring year: one per date, subject and kind."""
    if schedule is None:
        return []
    found = []
    for placed in schedule.procedures:
        procedure = placed.procedure
        if procedure.level not in DISTRICT_LEVELS:
            continue
        grades = sorted({int(''.join(c for c in name if c.isdigit())) for name in placed.classes if name[:1].isdigit()})
        found.append({
            "date": procedure.first_day.isoformat(), "last": procedure.last_day.isoformat(),
            "dated": "yes" if procedure.date else "no", "kind": procedure.kind.label,
            "subject": procedure.subject_text, "grades": ", ".join(map(str, grades)) or procedure.classes,
            "level": procedure.level.label if procedure.level else "",
        })
    return sorted(found, key=lambda p: (p["date"], p["kind"], p["subject"], p["grades"]))


def _result(key: str, result: ProcedureResults) -> dict[str, Any]:
    """The whole school's counts of one procedure: the parallel's group if it has one, else its classes summed."""
    parallel = [group for group in result.groups if group.group.isdigit()]
    groups = parallel or result.groups
    marks: Counter[int] = Counter()
    scores: Counter[int] = Counter()
    with_scores = all(group.scores for group in groups)
    for group in groups:
        marks.update(group.marks)
        if with_scores and group.scores:
            scores.update(group.scores)
    return {
        "key": key, "year": year_of(key), "url": result_url(key), "kind": result.kind.label,
        "subject": result.subject, "grade": result.grade, "date": result.date.isoformat(),
        "participants": sum(group.participants for group in groups),
        "marks": {str(mark): marks[mark] for mark in sorted(marks)},
        "scores": {str(score): scores[score] for score in sorted(scores)} if with_scores else {},
        "mark_set": list(result.mark_set), "pass_mark": result.pass_mark, "quality_mark": result.quality_mark,
        "max_score": result.max_score,
    }
