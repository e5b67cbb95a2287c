"""The food kind: the files of content/food published as they are, and the /food/ page listing them.

Письмо Минпросвещения № ГД-1158/01: the menus lie in /food/ of the school's site, for monitoring.
"""

from __future__ import annotations

from typing import Any

from oko.errors import Issue
from oko.files import collect_files
from oko.kind import Context, Kind
from oko.kinds.food import NAME, food
from oko.project import Project
from oko.site import HOME, Page, Section

TITLE = "Ежедневное меню"


class Food(Kind):
    name = NAME
    order = 65
    paths = ("food",)
    segments = ("food",)
    sections = (Section("/food/", "Питание", ("food/",)),)

    def load(self, project: Project, issues: list[Issue]) -> dict[str, Any]:
        return collect_files(project.tree, "food")

    def add_routes(self, ctx: Context) -> list[Issue]:
        if food(ctx.project):
            ctx.routes.add("", "section:food", "/food/", TITLE)
        return []

    def pages(self, ctx: Context) -> list[Page]:
        files = food(ctx.project)
        if not files:
            return []
        return [Page("/food/", "food.html", TITLE, breadcrumbs=[HOME],
                     description="Меню горячего питания для автоматизированного мониторинга",
                     data={"food": sorted(files.values(), key=lambda info: info.path, reverse=True)})]

    def published(self, project: Project) -> set[str]:
        return set(food(project))


KIND = Food()
