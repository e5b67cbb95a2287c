"""Loading content/schedules/<year>/: schedule.yaml describes the year, any other file holds procedures."""

from __future__ import annotations

import re

from oko.errors import Issue
from oko.kinds.schedule import ScheduleSources
from oko.kinds.schedule.model import ProcedureFile, ScheduleHeader
from oko.project import CONTENT_DIR, Project, load_entry
from oko.sources import parse_yaml

YEAR_FOLDER = re.compile(r"^(\d{4})-(\d{4})$")
SCHEDULE_HEADER = "schedule.yaml"


def load_schedules(project: Project, issues: list[Issue]) -> dict[str, ScheduleSources]:
    """content/schedules/<year>/: schedule.yaml plus any other files of procedures."""
    schedules: dict[str, ScheduleSources] = {}
    for relative in project.tree.subfolders(f"{CONTENT_DIR}/schedules"):
        folder = project.root / relative
        match = YEAR_FOLDER.match(folder.name)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            issues.append(Issue("error", project.shown(folder), f"неподходящее имя папки «{folder.name}»",
                                hint="папка графика называется по учебному году, например 2025-2026"))
            continue
        header_path = folder / SCHEDULE_HEADER
        if not project.tree.is_file(project.shown(header_path)):
            issues.append(Issue("error", project.shown(folder), "в папке графика нет файла schedule.yaml",
                                hint="schedule.yaml описывает учебный год: периоды, каникулы, классы и часы"))
            continue
        header = load_entry(project, header_path, ScheduleHeader, parse_yaml, issues)
        files = [entry for path in map(project.root.joinpath, project.tree.listing(relative, ".yaml"))
                 if path.name != SCHEDULE_HEADER
                 if (entry := load_entry(project, path, ProcedureFile, parse_yaml, issues)) is not None]
        schedules[folder.name] = ScheduleSources(folder.name, header, files)
    return schedules
