"""The schedule kind: a year's folder assembled into one schedule, its pages, feeds, tables, rules and forms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from oko.errors import Issue
from oko.files import FileInfo
from oko.kind import Context, Download, FileForm, FilesForm, Form, Kind, Schema
from oko.kinds.schedule import NAME, schedule_sources
from oko.kinds.schedule.assemble import YearSchedule, assemble_schedules, year_schedules
from oko.kinds.schedule.header_shape import RULE_CODES as SHAPE_CODES
from oko.kinds.schedule.load import load_schedules
from oko.kinds.schedule.model import ProcedureFile, ScheduleHeader
from oko.kinds.schedule.rules import RULE_CODES, check_schedule
from oko.kinds.schedule.stale import RULE_CODES as STALE_CODES
from oko.kinds.schedule.stale import check_current_year
from oko.kinds.schedule.views import SECTION, news_links, results_links, schedule_files, schedule_pages, year_url
from oko.project import Entry, Project
from oko.site import MenuEntry, Page, Section


class Schedule(Kind):
    name = NAME
    order = 40
    paths = ("schedules",)
    segments = ("schedule",)
    rule_codes: ClassVar[dict[str, str]] = {**SHAPE_CODES, **RULE_CODES, **STALE_CODES}
    menu = (MenuEntry(10, "График оценочных процедур", "/schedule/", "section:schedule"),)
    sections = (Section("/schedule/", "График", ("schedules/",), gathers=True),)
    schemas = (Schema("schedule", ScheduleHeader, "График оценочных процедур: учебный год",
                      "content/schedules/*/schedule.yaml"),
               Schema("procedures", ProcedureFile, "Оценочные процедуры", "content/schedules/*/*.yaml"))

    def load(self, project: Project, issues: list[Issue]) -> dict[str, Any]:
        return load_schedules(project, issues)

    def entries(self, project: Project) -> Iterable[Entry[Any]]:
        for year in schedule_sources(project).values():
            if year.header is not None:
                yield year.header
            yield from year.files

    def derive(self, project: Project) -> tuple[dict[str, YearSchedule], list[Issue]]:
        return assemble_schedules(project)

    def add_routes(self, ctx: Context) -> list[Issue]:
        ctx.routes.add("", "section:schedule", SECTION.url, SECTION.title)
        for year, schedule in year_schedules(ctx.derived).items():
            ctx.routes.add(schedule.header_entry.source, f"schedule:{year}", year_url(year),
                           schedule.header.display_title)
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        schedules = year_schedules(ctx.derived)
        return [*(issue for year in schedules.values() for issue in check_schedule(year)),
                *check_current_year(schedules)]

    def pages(self, ctx: Context) -> list[Page]:
        schedules = year_schedules(ctx.derived)
        return schedule_pages(schedules, ctx.project.config.base_url if ctx.project.config else None,
                              results_links(ctx.project, schedules), news_links(ctx.project, schedules))

    def files(self, ctx: Context) -> dict[str, bytes]:
        return schedule_files(year_schedules(ctx.derived))

    def downloads(self, ctx: Context, files: Mapping[str, bytes]) -> list[Download]:
        found = [(schedule.header.display_title, year_url(year), f"schedule/{year}/school.xlsx")
                 for year, schedule in sorted(year_schedules(ctx.derived).items())]
        return [Download(title, url, "/" + path, FileInfo(path, len(files[path]))) for title, url, path in found]

    def forms(self, project: Project) -> list[Form]:
        files = []
        for year, sources in sorted(schedule_sources(project).items()):
            key = f"y{year.replace('-', '_')}"
            if sources.header is not None:
                files.append(FileForm(key, f"{year}: учебный год и процедуры", f"content/{sources.header.source}",
                                      "schedule"))
            files += [FileForm(f"{key}_{entry.id.replace('-', '_')}", f"{year}: {entry.id}",
                               f"content/{entry.source}", "procedures") for entry in sources.files]
        return [FilesForm(70, "schedule", "График оценочных процедур", tuple(files))]


KIND = Schedule()
