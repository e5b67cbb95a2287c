"""The schedule of assessment procedures (content/schedules/<year>/): one folder per academic year."""

from __future__ import annotations

from dataclasses import dataclass, field

from oko.kinds.schedule.model import ProcedureFile, ScheduleHeader
from oko.project import Entry, Project

NAME = "schedule"


@dataclass
class ScheduleSources:
    """One year's folder under content/schedules: the header file and the other procedure files."""

    year: str  # the folder name, «2025-2026»
    header: Entry[ScheduleHeader] | None
    files: list[Entry[ProcedureFile]] = field(default_factory=list)


def schedule_sources(project: Project) -> dict[str, ScheduleSources]:
    return project.entries.get(NAME, {})


def schedule_years(project: Project) -> list[str]:
    """The year folders that loaded, «2025-2026» …"""
    return list(schedule_sources(project))
