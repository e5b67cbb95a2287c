"""The «Сведения» kind: 14 subsections with MR v9 microdata, their completeness rules, schemas and forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oko.errors import Issue
from oko.kind import Context, FileForm, FilesForm, Form, Kind, Schema
from oko.kinds.sveden import NAME
from oko.kinds.sveden.load import load_sveden
from oko.kinds.sveden.model import subsection_model
from oko.kinds.sveden.rules import RULE_CODES, check_sveden
from oko.kinds.sveden.views import add_sveden_routes, sveden_pages
from oko.project import Project
from oko.site import MenuEntry, Page, Section
from oko.sveden_spec import SUBSECTIONS

SCHEMAS = tuple(Schema(f"sveden-{s.file}", subsection_model(s), s.title, f"content/sveden/{s.file}.yaml")
                for s in SUBSECTIONS)


class Sveden(Kind):
    name = NAME
    order = 60
    paths = ("sveden",)
    segments = ("sveden",)
    rule_codes = RULE_CODES
    menu = (MenuEntry(90, "Сведения об образовательной организации", "/sveden/", "section:sveden"),)
    sections = (Section("/sveden/document/", "Документы",
                        ("sveden/document.yaml", "documents.yaml", "plans/", "schedules/"), gathers=True),
                Section("/sveden/", "Сведения", ("sveden/", "documents.yaml")))
    schemas = SCHEMAS

    def load(self, project: Project, issues: list[Issue]) -> dict[str, Any]:
        return load_sveden(project, issues)

    def add_routes(self, ctx: Context) -> list[Issue]:
        add_sveden_routes(ctx.routes, ctx.project)
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return check_sveden(ctx.project)

    def pages(self, ctx: Context) -> list[Page]:
        return sveden_pages(ctx.project, ctx.routes, list(ctx.downloads))

    def forms(self, project: Project) -> list[Form]:
        return [FilesForm(90, "sveden", "Сведения об образовательной организации", tuple(
            FileForm(schema.name.removeprefix("sveden-"), schema.title, schema.pattern, schema.name)
            for schema in SCHEMAS))]


KIND = Sveden()
