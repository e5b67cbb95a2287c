"""Markdown pages (content/pages/*.md); index.md is the home page."""

from __future__ import annotations

from oko.kinds.pages.model import PageMeta
from oko.project import Entry, Project

NAME = "pages"
HOME_SOURCE = "content/pages/index.md"


def pages(project: Project) -> dict[str, Entry[PageMeta]]:
    return project.entries.get(NAME, {})
