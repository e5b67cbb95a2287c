"""The site's structure: which pages exist, at which URLs, with which navigation.

URLs are decided here and nowhere else. They are site-absolute («/plans/x/»); templates turn them
into relative links with the `url` filter, so the site works under a sub-path and from a folder.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from typing import Any

from oko.errors import Issue
from oko.project import Project
from oko.sources import Position

# First path segments the engine keeps for its own sections (present or planned).
RESERVED_SEGMENTS = frozenset({
    "plans", "files", "assets", "sveden", "schedule", "criteria", "demos", "vpr", "search", "admin",
    "food", "pagefind", "documents",
})
EXTERNAL_PREFIXES = ("http://", "https://", "mailto:", "tel:", "webcal://")
LINK_HINT = (
    "на другие файлы содержимого ссылайтесь относительным путём (../plans/имя.yaml), "
    "на страницы — page:имя, на планы — plan:имя, на файлы из content/files — files/имя.pdf"
)


@dataclass(frozen=True)
class Crumb:
    title: str
    url: str


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


@dataclass
class Routes:
    """Where every content file and reference ends up: the basis of link resolution."""

    by_source: dict[str, str] = field(default_factory=dict)  # "plans/x.yaml" → "/plans/x/"
    by_ref: dict[str, str] = field(default_factory=dict)  # "plan:x" → "/plans/x/"
    titles: dict[str, str] = field(default_factory=dict)  # url → title

    def add(self, source: str, ref: str, url: str, title: str) -> None:
        self.by_source[source] = url
        self.by_ref[ref] = url
        self.titles[url] = title


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str


def plan_routes(project: Project) -> tuple[Routes, list[Issue]]:
    """Decide every URL; pages that would collide with the engine's own sections are errors."""
    routes = Routes()
    issues: list[Issue] = []
    routes.add("", "section:plans", "/plans/", "Планы мероприятий")
    for plan_id, entry in project.plans.items():
        routes.add(entry.source, f"plan:{plan_id}", f"/plans/{plan_id}/", entry.model.title)
    for page_id, entry in project.pages.items():
        if page_id in RESERVED_SEGMENTS:
            issues.append(entry.doc.issue(
                f"имя страницы «{page_id}» занято разделом сайта", at=Position(1, 1),
                hint="переименуйте файл, например в about-" + page_id + ".md",
            ))
            continue
        url = "/" if page_id == "index" else f"/{page_id}/"
        routes.add(entry.source, f"page:{page_id}", url, entry.model.title)
    for file in project.files:
        routes.by_source[file] = "/" + file
    return routes, issues


def resolve_link(target: str, source: str, routes: Routes) -> str | None:
    """A link written in a content file → a site-absolute URL (external links pass as they are).

    `target` may be an external address, «#anchor», a reference «plan:id» / «page:id», or a path to
    another content file relative to `source` (or to content/). None means it leads nowhere.
    """
    target = target.strip()
    if target.startswith(EXTERNAL_PREFIXES) or target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path in routes.by_ref:
        return routes.by_ref[path] + suffix
    base = posixpath.dirname(source)
    # Relative to the file, then to content/ («files/x.pdf», or «/files/x.pdf» as the form editor writes it).
    for candidate in (posixpath.normpath(posixpath.join(base, path)), posixpath.normpath(path.lstrip("/"))):
        if candidate in routes.by_source:
            return routes.by_source[candidate] + suffix
    return None


# The engine's sections in the main menu: (place, title, url, present when the routes know this reference).
SECTION_MENU = (
    (0, "Главная", "/", ""),
    (10, "График оценочных процедур", "/schedule/", "section:schedule"),
    (20, "Критерии оценивания", "/criteria/", "section:criteria"),
    (30, "ВПР", "/vpr/", "section:vpr"),
    (40, "Демоверсии", "/demos/", "section:demos"),
    (50, "Планы", "/plans/", "section:plans"),
    (90, "Сведения об образовательной организации", "/sveden/", "section:sveden"),
)


def main_menu(project: Project, routes: Routes) -> list[MenuItem]:
    """The main menu: the engine's sections that have content, then pages that ask for a place (`menu`)."""
    items = [(place, title, url) for place, title, url, ref in SECTION_MENU if not ref or ref in routes.by_ref]
    for page_id, entry in project.pages.items():
        meta = entry.model
        if meta.menu is not None and page_id != "index":
            items.append((meta.menu, meta.menu_title or meta.title, f"/{page_id}/"))
    return [MenuItem(title, url) for _, title, url in sorted(items, key=lambda item: (item[0], item[2]))]


