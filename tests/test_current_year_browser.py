"""With the visitor's clock inside 2026-2027, the home page and a class page show the next procedures (Chromium).

The built pages are the same on every day; only the scripts (templates/assets/home.js, schedule.js) read the
clock, so the clock is set in the page (Playwright's page.clock) and the expectation comes from school.json.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from oko.kinds.schedule.assemble import class_slug
from oko.ru import MONTHS_GENITIVE
from tests.browser_support import CHROMIUM_ARGS, require_chromium

pytestmark = pytest.mark.slow

TODAY = dt.date(2026, 12, 1)
NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=ZoneInfo("Europe/Moscow"))
WEEKDAYS = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.clock.set_fixed_time(NOON)
    try:
        yield page
    finally:
        context.close()


def upcoming(demo_site: Path, class_name: str | None = None) -> list[dict]:
    """The current year's procedures on or after TODAY (of one class), in the JSON's order."""
    data = json.loads((demo_site / "schedule" / "2026-2027" / "school.json").read_text("utf-8"))
    # A work with a window and no day yet has no date: the page's script lists dated works only.
    return [p for p in data["procedures"] if p["date"] and p["date"] >= TODAY.isoformat()
            and (class_name is None or class_name in p["classes"])]


def day_text(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]}"


def test_the_home_page_lists_the_next_procedures_and_links_their_classes(page: Page, origin: str,
                                                                        demo_site: Path) -> None:
    page.goto(origin + "/")
    assert page.evaluate("() => new Date().toISOString().slice(0, 10)") == TODAY.isoformat()
    items = page.locator(".next-list li")
    items.first.wait_for(state="visible")
    expected = [f"{day_text(p['date'])} — {p['subject']}, {p['kind_label']} ({', '.join(p['classes'])})"
                for p in upcoming(demo_site)[:6]]
    assert expected[0].startswith("1 декабря — ")  # a work of today is still to come
    assert [text.strip() for text in items.all_inner_texts()] == expected
    assert page.locator(".next-empty").is_hidden()
    first = upcoming(demo_site)[0]["classes"][0]
    link = items.first.get_by_role("link", name=first)
    assert link.get_attribute("href") == f"schedule/{class_slug(first)}/"
    link.click()
    page.wait_for_url(f"{origin}/schedule/{class_slug(first)}/")
    page.locator("[data-next]").wait_for(state="visible")
    assert page.locator("tr.next").get_attribute("data-date") == upcoming(demo_site, first)[0]["date"]


def test_the_stable_class_page_shows_the_next_procedure_of_7a(page: Page, origin: str, demo_site: Path) -> None:
    page.goto(origin + "/schedule/7a/")
    box = page.locator("[data-next]")
    box.wait_for(state="visible")
    work = upcoming(demo_site, "7А")[0]
    day = dt.date.fromisoformat(work["date"])
    assert box.inner_text().strip() == (f"Ближайшая работа: {day_text(work['date'])}, {WEEKDAYS[day.weekday()]} — "
                                        f"{work['subject']}, {work['kind_label']}")
    assert page.locator("tr.next").count() == 1
    past = page.locator("tr.past").evaluate_all("rows => rows.map(r => r.getAttribute('data-date'))")
    assert past and all(d < TODAY.isoformat() for d in past)
    assert page.locator("h1").inner_text() == "7А класс: оценочные процедуры"


def test_after_the_year_the_class_page_says_all_works_are_past(page: Page, origin: str) -> None:
    page.clock.set_fixed_time(dt.datetime(2027, 6, 15, 12, 0, tzinfo=ZoneInfo("Europe/Moscow")))
    page.goto(origin + "/schedule/7a/")
    box = page.locator("[data-next]")
    box.wait_for(state="visible")
    assert box.inner_text().strip() == "Все работы этого учебного года уже прошли."
