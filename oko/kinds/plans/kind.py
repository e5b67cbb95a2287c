"""The plans kind: /plans/ and /plans/<id>/, each plan's spreadsheet, its rules, schema and form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from oko.errors import Issue
from oko.files import FileInfo
from oko.kind import Context, Download, FolderForm, Form, Kind, Schema
from oko.kinds.organisations import organisations
from oko.kinds.plans import NAME, plans, plans_newest_first
from oko.kinds.plans import rules as plan_rules
from oko.kinds.plans.model import Plan
from oko.kinds.plans.table import plan_xlsx_bytes
from oko.project import Project
from oko.site import HOME, Crumb, MenuEntry, Page, Section

SECTION = Crumb("Планы мероприятий", "/plans/")


class Plans(Kind):
    name = NAME
    order = 20
    paths = ("plans",)
    segments = ("plans",)
    folder = "plans"
    model = Plan
    rule_codes = plan_rules.RULE_CODES
    menu = (MenuEntry(50, "Планы", "/plans/", "section:plans"),)
    sections = (Section("/plans/", "План", ("plans/",)),)
    schemas = (Schema("plan", Plan, "План мероприятий", "content/plans/*.yaml"),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        ctx.routes.add("", "section:plans", SECTION.url, SECTION.title)
        for plan_id, entry in plans(ctx.project).items():
            ctx.routes.add(entry.source, f"plan:{plan_id}", f"/plans/{plan_id}/", entry.model.title)
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return plan_rules.check_plans(ctx.project, ctx.routes)

    def pages(self, ctx: Context) -> list[Page]:
        project = ctx.project
        listed = plans_newest_first(project)
        orgs = organisations(project)
        pages = [Page(SECTION.url, "plans.html", SECTION.title, breadcrumbs=[HOME],
                      description="Планы мероприятий по обеспечению объективности оценочных процедур",
                      data={"plans": listed, "organisations": orgs})]
        for entry in listed:
            org = orgs.get(entry.model.organisation)
            pages.append(Page(
                f"/plans/{entry.id}/", "plan.html", entry.model.title, source=entry.source,
                description=f"{entry.model.title}. {org.model.short_name if org else ''}".strip(),
                breadcrumbs=[HOME, SECTION], data={"plan": entry.model, "organisation": org},
            ))
        return pages

    def files(self, ctx: Context) -> dict[str, bytes]:
        return {f"plans/{plan_id}.xlsx": plan_xlsx_bytes(entry.model) for plan_id, entry in plans(ctx.project).items()}

    def downloads(self, ctx: Context, files: Mapping[str, bytes]) -> list[Download]:
        found = [(entry.model.title, f"/plans/{plan_id}/", f"plans/{plan_id}.xlsx")
                 for plan_id, entry in sorted(plans(ctx.project).items())]
        return [Download(title, url, "/" + path, FileInfo(path, len(files[path]))) for title, url, path in found]

    def links(self, project: Project) -> Iterable[tuple[str, str]]:
        return [(entry.source, link.link) for entry in plans(project).values()
                for _, item in entry.model.located_items() for link in item.evidence]

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(10, "plans", "Планы мероприятий", "content/plans", "plan")]


KIND = Plans()
