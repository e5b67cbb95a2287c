"""Assessment criteria (content/criteria/*.md): the school's uniform criteria, by subject and grade."""

from __future__ import annotations

from oko.kinds.criteria.model import CriteriaMeta
from oko.project import Entry, Project
from oko.site import Crumb

NAME = "criteria"
CRITERIA = Crumb("Критерии оценивания", "/criteria/")


def criteria(project: Project) -> dict[str, Entry[CriteriaMeta]]:
    return project.entries.get(NAME, {})


def criteria_url(criteria_id: str) -> str:
    return f"/criteria/{criteria_id}/"
