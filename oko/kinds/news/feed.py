"""The Atom feed of the news (RFC 4287): /news/feed.xml, made only from the content, so the same files give
the same bytes (no build time: each entry is dated by its `date`, the feed by its newest entry)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from oko.kinds.news import news_newest_first, news_url
from oko.kinds.news.model import NewsMeta
from oko.project import Project

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "news/feed.xml"
_MARKUP = re.compile(r"[*_`#>\[\]]|\]\([^)]*\)")


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _summary(meta: NewsMeta, body: str) -> str:
    """The item's description, else its first paragraph without Markdown's marks."""
    if meta.description:
        return meta.description
    first = next((p for p in re.split(r"\n\s*\n", body.strip()) if p.strip()), "")
    return " ".join(_MARKUP.sub("", first).split())


def _id(site_key: str, news_id: str) -> str:
    """A permanent id that needs no site address: a name-based UUID of the site and the item."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'oko:{site_key}:news:{news_id}')}"


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    element.text = text
    return element


def atom_feed(project: Project, site_title: str, base_url: str | None) -> bytes | None:
    items = news_newest_first(project)
    if not items:
        return None

    def href(url: str) -> str:  # absolute with base_url, else relative to the feed's own folder (/news/)
        return urljoin(base_url, url.lstrip("/")) if base_url else "." + url.removeprefix("/news")

    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "ru"})
    _add(feed, "title", f"Новости — {site_title}")
    _add(feed, "id", _id(site_title, "feed"))
    _add(feed, "updated", _stamp(max(entry.model.date for _, entry in items)))
    _add(feed, "link", rel="self", type="application/atom+xml", href=href("/news/feed.xml"))
    _add(feed, "link", rel="alternate", type="text/html", href=href("/news/"))
    _add(_add(feed, "author"), "name", site_title)
    for news_id, entry in items:
        meta = entry.model
        item = _add(feed, "entry")
        _add(item, "title", meta.title)
        _add(item, "id", _id(site_title, news_id))
        _add(item, "link", rel="alternate", type="text/html", href=href(news_url(news_id)))
        _add(item, "updated", _stamp(meta.date))
        _add(item, "published", _stamp(meta.date))
        for tag in meta.tags:
            _add(item, "category", term=tag)
        _add(item, "summary", _summary(meta, entry.doc.body))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
