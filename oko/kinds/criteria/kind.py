"""The criteria kind: Markdown criteria with scales in the front matter, their pages, rules, schema and form."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context, FolderForm, Form, Kind, MarkdownSource, Schema
from oko.kinds.criteria import CRITERIA, NAME, criteria, criteria_url
from oko.kinds.criteria.model import CriteriaMeta
from oko.kinds.criteria.rules import RULE_CODES, check_criteria
from oko.kinds.criteria.views import criteria_pages
from oko.links import markdown_link_targets
from oko.project import Project
from oko.site import MenuEntry, Page, Section


class Criteria(Kind):
    name = NAME
    order = 70
    paths = ("criteria",)
    segments = ("criteria",)
    folder = "criteria"
    suffix = ".md"
    model = CriteriaMeta
    rule_codes = RULE_CODES
    menu = (MenuEntry(20, CRITERIA.title, CRITERIA.url, "section:criteria"),)
    sections = (Section("/criteria/", "Критерии", ("criteria/",)),)
    schemas = (Schema("criteria", CriteriaMeta, "Критерии оценивания (заголовочный блок)", ""),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        entries = criteria(ctx.project)
        if entries:
            ctx.routes.add("", "section:criteria", CRITERIA.url, CRITERIA.title)
        for criteria_id, entry in entries.items():
            ctx.routes.add(entry.source, f"criteria:{criteria_id}", criteria_url(criteria_id),
                           entry.model.display_title)
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return check_criteria(ctx.project)

    def pages(self, ctx: Context) -> list[Page]:
        return criteria_pages(ctx.project)

    def markdown(self, project: Project) -> dict[str, MarkdownSource]:
        return {e.source: MarkdownSource(e.doc.body, e.doc, e.doc.body_line) for e in criteria(project).values()}

    def links(self, project: Project) -> Iterable[tuple[str, str]]:
        return [(e.source, target) for e in criteria(project).values()
                for target in markdown_link_targets(e.doc.body)]

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(30, "criteria", "Критерии оценивания", "content/criteria", "criteria", markdown=True,
                           summary="{{subject}}")]


KIND = Criteria()