def relative_url(target: str, current: str) -> str:
    """A site-absolute URL as seen from the page at `current`: «/plans/» from «/plans/x/» is «../»."""
    if target.startswith(EXTERNAL_PREFIXES) or target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    current_dir = current if current.endswith("/") else posixpath.dirname(current) + "/"
    relative = posixpath.relpath(path, current_dir)
    if path.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{fragment}" if fragment else "")


def build_pages(project: Project, routes: Routes) -> list[Page]:
    """Every page of the site, in a stable order."""
    home = Crumb("Главная", "/")
    plans_crumb = Crumb("Планы мероприятий", "/plans/")
    plans = sorted(project.plans.values(), key=lambda e: (-_start_year(e.model), e.model.title))
    pages = [
        Page("/search/", "search.html", "Поиск по сайту", breadcrumbs=[home], description="Поиск по сайту"),
        Page("/plans/", "plans.html", "Планы мероприятий", breadcrumbs=[home],
             description="Планы мероприятий по обеспечению объективности оценочных процедур",
             data={"plans": plans, "organisations": project.organisations}),
    ]
    for entry in plans:
        org = project.organisations.get(entry.model.organisation)
        pages.append(Page(
            f"/plans/{entry.id}/", "plan.html", entry.model.title, source=entry.source,
            description=f"{entry.model.title}. {org.model.short_name if org else ''}".strip(),
            breadcrumbs=[home, plans_crumb], data={"plan": entry.model, "organisation": org},
        ))
    for page_id, entry in project.pages.items():
        url = routes.by_ref.get(f"page:{page_id}")
        if url is None:
            continue
        is_home = url == "/"
        pages.append(Page(
            url, "home.html" if is_home else "page.html", entry.model.title, source=entry.source,
            description=entry.model.description or "", breadcrumbs=[] if is_home else [home],
            data={"plans": plans, "organisations": project.organisations,
                  "latest_documents": _latest_documents(project) if is_home else [],
                  "schedule_json": _current_schedule_json(project) if is_home else ""},
        ))
    return sorted(pages, key=lambda page: page.url)


def _latest_documents(project: Project, count: int = 5) -> list[Any]:
    """The newest dated documents of the registry, for the home page."""
    if project.documents is None:
        return []
    dated = [d for d in project.documents.model.documents if d.date is not None]
    return sorted(dated, key=lambda d: (d.date, d.id), reverse=True)[:count]


def _current_schedule_json(project: Project) -> str:
    """The newest schedule's JSON file: the home page's script reads the next procedures from it."""
    return f"/schedule/{max(project.schedules)}/school.json" if project.schedules else ""


def _start_year(entry_model: Any) -> int:
    frame = entry_model.time_frame
    return frame.start if isinstance(frame.start, int) else frame.start.year


# What a page is (for search results) and which content folder it is made from, by its address.
SECTION_KINDS = (
    ("/plans/", "План", ("plans/",)),
    ("/schedule/", "График", ("schedules/",)),
    ("/criteria/", "Критерии", ("criteria/",)),
    ("/vpr/", "ВПР", ("vpr/", "schedules/", "demos/")),
    ("/demos/", "Демоверсии", ("demos/",)),
    ("/sveden/document/", "Документы", ("sveden/document.yaml", "documents.yaml", "plans/", "schedules/")),
    ("/sveden/", "Сведения", ("sveden/", "documents.yaml")),
    ("/food/", "Питание", ("food/",)),
)


def stamp_pages(pages: list[Page], changes: dict[str, dt.date]) -> None:
    """Give each page its kind and the date its content last changed (its source, else its section)."""
    for page in pages:
        section = next(((kind, folders) for prefix, kind, folders in SECTION_KINDS if page.url.startswith(prefix)),
                       ("Страница", ()))
        page.kind = section[0]
        # A page written from one file dates from it; a page that gathers a section (a schedule, the
        # documents) dates from the newest file of the section.
        gathers = not page.source or page.kind in ("График", "ВПР", "Документы")
        dates = [day for path, day in changes.items()
                 if (path.startswith(section[1]) if gathers else path == page.source)]
        page.updated = max(dates, default=None)
