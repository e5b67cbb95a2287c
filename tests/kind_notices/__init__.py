"""A test-only content kind, «Объявления» (content/notices/*.yaml), written by following docs/architecture.md.

It lives in tests/ and changes nothing under oko/: registering it is all the engine needs to give it
pages, a menu entry, a schema, a form in the editor, a rule, and the safe reader and the personal-data
rule every kind gets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pydantic import Field

from oko.errors import Issue
from oko.kind import Context, FolderForm, Form, Kind, Schema
from oko.models.common import NonEmptyStr, OkoModel, RuDate
from oko.project import Entry, Project
from oko.site import HOME, Crumb, MenuEntry, Page, Section

NAME = "notices"
SECTION = Crumb("Объявления", "/notices/")
RULE_CODES = {"notices.title_length": "заголовок объявления не длиннее 60 знаков"}
TEMPLATE = """{% extends "base.html" %}
{% block content %}
<article class="prose">
  <h1>{{ page.title }}</h1>
  {% if notice %}<p class="notice-date">{{ notice.date | ru_date }}</p><p>{{ notice.text }}</p>{% endif %}
  {% for entry in notices %}<p><a href="{{ ('/notices/' ~ entry.id ~ '/') | url }}">{{ entry.model.title }}</a></p>
  {% endfor %}
</article>
{% endblock %}
"""


class Notice(OkoModel):
    """One notice for parents."""

    title: NonEmptyStr = Field(title="Заголовок")
    date: RuDate = Field(title="Дата", description="ДД.ММ.ГГГГ")
    text: NonEmptyStr = Field(title="Текст объявления")


def notices(project: Project) -> dict[str, Entry[Notice]]:
    return project.entries.get(NAME, {})


def titles_are_short(project: Project) -> Iterator[Issue]:
    """A notice's title fits one line of a phone's screen."""
    for entry in notices(project).values():
        if len(entry.model.title) > 60:
            yield entry.doc.issue("заголовок объявления длиннее 60 знаков", ("title",), level="warning",
                                  hint="сократите заголовок, подробности — в тексте", code="notices.title_length")


class Notices(Kind):
    name = NAME
    order = 95
    paths = ("notices",)
    segments = ("notices",)
    folder = "notices"
    model = Notice
    rule_codes = RULE_CODES
    menu = (MenuEntry(60, "Объявления", SECTION.url, "section:notices"),)
    sections = (Section("/notices/", "Объявление", ("notices/",)),)
    schemas = (Schema("notice", Notice, "Объявление", "content/notices/*.yaml"),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        if notices(ctx.project):
            ctx.routes.add("", "section:notices", SECTION.url, SECTION.title)
        for notice_id, entry in notices(ctx.project).items():
            ctx.routes.add(entry.source, f"notice:{notice_id}", f"/notices/{notice_id}/", entry.model.title)
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return titles_are_short(ctx.project)

    def pages(self, ctx: Context) -> list[Page]:
        entries = sorted(notices(ctx.project).values(), key=lambda e: (e.model.date, e.id), reverse=True)
        if not entries:
            return []
        pages = [Page(SECTION.url, "notices.html", SECTION.title, breadcrumbs=[HOME],
                      data={"notice": None, "notices": entries})]
        pages += [Page(f"/notices/{e.id}/", "notices.html", e.model.title, source=e.source,
                       breadcrumbs=[HOME, SECTION], data={"notice": e.model, "notices": []}) for e in entries]
        return pages

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(55, "notices", "Объявления", "content/notices", "notice")]


KIND = Notices()
