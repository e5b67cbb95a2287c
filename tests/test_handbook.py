"""The editors' handbook (mkdocs.yml, docs/handbook/): builds in strict mode, lists every rule, loads nothing remote."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from oko.rules import RULE_CODES
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("handbook")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return site


def test_builds_every_page(handbook: Path) -> None:
    for page in ("index.html", "plan/index.html", "schedule/index.html", "documents/index.html",
                 "cms/index.html", "word/index.html", "errors/index.html", "security/index.html",
                 "results/index.html", "criteria/index.html", "start/index.html", "news/index.html"):
        assert (handbook / page).is_file(), page


def test_errors_page_lists_every_rule_code(handbook: Path) -> None:
    html = (handbook / "errors" / "index.html").read_text(encoding="utf-8")
    assert "oko:error-catalog" not in html, "the marker was not replaced by the hook"
    missing = [code for code in RULE_CODES if f"<code>{code}</code>" not in html]
    assert not missing, f"rule codes missing from the errors page: {missing}"
    assert "двоеточие в неожиданном месте" in html  # from the syntax messages table


class _Resources(HTMLParser):
    """Collects the addresses a page loads: <script src> and <link href>."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href"}.get(tag)
        value = dict(attrs).get(wanted) if wanted else None
        if value:
            self.urls.append(value)


def test_no_page_loads_anything_from_another_host(handbook: Path) -> None:
    remote = []
    for page in sorted(handbook.rglob("*.html")):
        parser = _Resources()
        parser.feed(page.read_text(encoding="utf-8"))
        remote += [f"{page.relative_to(handbook)}: {url}" for url in parser.urls
                   if urlsplit(url).netloc or url.startswith("//")]
    assert not remote, "pages load resources from other hosts (fonts, CDNs):\n" + "\n".join(remote)
