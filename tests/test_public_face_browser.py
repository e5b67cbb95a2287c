"""Every page type fits every screen (issue 16): at 320, 375, 768 and 1280 px, in the usual version and in the
version for the visually impaired at its largest setting (font «Очень крупный», wide spacing), and at 200 % zoom
(a 1280 × 900 window zoomed to 200 % is a 640 × 450 CSS px viewport at device scale factor 2), the document never
scrolls sideways (WCAG 1.4.10), and on a 375 px phone the page's heading starts within the first screen.

One Chromium, one context per mode; each page is opened once per mode and resized through the mode's widths.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Browser, Page

from tests.browser_support import OVERFLOW_REPORT, PAGE_TYPES

pytestmark = pytest.mark.slow

WIDTHS = (1280, 768, 375, 320)
ZOOM_200 = 640  # CSS px of a 1280 px window at 200 % zoom
PHONE = {"width": 375, "height": 667}  # the smallest phone still sold widely (iPhone SE): its first screen

# Every page type of tests/browser_support.PAGE_TYPES, every /sveden/* subsection, and the pages whose tables
# used to widen the document. (The engine builds no 404 page: a host shows its own.)
PAGES: dict[str, str] = {
    **PAGE_TYPES,
    "schedule-overview": "/schedule/2026-2027/overview/",
    "schedule-class-calendar": "/schedule/2026-2027/calendar/7a/",
    "schedule-class-of-a-year": "/schedule/2025-2026/5a/",  # results and news links in its notes
    "schedule-year-past": "/schedule/2025-2026/",
    "news-item-results": "/news/vpr-matematika-5-rezultaty/",
    "sveden-budget": "/sveden/budget/",
    "sveden-catering": "/sveden/catering/",
    "sveden-grants": "/sveden/grants/",
    "sveden-inter": "/sveden/inter/",
    "sveden-paid": "/sveden/paid_edu/",
    "criteria-meta": "/criteria/metapredmetnye-5-9/",
    "plan-approved": "/plans/sosh-17-2025-2026/",
    "sveden-education": "/sveden/education/",
    "sveden-struct": "/sveden/struct/",
    "sveden-vacant": "/sveden/vacant/",
    "sveden-managers": "/sveden/managers/",
    "sveden-objects": "/sveden/objects/",
    "sveden-standards": "/sveden/eduStandarts/",
    "criteria-common": "/criteria/obshchie/",
    "results-index": "/results/",
    "results-procedure": "/results/2025-2026/vpr-matematika-5/",
    "results-analytics": "/results/analytics/",
}

# The largest setting of the panel (templates/assets/a11y.js keeps it in localStorage under this key).
LARGEST = {"font": "3", "scheme": "default", "spacing": "wide", "images": "on"}
MODES = {"normal": None, "visually-impaired-largest": LARGEST, "zoom-200": None}
MODE_WIDTHS = {"normal": WIDTHS, "visually-impaired-largest": WIDTHS, "zoom-200": (ZOOM_200,)}

H1_TOP = "() => { const h = document.querySelector('h1'); return h ? h.getBoundingClientRect().top + scrollY : null; }"


def measure(page: Page, origin: str, path: str, mode: str) -> list[str]:
    """The problems of one page in one mode at every width, as readable lines."""
    problems: list[str] = []
    widths, height = MODE_WIDTHS[mode], 450 if mode == "zoom-200" else 900
    page.set_viewport_size({"width": widths[0], "height": height})
    response = page.goto(origin + path)
    assert response is not None and response.status == 200, f"{path}: no page"
    page.evaluate("() => document.fonts.ready")
    if MODES[mode]:
        font = page.evaluate("() => document.documentElement.getAttribute('data-a11y-font')")
        assert font == "3", f"{path}: the visually-impaired setting did not apply (data-a11y-font={font!r})"
    for width in widths:
        page.set_viewport_size(PHONE if width == PHONE["width"] else {"width": width, "height": height})
        report = page.evaluate(OVERFLOW_REPORT)
        scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
        if scroll_width > inner_width:
            problems.append(f"{path} [{mode}, {width} px]: the document is {scroll_width} px wide; sticking out: "
                            + "; ".join(report["offenders"] or ["(none found)"]))
        if width == PHONE["width"]:
            top = page.evaluate(H1_TOP)
            if top is None or top >= PHONE["height"]:
                problems.append(f"{path} [{mode}, 375 px]: the h1 starts at {top} px, below the first "
                                f"{PHONE['height']} px screen")
    return problems


@pytest.mark.parametrize("mode", list(MODES))
def test_every_page_type_fits_every_width(browser: Browser, origin: str, mode: str) -> None:
    context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow",
                                  device_scale_factor=2 if mode == "zoom-200" else 1)
    if MODES[mode]:
        context.add_init_script(f"localStorage.setItem('oko-a11y', {json.dumps(json.dumps(MODES[mode]))})")
    try:
        page = context.new_page()
        problems = [line for path in PAGES.values() for line in measure(page, origin, path, mode)]
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_the_menu_is_one_control_on_a_phone_and_a_bar_on_a_desktop(browser: Browser, origin: str) -> None:
    context = browser.new_context(locale="ru-RU", java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(origin + "/sveden/common/")
        links = page.locator("nav.main-menu a")
        assert links.count() >= 8
        assert not links.first.is_visible(), "on a phone the menu's links are behind «Меню» until it is opened"
        toggle = page.locator("summary.site-menu-toggle")
        assert toggle.inner_text().strip() == "Меню"
        toggle.click()
        assert all(links.nth(i).is_visible() for i in range(links.count())), "«Меню» shows every link, no JS"
        assert page.locator("#site-search").is_visible(), "the search box is in the opened menu"
        # The subsection navigation follows the content: the heading comes first.
        h1_top = page.locator("h1").bounding_box()["y"]
        nav_top = page.locator("nav.sveden-nav").bounding_box()["y"]
        assert h1_top < nav_top, f"the h1 ({h1_top}) should stand before the subsection navigation ({nav_top})"
        page.set_viewport_size({"width": 1280, "height": 900})
        assert not toggle.is_visible(), "on a desktop the «Меню» control is hidden"
        assert links.first.is_visible(), "on a desktop the menu bar is always shown"
        h1_box, nav_box = page.locator("h1").bounding_box(), page.locator("nav.sveden-nav").bounding_box()
        assert nav_box["x"] < h1_box["x"], "on a desktop the subsection navigation is the left column"
    finally:
        context.close()


def test_the_skip_link_does_not_cover_the_title(browser: Browser, origin: str) -> None:
    context = browser.new_context(locale="ru-RU", viewport=PHONE)
    context.add_init_script(f"localStorage.setItem('oko-a11y', {json.dumps(json.dumps(LARGEST))})")
    try:
        page = context.new_page()
        page.goto(origin + "/")
        title = page.locator("a.site-title")
        before = title.bounding_box()
        skip = page.locator("a.skip-link")
        assert skip.bounding_box()["height"] <= 1, "the skip link is hidden until focused"
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.matches('a.skip-link')")
        shown, after = skip.bounding_box(), title.bounding_box()
        assert shown["height"] > 20, "the focused skip link is visible"
        assert shown["y"] + shown["height"] <= after["y"], (
            f"the focused skip link ({shown}) overlaps the site title ({after})")
        assert after["y"] > before["y"], "the skip link pushes the title down instead of covering it"
    finally:
        context.close()
