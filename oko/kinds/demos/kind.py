"""The demo versions kind: /demos/, the materials' files and addresses checked, schema and form."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context, FolderForm, Form, Kind, Schema
from oko.kinds.demos import NAME, demos
from oko.kinds.demos.model import DemoFile
from oko.kinds.demos.rules import RULE_CODES, demo_materials_are_safe
from oko.kinds.demos.views import demos_pages
from oko.project import Project
from oko.site import MenuEntry, Page, Section


class Demos(Kind):
    name = NAME
    order = 80
    paths = ("demos",)
    segments = ("demos",)
    folder = "demos"
    model = DemoFile
    rule_codes = RULE_CODES
    menu = (MenuEntry(40, "Демоверсии", "/demos/", "section:demos"),)
    sections = (Section("/demos/", "Демоверсии", ("demos/",)),)
    schemas = (Schema("demos", DemoFile, "Демоверсии", "content/demos/*.yaml"),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        if demos(ctx.project):
            ctx.routes.add("", "section:demos", "/demos/", "Демоверсии")
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return demo_materials_are_safe(ctx.project)

    def pages(self, ctx: Context) -> list[Page]:
        return demos_pages(ctx.project)

    def linked_files(self, project: Project) -> set[str]:
        return {material.file for entry in demos(project).values() for demo in entry.model.demos
                for material in demo.materials if material.file}

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(40, "demos", "Демоверсии", "content/demos", "demos", summary="{{procedure}} {{year}}")]


KIND = Demos()
