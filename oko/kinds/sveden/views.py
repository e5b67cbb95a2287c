"""Pages of «Сведения об образовательной организации»: /sveden/ and /sveden/<slug>/.

Titles and slugs are fixed by order 1493 п.6 and the methodical recommendations (oko/sveden_spec.py);
every page of the section carries one shared navigation (1493 п.2).
"""

from __future__ import annotations

from dataclasses import dataclass

from oko.kind import Download
from oko.kinds.documents import document_views
from oko.kinds.sveden import has_sveden, sveden
from oko.kinds.sveden.model import document_refs
from oko.links import Routes, resolve_link
from oko.project import Project
from oko.site import HOME, Crumb, Page
from oko.sveden_spec import BY_SLUG, SUBSECTIONS, Subsection

SECTION_TITLE = "Сведения об образовательной организации"
SECTION = Crumb(SECTION_TITLE, "/sveden/")


def subsection_url(subsection: Subsection) -> str:
    return f"/sveden/{subsection.slug}/"


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str


def add_sveden_routes(routes: Routes, project: Project) -> None:
    if not has_sveden(project):
        return
    routes.add("", "section:sveden", SECTION.url, SECTION_TITLE)
    entries = sveden(project)
    for subsection in SUBSECTIONS:
        entry = entries.get(subsection.slug)
        routes.add(entry.source if entry else "", f"sveden:{subsection.slug}", subsection_url(subsection),
                   subsection.title)
    for document_id, view in document_views(project).items():
        routes.by_ref[f"document:{document_id}"] = view.url


def sveden_nav() -> list[NavItem]:
    return [NavItem(subsection.title, subsection_url(subsection)) for subsection in SUBSECTIONS]


def sveden_pages(project: Project, routes: Routes, downloads: list[Download]) -> list[Page]:
    """The section's index and all 14 subsections (a subsection without data still gets its page)."""
    if not has_sveden(project):
        return []
    entries = sveden(project)
    docs = document_views(project)
    used = {ref for slug, entry in entries.items()
            for _, ref in document_refs(BY_SLUG[slug].attributes, (), entry.model)}
    common = {"nav": sveden_nav(), "docs": docs}
    pages = [Page(SECTION.url, "sveden_index.html", SECTION_TITLE, breadcrumbs=[HOME],
                  description="Обязательный раздел сайта образовательной организации (приказ Рособрнадзора № 1493)",
                  data=common)]
    for subsection in SUBSECTIONS:
        entry = entries.get(subsection.slug)
        extra = [(routes.titles.get(url, target), url) for target in (entry.model.pages if entry else [])
                 if (url := resolve_link(target, entry.source if entry else "", routes))]
        data = {**common, "sub": subsection, "values": entry.model if entry else None, "add_pages": extra,
                "other_documents": [view for doc_id, view in docs.items() if doc_id not in used],
                "downloads": downloads}
        pages.append(Page(subsection_url(subsection), "sveden_section.html", subsection.title,
                          source=entry.source if entry else "", breadcrumbs=[HOME, SECTION], data=data))
    return pages
