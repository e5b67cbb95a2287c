"""The home page: what it gathers from other kinds (plans, the newest documents, the current schedule)."""

from __future__ import annotations

from typing import Any

from oko.errors import Issue
from oko.kinds.documents import registry
from oko.kinds.pages import HOME_SOURCE, pages
from oko.kinds.schedule import schedule_sources, schedule_years
from oko.kinds.schedule.assemble import grade_of
from oko.kinds.schedule.views import ClassGroup, stable_class_url
from oko.project import Project


def home_page_missing(project: Project, issues: list[Issue]) -> list[Issue]:
    """content/pages/index.md must exist (unless it exists and is already reported as broken)."""
    if "index" in pages(project) or any(issue.file == HOME_SOURCE for issue in issues):
        return []
    return [Issue("error", HOME_SOURCE, "нет главной страницы сайта",
                  hint="создайте content/pages/index.md с заголовком title")]


def latest_documents(project: Project, count: int = 5) -> list[Any]:
    """The newest dated documents of the registry, for the home page."""
    entry = registry(project)
    if entry is None:
        return []
    dated = [d for d in entry.model.documents if d.date is not None]
    return sorted(dated, key=lambda d: (d.date, d.id), reverse=True)[:count]


def current_schedule_json(project: Project) -> str:
    """The newest schedule's JSON file: the home page's script reads the next procedures from it."""
    years = schedule_years(project)
    return f"/schedule/{max(years)}/school.json" if years else ""


def home_class_groups(project: Project) -> list[ClassGroup]:
    """The newest year's classes by grade, each linking its class page at the address without the year: a parent
    on the home page is one tap away from the class's works and the date of the next one (issue 16)."""
    years = schedule_years(project)
    header = schedule_sources(project)[max(years)].header if years else None
    if header is None:
        return []
    groups: dict[int, list[tuple[str, str]]] = {}
    for name in header.model.class_names():
        groups.setdefault(grade_of(name), []).append((name, stable_class_url(name)))
    return [ClassGroup(grade, classes) for grade, classes in sorted(groups.items())]
