"""The built demo site in a real browser (Debian's Chromium through Playwright): accessibility (axe-core, WCAG 2.1 AA),
the visually-impaired mode, small screens, the keyboard, search, no third-party requests, pages without JavaScript
and the class schedule's «next procedure».

Needs /usr/bin/chromium and node_modules/axe-core (`npm ci`); without them the tests fail, they never skip.
Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser_support import (
    ACTIVE_ELEMENT,
    ARTIFACTS,
    BODY_LUMINANCE,
    OVERFLOW_REPORT,
    PAGE_TYPES,
    ROOT_FONT_SIZE,
    format_violations,
    require_axe,
    run_axe,
    settle,
)

pytestmark = pytest.mark.slow

TIMEOUT_MS = 10_000
RESULT_TYPES = {"План", "Критерии", "График", "Сведения", "Документ", "Страница", "ВПР", "Новость", "Результаты"}


# ---------------------------------------------------------------- fixtures


def new_context(browser: Browser, **options: Any) -> BrowserContext:
    options.setdefault("locale", "ru-RU")
    options.setdefault("timezone_id", "Europe/Moscow")
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    return context


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh context (empty localStorage) at a desktop size."""
    context = new_context(browser, viewport={"width": 1280, "height": 900})
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def open_page(page: Page, origin: str, path: str, wait_until: str = "load") -> Response:
    """Go to a page of the site; it must answer 200."""
    response = page.goto(origin + path, wait_until=wait_until)  # type: ignore[arg-type]
    assert response is not None, f"{path}: no response"
    assert response.status == 200, f"{path}: HTTP {response.status} (is this page built yet?)"
    return response


def html_attribute(page: Page, name: str) -> str | None:
    return page.evaluate("(name) => document.documentElement.getAttribute(name)", name)


def open_a11y_panel(page: Page) -> None:
    toggle = page.locator("#a11y-toggle")
    assert toggle.count() == 1, f"{page.url}: no #a11y-toggle button (the accessibility panel)"
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    page.locator("#a11y-panel").wait_for(state="visible")


def choose(page: Page, setting: str, value: str) -> None:
    """Press one of the panel's buttons (data-a11y-<setting>="<value>") and check <html> took the setting."""
    button = page.locator(f'#a11y-panel button[data-a11y-{setting}="{value}"]')
    assert button.count() == 1, f'{page.url}: the panel has no button[data-a11y-{setting}="{value}"]'
    button.click()
    actual = html_attribute(page, f"data-a11y-{setting}")
    assert actual == value, f'after pressing data-a11y-{setting}="{value}", <html data-a11y-{setting}> is {actual!r}'


# ---------------------------------------------------------------- 1. axe on every page type


@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_axe_finds_no_wcag_aa_violations(page: Page, origin: str, path: str) -> None:
    require_axe()
    open_page(page, origin, path)
    if path == "/search/":  # the results are part of the page too
        page.goto(f"{origin}/search/?q=контрольной")
        try:
            page.locator("#search-results li").first.wait_for()
        except PlaywrightTimeout:
            pytest.fail("/search/?q=контрольной shows no results to check (see test_search_finds_other_word_forms)")
    violations = run_axe(page)
    assert violations == [], format_violations(violations, path)


# ---------------------------------------------------------------- 2. axe in the visually-impaired mode


def test_axe_finds_no_violations_in_the_visually_impaired_mode(page: Page, origin: str) -> None:
    require_axe()
    open_page(page, origin, "/")
    open_a11y_panel(page)
    for setting, value in [("font", "3"), ("scheme", "white-on-black"), ("spacing", "wide"), ("images", "off")]:
        choose(page, setting, value)
    page.evaluate(require_axe().read_text(encoding="utf-8"))  # not a tag: the page's policy forbids inline scripts
    reports = []
    for scheme in ["white-on-black", "blue", "black-on-white"]:
        choose(page, "scheme", scheme)
        settle(page)
        if scheme != "blue":  # the scheme really repaints the page: dark on light or light on dark
            text, background = page.evaluate(BODY_LUMINANCE)
            dark_background = background < text
            assert dark_background == (scheme == "white-on-black"), (
                f"scheme {scheme}: main's text luminance is {text:.2f} on a background of {background:.2f}"
            )
        violations = run_axe(page, inject=False)
        if violations:
            reports.append(format_violations(violations, f"/ (font 3, spacing wide, images off, scheme {scheme})"))
    assert not reports, "\n\n".join(reports)


# ---------------------------------------------------------------- 3. no horizontal scrolling at 320 px


@pytest.fixture(scope="module")
def narrow_page(browser: Browser) -> Iterator[Page]:
    context = new_context(browser, viewport={"width": 320, "height": 640})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize("path", list(PAGE_TYPES.values()), ids=list(PAGE_TYPES))
def test_no_horizontal_scrolling_at_320px(narrow_page: Page, origin: str, path: str) -> None:
    open_page(narrow_page, origin, path)
    narrow_page.evaluate("() => document.fonts.ready")
    report = narrow_page.evaluate(OVERFLOW_REPORT)
    assert report["scrollWidth"] <= report["clientWidth"], (
        f"{path} scrolls sideways at 320×640: the page is {report['scrollWidth']}px wide in a "
        f"{report['clientWidth']}px viewport. Elements sticking out (no scroll container around them):\n  "
        + "\n  ".join(report["offenders"] or ["(none found: look for margins or transforms)"])
    )


