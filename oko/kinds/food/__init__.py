"""Daily menus of hot meals (content/food/**), published byte for byte at /food/ for the monitoring robots."""

from __future__ import annotations

from oko.files import FileInfo
from oko.project import Project

NAME = "food"


def food(project: Project) -> dict[str, FileInfo]:
    """«food/…» path → the file."""
    return project.entries.get(NAME, {})
