"""What a site is made of: pages (url, template, title, breadcrumbs, data), menu items and sections.

Kinds make pages (oko/kinds/); this module holds only the shapes they share and the steps that
look at all pages at once: the search page, the main menu's order, and each page's kind and date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


HOME = Crumb("Главная", "/")


@dataclass
class Page:
    """One HTML page to render."""

    url: str
    template: str
    title: str
    source: str = ""  # content-relative source file, if any
    description: str = ""
    breadcrumbs: list[Crumb] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    kind: str = "Страница"  # what a search result calls it: План, График, Критерии, Сведения …
    related: list[str] = field(default_factory=list)  # other content files the page is made from
    updated: dt.date | None = None  # the newest change of its sources, from git (oko/history.py)

    @property
    def output_path(self) -> str:
        return self.url.lstrip("/") + "index.html"


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str


@dataclass(frozen=True)
class MenuEntry:
    """A place in the main menu: shown when the routes know `ref` (always, when it is empty)."""

    place: int
    title: str
    url: str
    ref: str = ""


@dataclass(frozen=True)
class Section:
    """Pages under `prefix`: what a search result calls them and which content files date them.

    A page written from one file dates from it; a page that `gathers` a section (a schedule, the
    documents) dates from the newest file under `folders`.
    """

    prefix: str
    label: str
    folders: tuple[str, ...]
    gathers: bool = False


def search_page() -> Page:
    return Page("/search/", "search.html", "Поиск по сайту", breadcrumbs=[HOME], description="Поиск по сайту")


def menu_items(entries: Iterable[tuple[int, str, str]]) -> list[MenuItem]:
    """(place, title, url) in menu order: by place, then by address."""
    return [MenuItem(title, url) for _, title, url in sorted(entries, key=lambda item: (item[0], item[2]))]


def stamp_pages(pages: list[Page], changes: dict[str, dt.date], sections: Iterable[Section]) -> None:
    """Give each page its kind and the date its content last changed (its source, else its section)."""
    ordered = sorted(sections, key=lambda section: -len(section.prefix))  # /sveden/document/ before /sveden/
    newest: dict[tuple[str, ...], dt.date | None] = {}  # folders → their newest change, computed once each
    for page in pages:
        section = next((s for s in ordered if page.url.startswith(s.prefix)), None)
        page.kind = section.label if section else "Страница"
        folders = section.folders if section else ()
        if page.source and not (section is not None and section.gathers):
            page.updated = changes.get(page.source)
            continue
        if folders not in newest:
            newest[folders] = max((day for path, day in changes.items() if path.startswith(folders)), default=None)
        page.updated = newest[folders]