# ---------------------------------------------------------------- 4. keyboard only


def focused(page: Page) -> dict[str, Any]:
    return page.evaluate(ACTIVE_ELEMENT)


def test_keyboard_skip_link_menu_search_and_accessibility_panel(page: Page, origin: str) -> None:
    open_page(page, origin, "/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["skip"], f"the first Tab should focus a.skip-link, it focused {first['desc']}"
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("() => document.activeElement && document.activeElement.id === 'content'",
                               timeout=3000)
    except PlaywrightTimeout:
        pytest.fail(f"Enter on the skip link should move the focus to main#content, it is on {focused(page)['desc']}")

    # From the top again: Tab through the header until the menu, the search box and the panel's toggle are reached.
    open_page(page, origin, "/")
    seen: list[str] = []
    reached = {"a main-menu link": False, "#site-search": False, "#a11y-toggle": False}
    for _ in range(40):
        page.keyboard.press("Tab")
        now = focused(page)
        seen.append(now["desc"])
        reached["a main-menu link"] |= now["inMenu"]
        reached["#site-search"] |= now["id"] == "site-search"
        reached["#a11y-toggle"] |= now["id"] == "a11y-toggle"
        if all(reached.values()):
            break
    missing = [name for name, ok in reached.items() if not ok]
    assert not missing, f"Tab never reached {', '.join(missing)} in {len(seen)} presses; the focus went:\n  " + \
        "\n  ".join(seen)

    toggle = page.locator("#a11y-toggle")
    assert toggle.get_attribute("aria-controls") == "a11y-panel", "#a11y-toggle needs aria-controls=\"a11y-panel\""
    assert toggle.get_attribute("aria-expanded") == "false", "#a11y-toggle should start with aria-expanded=\"false\""
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true", "Enter on #a11y-toggle should set aria-expanded=\"true\""
    assert page.locator("#a11y-panel").is_visible(), "Enter on #a11y-toggle should show #a11y-panel"

    before = page.evaluate(ROOT_FONT_SIZE)
    page.locator('#a11y-panel button[data-a11y-font="3"]').focus()
    page.keyboard.press("Enter")
    with contextlib.suppress(PlaywrightTimeout):  # the assertion below says what went wrong
        page.wait_for_function(f"() => ({ROOT_FONT_SIZE})() > {before}", timeout=3000)
    after = page.evaluate(ROOT_FONT_SIZE)
    assert after > before, f"Enter on data-a11y-font=\"3\" should enlarge <html>'s font ({before}px), it is {after}px"
    assert html_attribute(page, "data-a11y-font") == "3"

    link = page.locator("nav.main-menu a:not([aria-current])").first
    target = link.get_attribute("href")
    with page.expect_navigation():
        link.focus()
        page.keyboard.press("Enter")
    kept = html_attribute(page, "data-a11y-font")
    assert kept == "3", f"after going to {target} the setting is lost: <html data-a11y-font> is {kept!r}"
    there = page.evaluate(ROOT_FONT_SIZE)
    assert there > before, f"on {page.url} <html>'s font is {there}px, the enlarged size did not carry over"


# ---------------------------------------------------------------- 5. search with Russian stemming


def test_search_finds_other_word_forms(page: Page, origin: str) -> None:
    query = "контрольной"
    open_page(page, origin, f"/search/?q={query}")
    assert page.locator("#search-input").input_value() == query, "?q= should fill #search-input"
    items = page.locator("#search-results li")
    try:
        items.first.wait_for(timeout=15_000)
    except PlaywrightTimeout:
        status = page.locator("#search-status")
        shown = status.inner_text() if status.count() else "(no #search-status)"
        pytest.fail(f"/search/?q={query}: no results appeared in #search-results within 15 s; the page says «{shown}»")
    results = items.evaluate_all("""items => items.map(li => ({
        href: li.querySelector('a') ? li.querySelector('a').href : '',
        title: li.querySelector('a') ? li.querySelector('a').textContent.trim() : '',
        type: li.querySelector('.result-type') ? li.querySelector('.result-type').textContent.trim() : '',
    }))""")
    assert results, f"/search/?q={query} lists no results"
    for result in results:
        assert result["href"], f"a result without a link: {result}"
        assert result["href"].startswith(origin + "/"), f"a result links off the site: {result['href']}"
        assert result["type"], f"the result «{result['title']}» has an empty span.result-type"
        assert result["type"] in RESULT_TYPES, f"the result «{result['title']}» has an unknown kind «{result['type']}»"

    # Open the results: a page with «контрольная» and without the query's own form was found only by its stem.
    texts = {}
    for result in results[:15]:
        open_page(page, "", result["href"])
        texts[result["href"]] = page.locator("body").inner_text().lower()
    with_form = [href for href, text in texts.items() if "контрольная" in text]
    assert with_form, f"no result page contains «контрольная»; results: {[r['href'] for r in results]}"
    only_stem = [href for href in with_form if query not in texts[href]]
    assert only_stem, ("every result page containing «контрольная» also contains «контрольной», so this does not show "
                       f"Russian stemming; pages: {with_form}")


# ---------------------------------------------------------------- 6. no requests to other hosts


def test_pages_request_nothing_but_the_site(browser: Browser, origin: str) -> None:
    context = new_context(browser)
    requests: list[tuple[str, str]] = []
    context.on("request", lambda request: requests.append((request.url, request.frame.url if request.frame else "")))
    try:
        page = context.new_page()
        for path in [*PAGE_TYPES.values(), "/search/?q=контрольной"]:
            open_page(page, origin, path, wait_until="networkidle")
    finally:
        context.close()
    assert len(requests) >= len(PAGE_TYPES), "the request log is nearly empty: is page.on('request') working?"
    foreign = [f"{url}  (from {frame})" for url, frame in requests
               if not url.startswith((origin + "/", "data:", "blob:"))]
    assert not foreign, "requests to other hosts:\n  " + "\n  ".join(dict.fromkeys(foreign))


# ---------------------------------------------------------------- 7. screenshots


SCREENSHOTS = {
    "home": "/",
    "plan": "/plans/ooosh-9-2023-2024/",
    "schedule-5a": "/schedule/5a/",
    "sveden-common": "/sveden/common/",
}


def test_screenshots(browser: Browser, origin: str) -> None:
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for width, height in [(375, 812), (1280, 900)]:
        context = new_context(browser, viewport={"width": width, "height": height})
        try:
            page = context.new_page()
            for name, path in SCREENSHOTS.items():
                open_page(page, origin, path)
                page.evaluate("() => document.fonts.ready")
                file = folder / f"{name}-{width}.png"
                file.unlink(missing_ok=True)
                page.screenshot(path=str(file), full_page=True)
                made.append(file)
        finally:
            context.close()
    for file in made:
        assert file.is_file(), f"{file} was not written"
        assert file.stat().st_size > 10 * 1024, f"{file} is only {file.stat().st_size} bytes: a blank page?"


# ---------------------------------------------------------------- 8. without JavaScript


def test_the_site_works_without_javascript(browser: Browser, origin: str) -> None:
    context = new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, origin, "/")
        links = page.locator("nav.main-menu a")
        assert links.count() >= 3, f"the home page's main menu has {links.count()} links without JavaScript"
        menu = []
        for i in range(links.count()):
            link = links.nth(i)
            assert link.is_visible(), f"menu link «{link.inner_text()}» is hidden without JavaScript"
            menu.append((link.inner_text().strip(), urljoin(page.url, link.get_attribute("href") or "")))
        for i, (title, expected) in enumerate(menu):
            if page.url != origin + "/":
                open_page(page, origin, "/")
            with page.expect_navigation() as navigation:
                page.locator("nav.main-menu a").nth(i).click()
            response = navigation.value
            assert response is not None and response.status == 200, f"menu link «{title}» → {expected}: no page"
            assert page.url == expected, f"menu link «{title}» led to {page.url}, not {expected}"
            assert page.locator("h1").first.is_visible(), f"menu link «{title}» → {page.url}: the page has no heading"

        open_page(page, origin, "/schedule/5a/")
        rows = page.locator("tr.procedure")
        assert rows.count() >= 1, "without JavaScript the 5a schedule lists no tr.procedure rows"
        assert rows.first.is_visible(), "without JavaScript the 5a schedule's rows are hidden"
    finally:
        context.close()


