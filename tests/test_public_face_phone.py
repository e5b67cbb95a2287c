"""A parent on a phone (issue 16): from the home page to the date of 7А's next test in at most two taps, with the
clock inside the school year; the month calendar with weekday names, narrowed to one class without JavaScript.

The expected next work comes from the demo's YAML (content/schedules/2026-2027), not from the built page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.test_schedule_outputs import expected_dated, expected_procedures

pytestmark = pytest.mark.slow

PHONE = {"width": 375, "height": 667}
# A Monday in the second month of the demo's current year (2026-2027), Moscow time, before school.
TODAY = dt.datetime(2026, 10, 12, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow", viewport=PHONE, has_touch=True,
                                  is_mobile=True, device_scale_factor=2)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(TODAY)
        yield page
    finally:
        context.close()


def next_work(class_name: str) -> tuple[str, str, str, str]:
    """(last day, class, subject, kind) of the class's first work not yet over on TODAY, from the YAML."""
    today = TODAY.date().isoformat()
    return next(row for row in expected_procedures(last=True) if row[1] == class_name and row[0] >= today)


def test_a_parent_reaches_7a_next_test_date_in_two_taps(phone: Page, origin: str) -> None:
    day, _, subject, kind = next_work("7А")
    assert (day, subject) == ("2026-10-15", "Физика"), "the demo's 7А works changed: pick another TODAY"
    phone.goto(origin + "/")
    taps = 0
    link = phone.locator(".home-classes a.class-button", has_text=re.compile(r"^7А$"))
    assert link.bounding_box()["y"] < 2 * PHONE["height"], "the class picker is near the top of the home page"
    link.tap()
    taps += 1
    phone.wait_for_url(origin + "/schedule/7a/")
    box = phone.locator("[data-next]")
    box.wait_for(state="visible")
    date = dt.date.fromisoformat(day)
    assert box.inner_text() == f"Ближайшая работа: {date.day} {MONTHS[date.month - 1]}, чт — {subject}, {kind}"
    top = box.bounding_box()["y"]
    assert top + 20 < PHONE["height"], f"the next work ({top} px) is in the first screen, no scrolling needed"
    assert phone.locator("tr.next").get_attribute("data-date") == day
    assert taps <= 2


def test_the_calendar_names_weekdays_on_a_phone_and_narrows_to_a_class_without_js(browser: Browser,
                                                                                  origin: str) -> None:
    context = browser.new_context(locale="ru-RU", viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(origin + "/schedule/2026-2027/calendar/")
        day = page.locator("td.has").filter(has=page.locator('time[datetime="2026-09-14"]'))
        assert day.locator(".weekday").is_visible(), "on a phone each day names its weekday"
        assert day.locator(".day-number").text_content() == "14 сентября, понедельник"  # read aloud so, too
        page.locator(".calendar-classes a.class-button", has_text=re.compile(r"^7А$")).click()
        assert page.url == origin + "/schedule/2026-2027/calendar/7a/"
        assert page.locator("h1").inner_text() == "Календарь оценочных процедур 7А класса, 2026/2027"
        shown = page.locator("td.has li").all_inner_texts()
        assert len(shown) == len([row for row in expected_dated() if row[1] == "7А"]), shown[:5]
        assert page.locator('td.has time[datetime="2026-11-26"]').count() == 0, "7Б's literature test is not 7А's"
        assert page.locator('td.has time[datetime="2026-11-25"]').count() == 1
        height = page.evaluate("() => document.documentElement.scrollHeight")
        assert height < 8000, f"7А's calendar on a phone is {height} px long"
        page.set_viewport_size({"width": 1280, "height": 900})
        assert not page.locator("td.has .weekday").first.is_visible(), "a desktop has the weekday header row"
        assert page.locator(".calendar thead th").first.inner_text() == "Пн"
    finally:
        context.close()



def test_the_school_calendar_narrows_to_a_class_in_place_with_js(phone: Page, origin: str) -> None:
    phone.goto(origin + "/schedule/2026-2027/calendar/")
    whole = phone.evaluate("() => document.documentElement.scrollHeight")
    phone.select_option(".calendar-filter select", "7А")
    shown = phone.locator(".calendar li:visible").all_inner_texts()
    assert len(shown) == len([row for row in expected_dated() if row[1] == "7А"]), shown[:5]
    narrowed = phone.evaluate("() => document.documentElement.scrollHeight")
    assert narrowed < whole / 2 and narrowed < 8000, (whole, narrowed)
    phone.select_option(".calendar-filter select", "")
    assert phone.evaluate("() => document.documentElement.scrollHeight") == whole
