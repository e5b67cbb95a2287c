"""Script payloads planted in Markdown, in a real browser (Debian's Chromium through Playwright): none of them runs,
and no request leaves 127.0.0.1 — with the sanitizer (the pages as Око builds them) and, behind it, with the
Content-Security-Policy alone (a page whose payload bypassed the sanitizer). The demo site's own pages break no
rule of the policy. Needs /usr/bin/chromium; without it the tests fail, they never skip.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from oko.pipeline import generate
from oko.write import write_site
from tests.browser_support import PAGE_TYPES, serve
from tests.test_errors import write_project

pytestmark = pytest.mark.slow

TIMEOUT_MS = 10_000

# Each payload tries to set window.__pwned (an iframe: its parent's; a javascript: address with void(), which keeps
# the document) or to call another origin. The pages are built
# without --strict, so the sanitizer's warnings do not stop them; what is published is what a parent's browser gets.
PAYLOADS = {
    "script": "<script>window.__pwned = 1</script>",
    "script-uppercase": "<SCRIPT>window.__pwned = 1</SCRIPT>",
    "img-onerror": '<img src="missing.png" alt="" onerror="window.__pwned = 1">',
    "image-onerror": '<image src="missing.png" onerror="window.__pwned = 1">',
    "iframe-srcdoc": '<iframe srcdoc="<script>parent.__pwned = 1</script>"></iframe>',
    "svg-onload": '<svg onload="window.__pwned = 1"><circle r="4"/></svg>',
    "svg-script": "<svg><script>window.__pwned = 1</script></svg>",
    "details-ontoggle": '<details open ontoggle="window.__pwned = 1"><summary>Итоги</summary>Текст</details>',
    "details-closed-ontoggle": '<details ontoggle="window.__pwned = 1"><summary>Открыть</summary>Текст</details>',
    "javascript-href": '<a href="javascript:void(window.__pwned = 1)">ссылка</a>',
    "javascript-href-entity": '<a href="jav&#x09;ascript:void(window.__pwned = 1)">ссылка</a>',
    "javascript-href-case": '<a href=" JaVaScRiPt:void(window.__pwned = 1)">ссылка</a>',
    "data-href": '<a href="data:text/html,<script>opener.__pwned = 1</script>">ссылка</a>',
    "onmouseover": '<p onmouseover="window.__pwned = 1">Наведите сюда</p>',
    "onclick-attr-list": 'Нажмите сюда\n{: onclick="window.__pwned = 1" }',
    "autofocus-onfocus": '<input autofocus onfocus="window.__pwned = 1" value="поле">',
    "button-formaction": '<form><button formaction="javascript:void(window.__pwned = 1)">Отправить</button></form>',
    "object-javascript": '<object data="javascript:void(window.__pwned = 1)"></object>',
    "embed-javascript": '<embed src="javascript:void(window.__pwned = 1)">',
    "math-href": '<math><mi xlink:href="javascript:void(window.__pwned = 1)" '
                 'href="javascript:void(window.__pwned = 1)">x</mi></math>',
    "meta-refresh": '<meta http-equiv="refresh" content="0; url=javascript:void(window.__pwned = 1)">',
    "noscript-mxss": '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>"></noscript>',
    "style-expression": '<p style="background: url(javascript:window.__pwned=1)">Текст</p>',
    # OTHER is another origin (tests' own server on another port): nothing may reach it.
    "base-href": '<base href="OTHER/">![картинка](files/photo.png)',
    "style-tracker": '<p style="background: url(OTHER/p.png)">Текст</p>',
    "ping": '<a href="/" ping="OTHER/ping">на главную</a>',
    "meta-refresh-away": '<meta http-equiv="refresh" content="0; url=OTHER/away">',
}
PHOTO = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@contextmanager
def other_origin() -> Iterator[tuple[str, list[str]]]:
    """Another origin on 127.0.0.1 (its own port) that logs every request it gets: the «other host» of the tests."""
    log: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            log.append(self.path)
            self.send_response(204)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, name="other-origin", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def page_file(name: str) -> str:
    return f"content/pages/p-{name}.md"


@pytest.fixture(scope="module")
def other() -> Iterator[tuple[str, list[str]]]:
    with other_origin() as found:
        yield found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, other: tuple[str, list[str]]) -> Path:
    """A scratch site with one page per payload, built as `build` (without --strict) would."""
    root = tmp_path_factory.mktemp("payloads") / "project"
    pages = {page_file(name): f'---\ntitle: "Проверка {name}"\n---\nТекст страницы.\n\n'
                              f'{body.replace("OTHER", other[0])}\n\nКонец.\n' for name, body in PAYLOADS.items()}
    write_project(root, {**pages, "content/files/photo.png": PHOTO})
    result = generate(root)
    assert not result.failed(), [issue for issue in result.issues if issue.is_error]
    assert {issue.file for issue in result.issues if issue.code == "markdown.html"} == set(pages)
    out = root.parent / "site"
    write_site(result.files, out)
    return out


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


# Counts the policy's refusals on the page (the event fires in the document that refused).
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')));
"""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    context.add_init_script(WATCH_VIOLATIONS)
    try:
        yield context
    finally:
        context.close()


class Requests:
    """Every request the context makes, to tell which left the site."""

    def __init__(self, context: BrowserContext, origin: str) -> None:
        self.origin = origin
        self.urls: list[str] = []
        context.on("request", lambda request: self.urls.append(request.url))

    def foreign(self) -> list[str]:
        return [url for url in self.urls if not url.startswith((self.origin + "/", "data:", "about:"))]


