"""The pages kind: Markdown pages at /<id>/ (index.md at /), their menu places, schema and form."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.home import current_schedule_json, home_class_groups, latest_documents
from oko.kind import Context, FolderForm, Form, Kind, MarkdownSource, Schema
from oko.kinds.news import news_newest_first, news_url
from oko.kinds.organisations import organisations
from oko.kinds.pages import NAME, pages
from oko.kinds.pages.model import PageMeta
from oko.kinds.plans import plans_newest_first
from oko.links import ENGINE_SEGMENTS, markdown_link_targets
from oko.project import Project
from oko.site import HOME, MenuEntry, Page
from oko.sources import Position


class Pages(Kind):
    name = NAME
    order = 30
    paths = ("pages",)
    folder = "pages"
    suffix = ".md"
    model = PageMeta
    menu = (MenuEntry(0, "Главная", "/"),)
    schemas = (Schema("page", PageMeta, "Страница (заголовочный блок)", ""),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        """/<id>/ for each page, / for index.md; a page may not take a section's address."""
        reserved = ENGINE_SEGMENTS.union(*(kind.segments for kind in ctx.kinds))
        issues = []
        for page_id, entry in pages(ctx.project).items():
            if page_id in reserved:
                issues.append(entry.doc.issue(
                    f"имя страницы «{page_id}» занято разделом сайта", at=Position(1, 1),
                    hint="переименуйте файл, например в about-" + page_id + ".md",
                ))
                continue
            url = "/" if page_id == "index" else f"/{page_id}/"
            ctx.routes.add(entry.source, f"page:{page_id}", url, entry.model.title)
        return issues

    def pages(self, ctx: Context) -> list[Page]:
        project = ctx.project
        listed = plans_newest_first(project)
        result = []
        for page_id, entry in pages(project).items():
            url = ctx.routes.by_ref.get(f"page:{page_id}")
            if url is None:
                continue
            is_home = url == "/"
            result.append(Page(
                url, "home.html" if is_home else "page.html", entry.model.title, source=entry.source,
                description=entry.model.description or "", breadcrumbs=[] if is_home else [HOME],
                data={"plans": listed, "organisations": organisations(project), "meta": entry.model,
                      "latest_documents": latest_documents(project) if is_home else [],
                      "schedule_json": current_schedule_json(project) if is_home else "",
                      "class_groups": home_class_groups(project) if is_home else [],
                      "news": [(news_url(i), e.model) for i, e in news_newest_first(project)[:3]] if is_home else []},
            ))
        return result

    def menu_items(self, ctx: Context) -> list[tuple[int, str, str]]:
        """Главная, then the pages that ask for a place (`menu`)."""
        items = super().menu_items(ctx)
        for page_id, entry in pages(ctx.project).items():
            meta = entry.model
            if meta.menu is not None and page_id != "index":
                items.append((meta.menu, meta.menu_title or meta.title, f"/{page_id}/"))
        return items

    def markdown(self, project: Project) -> dict[str, MarkdownSource]:
        return {e.source: MarkdownSource(e.doc.body, e.doc, e.doc.body_line) for e in pages(project).values()}

    def links(self, project: Project) -> Iterable[tuple[str, str]]:
        return [(e.source, target) for e in pages(project).values() for target in markdown_link_targets(e.doc.body)]

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(20, "pages", "Страницы", "content/pages", "page", markdown=True)]


KIND = Pages()
