"""News (content/news/*.md): the dated kind, its pages, the home page's list, the Atom feed read by a feed library,
the procedure a news item names (checked against the schedule, linked back through `news_about`)."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import feedparser

from tests.conftest import ROOT

NEWS = ["vpr-matematika-5-rezultaty", "vpr-2026-grafik", "itogovoe-sobesedovanie-2026"]  # newest first


def build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), "--project", str(project), "build", "--out",
                           str(out)], capture_output=True, text=True, timeout=300)


def test_the_feed_parses_with_a_feed_library_and_is_dated_from_the_content(demo_site: Path) -> None:
    raw = (demo_site / "news" / "feed.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Новости — Объективность оценивания"
    assert feed.feed.updated == "2026-05-20T00:00:00Z"
    assert [e.link.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries] == NEWS
    first = feed.entries[0]
    assert first.title == "Результаты ВПР по математике в 5-х классах"
    assert first.published == "2026-05-20T00:00:00Z"
    assert [t.term for t in first.tags] == ["ВПР", "5 класс", "результаты"]
    assert first.summary.startswith("Опубликованы обезличенные результаты ВПР")
    assert len({e.id for e in feed.entries}) == 3 and all(e.id.startswith("urn:uuid:") for e in feed.entries)
    assert b"T00:00:00Z" in raw and str(dt.date.today().year + 5).encode() not in raw  # no build time


def test_news_pages_home_list_and_feed_link(demo_site: Path) -> None:
    index = (demo_site / "news" / "index.html").read_text("utf-8")
    hrefs = re.findall(r'<h2 class="news-title"><a href="([^"]+)"', index)
    assert hrefs == [f"{n}/" for n in NEWS]
    assert '<time datetime="2026-01-19">19 января 2026 г.</time>' in index
    home = (demo_site / "index.html").read_text("utf-8")
    assert re.findall(r'<h3 class="news-title"><a href="([^"]+)"', home) == [f"news/{n}/" for n in NEWS]
    assert '<link rel="alternate" type="application/atom+xml" title="Новости" href="news/feed.xml">' in home
    item = (demo_site / "news" / "itogovoe-sobesedovanie-2026" / "index.html").read_text("utf-8")
    assert "<h1>Итоговое собеседование по русскому языку в 9-х классах — 11 февраля</h1>" in item
    assert 'Оценочная процедура: Русский язык, <time datetime="2026-02-11">' in item
    assert 'href="../../schedule/2025-2026/"' in item


def test_news_about_finds_the_items_of_a_procedure() -> None:
    from oko.kinds.news import news_about
    from oko.pipeline import load_project

    project, _ = load_project(ROOT)
    math5 = news_about(project, dt.date(2026, 4, 29), "математика", ("5А",))
    assert [link.url for link in math5] == [f"/news/{NEWS[0]}/", f"/news/{NEWS[1]}/"]  # newest first
    assert math5[0].title == "Результаты ВПР по математике в 5-х классах"
    # the results item names no classes: it concerns every class of that day's subject
    assert [link.url for link in news_about(project, dt.date(2026, 4, 29), "Математика", ("6А",))] == [
        f"/news/{NEWS[0]}/"]
    assert [link.url for link in news_about(project, dt.date(2026, 2, 11), "Русский язык", ("9Б",))] == [
        f"/news/{NEWS[2]}/"]
    assert news_about(project, dt.date(2026, 2, 12), "Русский язык", ("9Б",)) == []


def replaced(path: Path, old: str, new: str) -> str:
    """The file's text with `old` replaced, which must be there: a fixture that no longer matches fails loudly."""
    text = path.read_text("utf-8")
    assert text.count(old) == 1, f"{path.name} no longer holds {old!r}"
    return text.replace(old, new)


def test_a_procedure_the_schedule_lacks_is_an_error_at_its_line(demo_project: Path, tmp_path: Path) -> None:
    item = demo_project / "content" / "news" / "itogovoe-sobesedovanie-2026.md"
    item.write_text(replaced(item, "  date: 11.02.2026\n  subject: Русский язык\n",
                             "  date: 11.02.2026\n  subject: Литература\n"), "utf-8")
    wrong_class = demo_project / "content" / "news" / "vpr-2026-grafik.md"
    wrong_class.write_text(replaced(wrong_class, "  classes: 5А, 5Б\n", "  classes: 7А\n"), "utf-8")
    result = build(demo_project, tmp_path / "site")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": ошибка: " in line]
    # `procedure` is a block mapping: it is located at its first key (date, line 10); classes at its value.
    assert errors == [
        "content/news/itogovoe-sobesedovanie-2026.md:10:3: ошибка: procedure: в графике нет процедуры «Литература» "
        "11.02.2026",
        "content/news/vpr-2026-grafik.md:12:12: ошибка: procedure.classes: процедуру «Математика» 29.04.2026 пишут "
        "не 7А",
    ]
    assert "подсказка: в этот день в графике: Русский язык" in result.stderr
    assert "подсказка: классы этой процедуры в графике: 5А, 5Б" in result.stderr
    assert not (tmp_path / "site").exists()


def test_the_feed_is_byte_identical_across_builds(demo_project: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert build(demo_project, first).returncode == 0
    assert build(demo_project, second).returncode == 0
    assert (first / "news" / "feed.xml").read_bytes() == (second / "news" / "feed.xml").read_bytes()


def test_page_front_matter_accepts_date_and_tags(demo_project: Path, tmp_path: Path) -> None:
    page = demo_project / "content" / "pages" / "obektivnost.md"
    extra = 'menu: 60\ndate: "01.09.2025"\ntags: [родителям, ВПР]\n'
    page.write_text(page.read_text("utf-8").replace("menu: 60\n", extra), "utf-8")
    assert build(demo_project, tmp_path / "site").returncode == 0
    html = (tmp_path / "site" / "obektivnost" / "index.html").read_text("utf-8")
    assert 'Дата: <time datetime="2025-09-01">1 сентября 2025 г.</time>' in html
    assert '<ul class="tags" aria-label="Метки"><li>родителям</li><li>ВПР</li></ul>' in html
