"""Search ranks a page first for its own name (issue 16): a class's schedule for its class, a subject's criteria for
the subject, the procedure's page for the procedure, through the site's real search page (Pagefind 1.4.0 in
Chromium); snippets leave table headers out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.browser_support import CHROMIUM_ARGS, require_chromium, serve

pytestmark = pytest.mark.slow

FIRST_FOR = {
    "7А": "/schedule/2025-2026/7a/",
    "критерии математика": "/criteria/matematika-5-9/",  # a subject
    "всероссийские проверочные работы": "/vpr/",  # a procedure
    "итоговое собеседование": "/news/itogovoe-sobesedovanie-2026/",  # a procedure: its announcement
}
CLASS_7 = {"/schedule/7a/", "/schedule/7b/", "/schedule/2025-2026/7a/", "/schedule/2025-2026/7b/"}


@pytest.fixture(scope="module")
def page(demo_site: Path) -> Iterator[tuple[Page, str]]:
    executable = require_chromium()
    with serve(demo_site) as origin, sync_playwright() as playwright:
        browser: Browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(), origin
        finally:
            browser.close()


def results(page: Page, origin: str, query: str) -> list[tuple[str, str]]:
    page.goto(f"{origin}/search/?q={quote(query)}")
    page.wait_for_function("() => !/Ищем/.test(document.getElementById('search-status').textContent)",
                           timeout=30_000)
    return page.locator("#search-results li").evaluate_all(
        "items => items.map(li => [new URL(li.querySelector('a').href).pathname,"
        " li.querySelector('.result-excerpt').textContent])")


@pytest.mark.parametrize("query", list(FIRST_FOR))
def test_a_page_ranks_first_for_its_own_name(page: tuple[Page, str], query: str) -> None:
    found = results(*page, query)
    assert found[0][0] == FIRST_FOR[query], f"«{query}»: " + ", ".join(url for url, _ in found[:5])


def test_class_snippets_leave_the_table_header_out(page: tuple[Page, str]) -> None:
    found = dict(results(*page, "7А"))
    snippet = found["/schedule/2025-2026/7a/"]
    assert "ДатаПредмет" not in snippet and "Обновлено" not in snippet, snippet


def test_a_parents_query_finds_the_class_pages_of_its_grade_above_other_classes(page: tuple[Page, str]) -> None:
    """«контрольная работа 7 класс»: all four words must match (Pagefind 1.4 lost «работа» to its chunk loading
    until search.js preloaded the shorter forms), and the 7th grade's class pages come before any other class's."""
    urls = [url for url, _ in results(*page, "контрольная работа 7 класс")]
    assert set(urls) >= CLASS_7, urls
    classes = [url for url in urls if url.startswith("/schedule/") and "/calendar/" not in url]
    assert set(classes[:4]) == CLASS_7, classes[:6]


@pytest.mark.xfail(strict=True, reason="the results page «Контрольная работа по алгебре за I полугодие, 7 классы» "
                   "(all four words in a short page's heading) still outranks the class pages; see the report")
def test_a_parents_query_ranks_the_class_pages_first(page: tuple[Page, str]) -> None:
    urls = [url for url, _ in results(*page, "контрольная работа 7 класс")]
    assert urls[0] in CLASS_7, urls[:5]


def test_snippets_separate_a_label_from_its_value(page: tuple[Page, str]) -> None:
    found = dict(results(*page, "критерии математика"))
    snippet = found["/criteria/matematika-5-9/"]
    assert "Предмет: Математика. Классы: 5–9." in snippet, snippet
    assert "ПредметМатематика" not in snippet
