"""The built site works under a sub-path (https://owner.github.io/repo/), as GitHub project pages publish
it, and at a domain's root: every page answers, no link is broken or leaves the site's folder."""

from __future__ import annotations

import http.client
import os
import shutil
import threading
from collections.abc import Sequence
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

URL_ATTRIBUTES = {"a": ("href",), "link": ("href",), "script": ("src",), "img": ("src",), "form": ("action",),
                  "iframe": ("src",), "source": ("src",)}
# URLs the site's own scripts load: the schedule JSON on the home page, the Pagefind index on /search/.
DATA_URL_ATTRIBUTES = ("data-schedule", "data-pagefind", "data-base", "data-class-base")
SKIPPED_SCHEMES = ("mailto", "tel", "webcal", "data", "javascript")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = URL_ATTRIBUTES.get(tag, ()) + DATA_URL_ATTRIBUTES
        self.urls += [value.strip() for name, value in attrs if name in wanted and value is not None]


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files as a static host does: quietly, and a folder without index.html is 404, not a listing."""

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404)
        return None

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def built_site(demo_site: Path) -> Path:
    """The demo site, built once per run (tests/conftest.py)."""
    return demo_site


def serve(folder: Path) -> tuple[ThreadingHTTPServer, int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def crawl(port: int, start: str, also: Sequence[str] = ()) -> tuple[dict[str, int], list[str]]:
    """Fetch every page reachable from `start` and from the pages `also` (no redirects followed);
    returns the status of each path and the problems found."""
    origin = f"http://127.0.0.1:{port}"
    statuses: dict[str, int] = {}
    problems: list[str] = []
    queue = [(path, "(страница сайта)") for path in also] + [(start, "(начало)")]
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        while queue:
            path, referrer = queue.pop()
            if path in statuses:
                continue
            if not path.startswith(start):
                statuses[path] = 0
                problems.append(f"{referrer}: ссылка «{path}» уходит из {start}")
                continue
            connection.request("GET", quote(path, safe="/%:@!$&'()*+,;=-._~"))
            response = connection.getresponse()
            body = response.read()
            statuses[path] = response.status
            if response.status != 200:
                problems.append(f"{referrer}: «{path}» отвечает {response.status}")
                continue
            if not response.getheader("Content-Type", "").startswith("text/html"):
                continue
            parser = Links()
            parser.feed(body.decode("utf-8"))
            page_url = origin + path
            for raw in parser.urls:
                if not raw or raw.startswith("#"):
                    continue
                url = urlsplit(urljoin(page_url, raw))
                if url.scheme in SKIPPED_SCHEMES:
                    continue
                if url.scheme not in ("http", "https"):
                    problems.append(f"{path}: непонятная ссылка «{raw}»")
                    continue
                if url.netloc != f"127.0.0.1:{port}":
                    continue  # another site
                queue.append((url.path or "/", f"{path} → «{raw}»"))
    finally:
        connection.close()
    return statuses, problems


def html_pages(site: Path, start: str) -> list[str]:
    """Every page of the built site as a URL path, so that pages no link leads to are checked too."""
    return sorted(start + str(page.relative_to(site)).removesuffix("index.html") for page in site.rglob("*.html"))


def assert_crawl(statuses: dict[str, int], problems: list[str], start: str) -> None:
    assert not problems, f"{len(problems)} битых или уходящих из {start} ссылок:\n" + "\n".join(sorted(problems))
    pages = [path for path in statuses if path.endswith("/") or path.endswith(".html")]
    assert len(pages) >= 20, f"обход нашёл слишком мало страниц: {sorted(pages)}"
    for wanted in ("sveden/", "plans/", "schedule/", "search/", "assets/", "files/", "pagefind/"):
        assert any(path.startswith(start + wanted) for path in statuses), f"обход не дошёл до {start}{wanted}"


def test_site_works_under_a_sub_path(built_site: Path, tmp_path: Path) -> None:
    """GitHub project pages: the site lives at https://owner.github.io/repo/, not at the domain root."""
    root = tmp_path / "root"
    shutil.copytree(built_site, root / "repo")
    (root / "index.html").write_text("<!doctype html><title>не сайт</title>", encoding="utf-8")
    server, port = serve(root)
    try:
        statuses, problems = crawl(port, "/repo/", html_pages(built_site, "/repo/"))
    finally:
        server.shutdown()
        server.server_close()
    assert_crawl(statuses, problems, "/repo/")


def test_site_works_at_the_domain_root(built_site: Path) -> None:
    server, port = serve(built_site)
    try:
        statuses, problems = crawl(port, "/", html_pages(built_site, "/"))
    finally:
        server.shutdown()
        server.server_close()
    assert_crawl(statuses, problems, "/")


def test_crawl_finds_broken_and_escaping_links(tmp_path: Path) -> None:
    """The crawler itself: a root-absolute link, a missing page and a folder without a slash are all caught."""
    site = tmp_path / "root" / "repo"
    (site / "plans").mkdir(parents=True)
    (site / "plans" / "index.html").write_text("<!doctype html><title>Планы</title>", encoding="utf-8")
    (site / "index.html").write_text(
        '<!doctype html><title>Главная</title><a href="plans/">ok</a><a href="#top">ok</a>'
        '<a href="mailto:a@b.example">ok</a><a href="https://other.example/x">ok</a><a href="plans/?q=1">ok</a>'
        '<a href="/plans/">escapes</a><a href="../other/">escapes</a><img src="missing.png"><a href="plans">301</a>',
        encoding="utf-8")
    server, port = serve(tmp_path / "root")
    try:
        statuses, problems = crawl(port, "/repo/")
    finally:
        server.shutdown()
        server.server_close()
    assert statuses["/repo/plans/"] == 200
    assert sorted(problems) == [
        "/repo/ → «../other/»: ссылка «/other/» уходит из /repo/",
        "/repo/ → «/plans/»: ссылка «/plans/» уходит из /repo/",
        "/repo/ → «missing.png»: «/repo/missing.png» отвечает 404",
        "/repo/ → «plans»: «/repo/plans» отвечает 301",
    ]
