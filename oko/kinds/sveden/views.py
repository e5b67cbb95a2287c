"""Pages of «Сведения об образовательной организации» (/sveden/ and /sveden/<slug>/) and of /food/.

Titles and slugs are fixed by order 1493 п.6 and the methodical recommendations (oko/sveden_spec.py);
every page of the section carries one shared navigation (1493 п.2).
"""

from __future__ import annotations

from dataclasses import dataclass

from oko.files import FileInfo
from oko.models.documents import Document
from oko.models.sveden import document_refs
from oko.project import Project
from oko.rules.sveden import has_sveden
from oko.site import Crumb, Page, Routes, resolve_link
from oko.sveden_spec import BY_SLUG, SUBSECTIONS, Subsection

HOME = Crumb("Главная", "/")
SECTION_TITLE = "Сведения об образовательной организации"
SECTION = Crumb(SECTION_TITLE, "/sveden/")


def subsection_url(subsection: Subsection) -> str:
    return f"/sveden/{subsection.slug}/"


@dataclass(frozen=True)
class DocView:
    """A document as a page shows it: its link, and «PDF, 1,2 МБ» for a local file."""

    document: Document
    url: str
    info: FileInfo | None

    @property
    def label(self) -> str:
        return self.info.label if self.info else "внешний сайт"


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str


@dataclass(frozen=True)
class Download:
    """A generated file offered beside a page (a plan's or a schedule's spreadsheet)."""

    title: str
    page_url: str
    file_url: str
    info: FileInfo


def document_views(project: Project) -> dict[str, DocView]:
    views: dict[str, DocView] = {}
    if project.documents is None:
        return views
    for document in project.documents.model.documents:
        info = project.files.get(document.file) if document.file else None
        url = f"/{document.file}" if document.file else (document.url or "")
        views[document.id] = DocView(document, url, info)
    return views


def add_sveden_routes(routes: Routes, project: Project) -> None:
    if project.food:
        routes.add("", "section:food", "/food/", "Ежедневное меню")
    if not has_sveden(project):
        return
    routes.add("", "section:sveden", "/sveden/", SECTION_TITLE)
    for subsection in SUBSECTIONS:
        entry = project.sveden.get(subsection.slug)
        routes.add(entry.source if entry else "", f"sveden:{subsection.slug}", subsection_url(subsection),
                   subsection.title)
    for document_id, view in document_views(project).items():
        routes.by_ref[f"document:{document_id}"] = view.url


def sveden_nav() -> list[NavItem]:
    return [NavItem(subsection.title, subsection_url(subsection)) for subsection in SUBSECTIONS]


def sveden_pages(project: Project, routes: Routes, downloads: list[Download]) -> list[Page]:
    """The section's index and all 14 subsections (a subsection without data still gets its page)."""
    food = [Page("/food/", "food.html", "Ежедневное меню", breadcrumbs=[HOME],
                 description="Меню горячего питания для автоматизированного мониторинга",
                 data={"food": sorted(project.food.values(), key=lambda info: info.path, reverse=True)})]
    if not has_sveden(project):
        return food if project.food else []
    docs = document_views(project)
    used = {ref for slug, entry in project.sveden.items()
            for _, ref in document_refs(BY_SLUG[slug].attributes, (), entry.model)}
    common = {"nav": sveden_nav(), "docs": docs}
    pages = [Page("/sveden/", "sveden_index.html", SECTION_TITLE, breadcrumbs=[HOME],
                  description="Обязательный раздел сайта образовательной организации (приказ Рособрнадзора № 1493)",
                  data=common)]
    for subsection in SUBSECTIONS:
        entry = project.sveden.get(subsection.slug)
        extra = [(routes.titles.get(url, target), url) for target in (entry.model.pages if entry else [])
                 if (url := resolve_link(target, entry.source if entry else "", routes))]
        data = {**common, "sub": subsection, "values": entry.model if entry else None, "add_pages": extra,
                "other_documents": [view for doc_id, view in docs.items() if doc_id not in used],
                "downloads": downloads}
        pages.append(Page(subsection_url(subsection), "sveden_section.html", subsection.title,
                          source=entry.source if entry else "", breadcrumbs=[HOME, SECTION], data=data))
    return pages + (food if project.food else [])

