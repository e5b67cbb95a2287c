"""The ВПР kind: /vpr/ for the newest year, gathering the schedule's dates, demo versions and criteria."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context, FolderForm, Form, Kind, MarkdownSource, Schema
from oko.kinds.demos.model import VprYear
from oko.kinds.schedule.assemble import year_schedules
from oko.kinds.vpr import NAME, vpr
from oko.kinds.vpr.shapes import RULE_CODES, grades_once, old_shapes
from oko.kinds.vpr.views import vpr_pages
from oko.links import markdown_link_targets
from oko.project import Project
from oko.site import MenuEntry, Page, Section


class Vpr(Kind):
    name = NAME
    order = 90
    paths = ("vpr",)
    segments = ("vpr",)
    folder = "vpr"
    model = VprYear
    rule_codes = RULE_CODES
    menu = (MenuEntry(30, "ВПР", "/vpr/", "section:vpr"),)
    sections = (Section("/vpr/", "ВПР", ("vpr/", "schedules/", "demos/"), gathers=True),)
    schemas = (Schema("vpr", VprYear, "ВПР года", "content/vpr/*.yaml"),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        if vpr(ctx.project):
            ctx.routes.add("", "section:vpr", "/vpr/", "Всероссийские проверочные работы")
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        entries = vpr(ctx.project).values()
        return [*(issue for entry in entries for issue in old_shapes(entry)),
                *(issue for entry in entries for issue in grades_once(entry))]

    def pages(self, ctx: Context) -> list[Page]:
        return vpr_pages(ctx.project, year_schedules(ctx.derived))  # the schedule kind derives them

    def markdown(self, project: Project) -> dict[str, MarkdownSource]:
        """The text for parents: Markdown inside a YAML block, so positions shift by its indent."""
        sources = {}
        for entry in vpr(project).values():
            if entry.model.for_parents:
                at = entry.doc.position(("for_parents",))
                sources[entry.source] = MarkdownSource(entry.model.for_parents, entry.doc,
                                                       (at.line + 1) if at else 1, indented=True)
        return sources

    def links(self, project: Project) -> Iterable[tuple[str, str]]:
        return [(e.source, target) for e in vpr(project).values()
                for target in markdown_link_targets(e.model.for_parents or "")]

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(50, "vpr", "ВПР по годам", "content/vpr", "vpr", summary="{{year}}")]


KIND = Vpr()
