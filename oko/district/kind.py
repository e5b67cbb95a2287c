"""The district's pages as one more kind, registered for the district's own build only (oko/district/build.py)."""

from __future__ import annotations

from oko.district.summary import SchoolSummary
from oko.district.views import SECTION, district_pages
from oko.errors import Issue
from oko.kind import Context, Kind
from oko.site import MenuEntry, Page, Section

NAME = "district"


class District(Kind):
    """/district/: the monitoring table, the schedule across schools, results against the group, the plan."""

    name = NAME
    order = 200
    segments = ("district",)
    menu = (MenuEntry(12, "Школы района", SECTION.url),)
    sections = (Section(SECTION.url, "Район", ("plans/",), gathers=True),)

    def __init__(self, schools: list[SchoolSummary], year: str) -> None:
        self.schools = schools
        self.year = year

    def add_routes(self, ctx: Context) -> list[Issue]:
        ctx.routes.add("", "section:district", SECTION.url, SECTION.title)
        for school in self.schools:  # «school:<slug>» in the district's Markdown: the school's site
            ctx.routes.add("", f"school:{school.slug}", f"/{school.slug}/", school.short_name)
        return []

    def pages(self, ctx: Context) -> list[Page]:
        config = ctx.project.config
        min_group = config.results.min_group if config else 10
        return district_pages(ctx.project, self.schools, min_group, self.year)
