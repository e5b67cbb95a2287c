"""The public face in the built HTML (issue 16): the school reachable from every page's footer (tel:, mailto:), its
short name in every title, a description on every page, MR v9 items 13–14 of «Основные сведения», the licence as
the school's own document, Markdown tables in scroll regions, the menu behind one no-JavaScript control."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from oko.contacts import Link, email_links, phone_links


@pytest.fixture(scope="module")
def pages(demo_site: Path) -> dict[str, str]:
    found = {"/" + p.parent.relative_to(demo_site).as_posix().removeprefix(".") : p.read_text("utf-8")
             for p in demo_site.rglob("index.html") if not p.is_relative_to(demo_site / "admin")}
    return {(url.rstrip("/") + "/").replace("//", "/"): html for url, html in found.items()}


def test_phone_numbers_become_tel_links_with_the_area_code() -> None:
    assert phone_links("(8412) 61-23-45; 61-23-46") == (
        Link("(8412) 61-23-45", "tel:+78412612345"), Link("(8412) 61-23-46", "tel:+78412612346"))
    assert phone_links("8 800 100-00-00") == (Link("8 800 100-00-00", "tel:+78001000000"),)
    assert email_links("school17@zarechny.example; нет") == (
        Link("school17@zarechny.example", "mailto:school17@zarechny.example"),)


def test_every_page_footer_has_the_school_contacts(pages: dict[str, str]) -> None:
    assert len(pages) >= 60
    for url, html in pages.items():
        footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S)
        assert footer, url
        text = footer.group(0)
        assert "<dd>442960, Пензенская область, г. Заречный, ул. Школьная, д. 5</dd>" in text, url
        assert '<a href="tel:+78412612345" class="nowrap">(8412) 61-23-45</a>' in text, url
        assert '<a href="tel:+78412612346" class="nowrap">(8412) 61-23-46</a>' in text, url
        assert '<a href="mailto:school17@zarechny.example">school17@zarechny.example</a>' in text, url
        assert "<dt>Режим работы</dt><dd>Понедельник – пятница: 8:00–18:00" in text, url


def test_every_title_names_the_school_and_every_page_has_a_description(pages: dict[str, str]) -> None:
    for url, html in pages.items():
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        assert title.endswith(" — МБОУ СОШ № 17 г. Заречного"), (url, title)
        description = re.search(r'<meta name="description" content="([^"]+)">', html)
        assert description and len(description.group(1)) >= 14, url
    assert "<title>Объективность оценивания — МБОУ СОШ № 17 г. Заречного</title>" in pages["/"]
    assert ('<meta name="description" content="«Основные сведения» — подраздел «Сведения об образовательной '
            'организации» МБОУ СОШ № 17 г. Заречного по приказу Рособрнадзора № 1493">') in pages["/sveden/common/"]


def test_common_marks_places_of_practice_absent_and_links_the_licence_file(pages: dict[str, str]) -> None:
    html = pages["/sveden/common/"]
    assert ('<tr><th scope="row">Места проведения практики</th><td><span itemprop="addressPlacePrac">отсутствует'
            '</span></td></tr>') in html
    assert ('<tr><th scope="row">Места проведения практической подготовки</th><td><span itemprop="addressPlacePodg">'
            'отсутствует</span></td></tr>') in html
    assert '<a href="../../files/vypiska-reestr-licenziy.pdf" itemprop="licenseDocLink">' in html
    assert "islod.obrnadzor.gov.ru/rlic" not in html


def test_markdown_tables_scroll_in_a_focusable_region(pages: dict[str, str]) -> None:
    html = pages["/criteria/obshchie/"]
    tables = html.count("<table>")
    assert tables >= 1
    assert html.count('<div class="table-scroll" role="region" tabindex="0" aria-label="Таблица"><table>') == tables


def test_the_menu_is_one_details_control_and_sveden_content_comes_first(pages: dict[str, str]) -> None:
    for url, html in pages.items():
        assert html.count('<details class="site-menu">') == 1, url
        assert '<summary class="site-menu-toggle"><span class="menu-icon" aria-hidden="true"></span>Меню</summary>' \
            in html, url
    html = pages["/sveden/employees/"]
    assert html.index("<h1>Педагогический состав</h1>") < html.index('<nav class="sveden-nav"')
    assert '<a href="#sveden-nav">Другие подразделы раздела' in html


def test_teaching_staff_is_one_table_per_programme_with_the_whole_staff(pages: dict[str, str]) -> None:
    html = pages["/sveden/employees/"]
    headings = re.findall(r'<h3 id="op-\d+">([^<]+)</h3>', html)
    assert headings == [
        "Основная образовательная программа начального общего образования",
        "Адаптированная основная общеобразовательная программа начального общего образования обучающихся с ЗПР "
        "(вариант 7.1)",
        "Основная образовательная программа основного общего образования",
        "Основная образовательная программа среднего общего образования",
    ]
    tables = re.findall(r'<section aria-labelledby="op-\d+">.*?</section>', html, re.S)
    names = [set(re.findall(r'<span itemprop="fio">([^<]+)</span>', table)) for table in tables]
    assert len(set().union(*names)) == 38
    assert [len(n) for n in names] == [17, 8, 27, 19]  # as many as name the programme in teachingOp
    assert [i for i, n in enumerate(names) if "Кравченко Ирина Олеговна" in n] == [0, 2, 3]  # НОО, ООО, СОО
    assert html.count('itemprop="teachingStaff"') == sum(len(n) for n in names)


def procedure_row(html: str, day: str) -> str:
    return re.search(rf'<tr class="procedure" data-date="{day}">.*?</tr>', html, re.S).group(0)


def test_class_pages_link_the_news_about_their_works(pages: dict[str, str]) -> None:
    """Seed 002 §5.1: the news of a procedure is reachable from the procedure's row (oko.kinds.news.news_about)."""
    link = ('<a href="../../../news/itogovoe-sobesedovanie-2026/">Новость: Итоговое собеседование по русскому языку '
            'в 9-х классах — 11 февраля</a>')
    for slug in ("9a", "9b"):
        html = pages[f"/schedule/2025-2026/{slug}/"]
        assert link in procedure_row(html, "2026-02-11"), slug
        assert html.count("Новость:") == 1, slug
    five = procedure_row(pages["/schedule/2025-2026/5a/"], "2026-04-29")
    assert re.findall(r'<a href="([^"]+)">Новость: ', five) == [  # the newest first
        "../../../news/vpr-matematika-5-rezultaty/", "../../../news/vpr-2026-grafik/"]
    assert "Новость:" not in pages["/schedule/2025-2026/7a/"]
    assert "Новость:" not in pages["/schedule/7a/"]  # the demo has no news about 2026-2027's works yet


