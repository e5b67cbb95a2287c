"""The results kind: content/results/<year>/*.yaml linked to the schedule; pages, charts, downloads, markers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oko.errors import Issue
from oko.kind import Context, FileForm, FilesForm, Form, Kind, Schema
from oko.kinds.results import NAME, SECTION_URL, min_group, result_ref, result_url, results
from oko.kinds.results.link import RULE_CODES, check_links
from oko.kinds.results.load import load_results
from oko.kinds.results.shapes import old_shapes
from oko.kinds.results.tables import result_files
from oko.kinds.results.views import ANALYTICS_URL, SECTION, analytics_findings, procedure_views, results_pages
from oko.kinds.schedule.assemble import year_schedules
from oko.project import Entry, Project
from oko.report_row import Row
from oko.results import as_issue, checks
from oko.results.model import ProcedureResults
from oko.site import MenuEntry, Page, Section

REPORT_AREA = "Объективность результатов"


class Results(Kind):
    name = NAME
    order = 85  # after the schedule it links to; before ВПР, whose page links here
    paths = ("results",)
    segments = ("results",)
    rule_codes = RULE_CODES
    menu = (MenuEntry(35, "Результаты", SECTION_URL, "section:results"),)
    sections = (Section(SECTION_URL, "Результаты", ("results/",)),)
    schemas = (Schema("results", ProcedureResults, "Результаты оценочной процедуры", "content/results/*/*.yaml"),)

    def load(self, project: Project, issues: list[Issue]) -> dict[str, Any]:
        return load_results(project, issues)

    def add_routes(self, ctx: Context) -> list[Issue]:
        entries = results(ctx.project)
        if entries:
            ctx.routes.add("", "section:results", SECTION_URL, SECTION.title)
        for key, entry in entries.items():
            ctx.routes.add(entry.source, result_ref(key), result_url(key), entry.model.display_title)
        if entries and ctx.project.config and ctx.project.config.results.publish_analytics:
            ctx.routes.add("", "results:analytics", ANALYTICS_URL, "Анализ объективности результатов")
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        """Tables in the old shape; the link to the schedule; a group below the threshold, visible in the
        repository (152-ФЗ)."""
        found = [issue for entry in results(ctx.project).values() for issue in old_shapes(entry)]
        found += check_links(ctx.project, year_schedules(ctx.derived))
        threshold = min_group(ctx.project)
        for entry in results(ctx.project).values():
            found += [as_issue(entry.doc, problem, "results.small_group")
                      for problem in checks.small_groups(entry.model, threshold)]
        return found

    def pages(self, ctx: Context) -> list[Page]:
        return results_pages(ctx.project, year_schedules(ctx.derived))

    def files(self, ctx: Context) -> dict[str, bytes]:
        return result_files(procedure_views(ctx.project, year_schedules(ctx.derived)))

    def report_rows(self, project: Project, issues: list[Issue]) -> list[Row]:
        """The objectivity markers of each procedure (regulations.md §7a), flagged ones as «внимание»."""
        rows = []
        for view in procedure_views(project, {}):
            where = f"content/{view.entry.source}"
            for finding, title in analytics_findings(view):
                rows.append(Row(REPORT_AREA, f"{view.result.display_title}, {finding.group}: {title}",
                                "warning" if finding.flagged else "ok", where, finding.message))
        return rows

    def entries(self, project: Project) -> Iterable[Entry[Any]]:
        return list(results(project).values())

    def forms(self, project: Project) -> list[Form]:
        """Each file of each year: a folder collection cannot hold year folders; new files come from the template."""
        files = tuple(FileForm(f"r{key.replace('/', '_').replace('-', '_')}", key, f"content/{entry.source}", "results")
                      for key, entry in results(project).items())
        return [FilesForm(75, "results", "Результаты оценочных процедур", files)] if files else []


KIND = Results()