def pwned(page: Page) -> Any:
    return page.evaluate("() => window.__pwned")


def provoke(page: Page) -> None:
    """Do what a visitor does to the body: hover and click each element, toggle every details, Tab through."""
    body = page.locator("main article")
    for summary in body.locator("summary").all():
        summary.click()
        summary.click()
    for element in body.locator("*").all():
        if element.is_visible():
            element.hover()
    for _ in range(12):
        page.keyboard.press("Tab")
    for element in body.locator(":not(a)").all():  # links last: they may navigate
        if element.is_visible():
            element.click()
    page.wait_for_timeout(150)
    assert pwned(page) is None, f"{page.url}: the payload ran after a click, hover, toggle or focus"
    start = page.url
    for link in body.locator("a").all():
        link.click()
        page.wait_for_timeout(200)
        assert pwned(page) is None, f"{start}: a link ran a payload"
        if page.url != start:  # the page is gone (to another page of the site, the request log tells)
            break


@pytest.mark.parametrize("name", PAYLOADS)
def test_no_payload_runs_and_nothing_leaves_the_site(context: BrowserContext, origin: str,
                                                     other: tuple[str, list[str]], name: str) -> None:
    requests = Requests(context, origin)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(f"{origin}/p-{name}/", wait_until="load")
    assert response is not None and response.status == 200
    assert "Текст страницы." in page.locator("main").inner_text()  # the page is there, payload or not
    page.wait_for_timeout(300)  # a refresh or an async handler would have fired by now
    assert pwned(page) is None, f"{name}: the payload ran on load"
    assert page.url == f"{origin}/p-{name}/", f"{name}: the page went to {page.url}"
    provoke(page)
    assert pwned(page) is None, f"{name}: the payload ran after a click, hover, toggle or focus"
    assert dialogs == []
    assert len(requests.urls) >= 3, "the request log is nearly empty: is page.on('request') working?"
    assert requests.foreign() == [], f"{name}: requests left the site: {requests.foreign()}"
    assert other[1] == [], f"{name}: the other origin was reached"


def test_the_published_payload_pages_carry_no_trace_of_them(site: Path) -> None:
    for name in PAYLOADS:
        html = (site / f"p-{name}" / "index.html").read_text(encoding="utf-8")
        body = html[html.index("<p>Текст страницы.</p>"):html.index("<p>Конец.</p>")]
        for trace in ("__pwned", "javascript:", "ascript:", "onerror", "onload", "ontoggle", "onclick",
                      "onmouseover", "onfocus", "formaction", "style=", "ping=", "refresh", "127.0.0.1"):
            assert trace not in body.lower(), f"{name}: «{trace}» in\n{body}"


# ---------------------------------------------------------------- the policy alone, behind the sanitizer

# What a sanitizer bug (or a theme's mistake) could let through: each tries to run or to call another origin.
BYPASS = """
<script>window.__pwned = 1</script>
<script src="{other}/x.js"></script>
<img src="missing.png" alt="" onerror="window.__pwned = 1">
<img src="{other}/p.png" alt="">
<p id="styled" style="color: rgb(255, 0, 0)">Текст</p>
<iframe src="{other}/embed"></iframe>
<object data="{other}/x.swf"></object>
<form id="leak" action="{other}/form"><button id="send">Отправить</button></form>
"""


def test_the_policy_alone_stops_inline_script_styles_and_other_origins(context: BrowserContext, site: Path,
                                                                       origin: str) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count("</main>") == 1
    probe = site / "csp-probe"
    probe.mkdir(exist_ok=True)
    with other_origin() as (other, log):  # its own, so that the log holds this test's requests only
        page_html = html.replace("assets/", "../assets/").replace("</main>", BYPASS.format(other=other) + "</main>")
        (probe / "index.html").write_text(page_html, encoding="utf-8")
        blocked: list[str] = []
        context.on("requestfailed", lambda request: blocked.append(f"{request.url} {request.failure}"))
        page = context.new_page()
        page.goto(f"{origin}/csp-probe/", wait_until="load")
        page.wait_for_timeout(300)
        page.locator("#send").click(no_wait_after=True)
        page.wait_for_timeout(500)
        assert pwned(page) is None
        assert page.evaluate("() => getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
        violations = sorted(set(page.evaluate("() => window.__violations")))
        assert page.url == f"{origin}/csp-probe/"
    assert log == [], f"the other origin was reached: {log}"
    assert violations == sorted({  # Chromium names only the origin of a blocked frame or object
        f"form-action {other}/form?",
        f"frame-src {other}",
        f"img-src {other}/p.png",
        f"object-src {other}",
        "script-src-attr inline",
        f"script-src-elem {other}/x.js",
        "script-src-elem inline",
        "style-src-attr inline",
    }), violations
    assert sorted(blocked) == [f"{other}/p.png csp", f"{other}/x.js csp"]  # refused in the browser, never sent


# ---------------------------------------------------------------- the demo site keeps every rule of its policy


def test_the_demo_site_breaks_no_rule_of_its_policy_and_search_still_works(context: BrowserContext,
                                                                          demo_site: Path) -> None:
    with serve(demo_site) as demo:
        page = context.new_page()
        for path in PAGE_TYPES.values():
            page.goto(demo + path, wait_until="networkidle")
            assert page.evaluate("() => window.__violations") == [], path
        page.goto(f"{demo}/search/?q=контрольной", wait_until="load")
        page.locator("#search-results li").first.wait_for(timeout=15_000)  # Pagefind compiled its WebAssembly
        assert page.locator("#search-results li").count() > 0
        assert page.evaluate("() => window.__violations") == []
