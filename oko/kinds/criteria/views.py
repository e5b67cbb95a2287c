"""Pages of assessment criteria: /criteria/ (by subject and by grade) and /criteria/<id>/."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from oko.kinds.criteria import CRITERIA, criteria, criteria_url
from oko.kinds.criteria.model import CriteriaMeta
from oko.kinds.criteria.scale_view import ScaleView, scale_views
from oko.project import Entry, Project
from oko.site import HOME, Page


@dataclass
class SubjectCriteria:
    subject: str
    entries: list[tuple[str, Entry[CriteriaMeta]]]


def _subject_index(project: Project) -> list[SubjectCriteria]:
    by_subject: dict[str, list[tuple[str, Entry[CriteriaMeta]]]] = defaultdict(list)
    for criteria_id, entry in sorted(criteria(project).items()):
        if not entry.model.general:
            by_subject[entry.model.subject].append((criteria_id, entry))
    return [SubjectCriteria(subject, entries) for subject, entries in sorted(by_subject.items())]


def _grade_index(project: Project) -> dict[int, list[tuple[str, Entry[CriteriaMeta]]]]:
    by_grade: dict[int, list[tuple[str, Entry[CriteriaMeta]]]] = defaultdict(list)
    for criteria_id, entry in sorted(criteria(project).items(), key=lambda item: item[1].model.subject):
        if not entry.model.general:
            for grade in entry.model.grades:
                by_grade[grade].append((criteria_id, entry))
    return dict(sorted(by_grade.items()))


def criteria_pages(project: Project) -> list[Page]:
    if not criteria(project):
        return []
    general = [(cid, entry) for cid, entry in sorted(criteria(project).items()) if entry.model.general]
    pages = [Page("/criteria/", "criteria_index.html", CRITERIA.title, breadcrumbs=[HOME],
                  description="Единые критерии оценивания по предметам и классам: как ставятся отметки",
                  data={"subjects": _subject_index(project), "grades": _grade_index(project), "general": general})]
    for criteria_id, entry in sorted(criteria(project).items()):
        parent = criteria(project).get(entry.model.inherits or "")
        views: list[ScaleView] = scale_views(project, entry)
        pages.append(Page(criteria_url(criteria_id), "criteria_page.html", entry.model.display_title,
                          source=entry.source, breadcrumbs=[HOME, CRITERIA],
                          description=f"{entry.model.display_title}, {_grades_text(entry.model.grades)}",
                          data={"meta": entry.model, "scales": views,
                                "parent": (entry.model.inherits, parent) if parent else None}))
    return pages


def _grades_text(grades: list[int]) -> str:
    if len(grades) > 1 and grades == list(range(grades[0], grades[-1] + 1)):
        return f"{grades[0]}–{grades[-1]} классы"
    return ", ".join(map(str, grades)) + (" класс" if len(grades) == 1 else " классы")
