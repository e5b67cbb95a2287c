"""The news pages: /news/ (newest first, with tags) and /news/<id>/ (the item, its procedure, a way back)."""

from __future__ import annotations

from oko.kinds.news import news_newest_first, news_url
from oko.links import Routes
from oko.project import Project
from oko.site import HOME, Crumb, Page

SECTION_TITLE = "Новости"
SECTION = Crumb(SECTION_TITLE, "/news/")
FEED_URL = "/news/feed.xml"


def news_pages(project: Project, routes: Routes) -> list[Page]:
    items = news_newest_first(project)
    if not items:
        return []
    listing = [{"id": news_id, "meta": entry.model, "url": news_url(news_id)} for news_id, entry in items]
    pages = [Page(SECTION.url, "news_index.html", SECTION_TITLE, breadcrumbs=[HOME],
                  description="Новости и объявления школы об оценочных процедурах: ВПР, итоговое собеседование, "
                              "контрольные работы",
                  data={"items": listing, "feed_url": FEED_URL})]
    for news_id, entry in items:
        meta = entry.model
        pages.append(Page(news_url(news_id), "news_item.html", meta.title, source=entry.source,
                          description=meta.description or f"Новость от {meta.date:%d.%m.%Y}",
                          breadcrumbs=[HOME, SECTION],
                          data={"meta": meta, "feed_url": FEED_URL, "schedule_url": _schedule_url(meta, routes)}))
    return pages


def _schedule_url(meta: object, routes: Routes) -> str:
    """The schedule of the procedure's school year, if the site has one."""
    procedure = getattr(meta, "procedure", None)
    if procedure is None:
        return ""
    start = procedure.date.year if procedure.date.month >= 9 else procedure.date.year - 1
    url = f"/schedule/{start}-{start + 1}/"
    return url if url in routes.titles else ""
