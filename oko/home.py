"""The home page: what it gathers from other kinds (plans, the newest documents, the current schedule)."""

from __future__ import annotations

from typing import Any

from oko.errors import Issue
from oko.kinds.documents import registry
from oko.kinds.pages import HOME_SOURCE, pages
from oko.kinds.schedule import schedule_years
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