def test_the_year_page_lists_the_news_about_its_works(pages: dict[str, str]) -> None:
    html = pages["/schedule/2025-2026/"]
    section = re.search(r'<section aria-labelledby="year-news">.*?</section>', html, re.S).group(0)
    assert re.findall(r'<a href="\.\./\.\./news/([^/]+)/">', section) == [
        "vpr-matematika-5-rezultaty", "vpr-2026-grafik", "itogovoe-sobesedovanie-2026"]
    assert 'year-news' not in pages["/schedule/2026-2027/"]


def test_every_class_has_a_month_calendar_linked_both_ways(pages: dict[str, str]) -> None:
    school = pages["/schedule/2026-2027/calendar/"]
    slugs = re.findall(r'<a class="class-button" href="([^"/]+)/">', school)
    assert len(slugs) == 20 and slugs[:2] == ["2a", "2b"], slugs
    for slug in slugs:
        calendar = pages[f"/schedule/2026-2027/calendar/{slug}/"]
        assert "data-pagefind-body" not in calendar, slug  # search finds the class page, not its calendar copy
        assert f'href="../../{slug}/">странице' in calendar, slug
        assert f'<a href="../2026-2027/calendar/{slug}/">Календарь' in pages[f"/schedule/{slug}/"], slug
    assert '<abbr title="Понедельник">Пн</abbr>' in school and "data-pagefind-body" in school
