"""News and announcements of assessment events (content/news/*.md, dated, with tags).

Seed 002 §5.1 asks a school to publish «информационные материалы и важные события, связанные с проведением
оценочной процедуры» as they happen; a news item may name the procedure of the schedule it concerns, and that
procedure's class pages link back to it (`news_about`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from oko.kinds.news.model import NewsMeta
from oko.project import Entry, Project

NAME = "news"


def news(project: Project) -> dict[str, Entry[NewsMeta]]:
    return project.entries.get(NAME, {})


def news_url(news_id: str) -> str:
    return f"/news/{news_id}/"


def news_newest_first(project: Project) -> list[tuple[str, Entry[NewsMeta]]]:
    """(id, entry), the newest first; a day's items by id, so the order never depends on the file system."""
    return sorted(news(project).items(), key=lambda item: (-item[1].model.date.toordinal(), item[0]))


@dataclass(frozen=True)
class NewsLink:
    title: str
    url: str
    date: dt.date


def news_about(project: Project, date: dt.date, subject: str, classes: tuple[str, ...] = ()) -> list[NewsLink]:
    """The news items that name this procedure (its date and subject, and a class of it when the item lists
    classes), the newest first: what a schedule row links to («Новость: …»)."""
    wanted = set(classes)
    found = []
    for news_id, entry in news_newest_first(project):
        ref = entry.model.procedure
        if ref is None or ref.date != date or ref.subject.casefold() != (subject or "").casefold():
            continue
        if ref.class_names and wanted and not wanted & set(ref.class_names):
            continue
        found.append(NewsLink(entry.model.title, news_url(news_id), entry.model.date))
    return found
