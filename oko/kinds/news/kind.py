"""The news kind: content/news/*.md at /news/<id>/, the list /news/, the Atom feed /news/feed.xml."""

from __future__ import annotations

from collections.abc import Iterable

from oko.errors import Issue
from oko.kind import Context, FolderForm, Form, Kind, MarkdownSource, Schema
from oko.kinds.news import NAME, news, news_url
from oko.kinds.news.feed import FEED_PATH, atom_feed
from oko.kinds.news.model import NewsMeta
from oko.kinds.news.rules import procedures_exist
from oko.kinds.news.views import SECTION, SECTION_TITLE, news_pages
from oko.links import markdown_link_targets
from oko.project import Project
from oko.site import MenuEntry, Page, Section


class News(Kind):
    name = NAME
    order = 87
    paths = ("news",)
    segments = ("news",)
    folder = "news"
    suffix = ".md"
    model = NewsMeta
    menu = (MenuEntry(55, SECTION_TITLE, SECTION.url, "section:news"),)
    sections = (Section(SECTION.url, "Новость", ("news/",)),)
    schemas = (Schema("news", NewsMeta, "Новость (заголовочный блок)", ""),)

    def add_routes(self, ctx: Context) -> list[Issue]:
        items = news(ctx.project)
        if items:
            ctx.routes.add("", "section:news", SECTION.url, SECTION_TITLE)
        for news_id, entry in items.items():
            ctx.routes.add(entry.source, f"news:{news_id}", news_url(news_id), entry.model.title)
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return procedures_exist(ctx)

    def pages(self, ctx: Context) -> list[Page]:
        return news_pages(ctx.project, ctx.routes)

    def files(self, ctx: Context) -> dict[str, bytes]:
        config = ctx.project.config
        feed = atom_feed(ctx.project, config.title if config else "Новости",
                         str(config.base_url) if config and config.base_url else None)
        return {FEED_PATH: feed} if feed else {}

    def markdown(self, project: Project) -> dict[str, MarkdownSource]:
        return {e.source: MarkdownSource(e.doc.body, e.doc, e.doc.body_line) for e in news(project).values()}

    def links(self, project: Project) -> Iterable[tuple[str, str]]:
        return [(e.source, target) for e in news(project).values() for target in markdown_link_targets(e.doc.body)]

    def forms(self, project: Project) -> list[Form]:
        return [FolderForm(25, "news", "Новости", "content/news", "news", markdown=True,
                           summary="{{date}} {{title}}")]


KIND = News()
