"""Demo versions (content/demos/*.yaml): demonstration variants, specifications, codifiers of ВПР, ОГЭ, ЕГЭ."""

from __future__ import annotations

from oko.kinds.demos.model import DemoFile
from oko.project import Entry, Project

NAME = "demos"


def demos(project: Project) -> dict[str, Entry[DemoFile]]:
    return project.entries.get(NAME, {})
