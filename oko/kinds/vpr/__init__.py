"""ВПР by year (content/vpr/<year>.yaml): which works each grade writes, and a text for parents."""

from __future__ import annotations

from oko.kinds.demos.model import VprYear
from oko.project import Entry, Project

NAME = "vpr"


def vpr(project: Project) -> dict[str, Entry[VprYear]]:
    """By year, «2026»."""
    return project.entries.get(NAME, {})