# ---------------------------------------------------------------- 9. the next procedure on a class page


def test_class_schedule_highlights_the_next_procedure(page: Page, origin: str) -> None:
    today = "2025-10-01"
    page.clock.set_fixed_time(dt.datetime(2025, 10, 1, 12, 0, tzinfo=ZoneInfo("Europe/Moscow")))
    open_page(page, origin, "/schedule/2025-2026/5a/")
    assert page.evaluate("() => new Date().toISOString().slice(0, 10)") == today, "the page's clock was not set"
    dates = page.locator("tr[data-date]").evaluate_all("rows => rows.map(r => r.getAttribute('data-date'))")
    upcoming = sorted(d for d in dates if d >= today)
    assert upcoming, f"the 5a schedule has no procedure on or after {today}: {dates}"
    page.locator("[data-next]").wait_for(state="visible")
    highlighted = page.locator("tr.next")
    assert highlighted.count() == 1, f"{highlighted.count()} rows have class «next», expected exactly one"
    assert highlighted.get_attribute("data-date") == upcoming[0], (
        f"the highlighted row is on {highlighted.get_attribute('data-date')}, the first date ≥ {today} is {upcoming[0]}"
    )
    text = page.locator("[data-next]").inner_text().strip()
    assert text.startswith("Ближайшая работа:"), f"[data-next] says «{text}»"
    past = page.locator("tr.past").evaluate_all("rows => rows.map(r => r.getAttribute('data-date'))")
    assert all(d < today for d in past), f"rows marked past on or after {today}: {past}"
