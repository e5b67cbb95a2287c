"""Helpers for the browser tests (tests/test_browser.py): build and serve the demo site, start Chromium, run axe.

The machine running the tests has no network: Chromium is Debian's (/usr/bin/chromium, never `playwright install`),
axe-core comes from npm (node_modules/axe-core), and every page is served from 127.0.0.1.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"

# No background connections: the machine is offline and the network test must see only the site's own requests.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# One page of every kind the engine builds from the demo project (name → URL from the site root).
PAGE_TYPES: dict[str, str] = {
    "home": "/",
    "plans-list": "/plans/",
    "plan": "/plans/ooosh-9-2023-2024/",
    "markdown-page": "/obektivnost/",
    "schedule-index": "/schedule/",
    "schedule-year": "/schedule/2026-2027/",
    "schedule-class": "/schedule/5a/",  # the newest year's class page at its address without the year
    "schedule-calendar": "/schedule/2026-2027/calendar/",
    "schedule-matrix": "/schedule/2026-2027/matrix/",
    "sveden-index": "/sveden/",
    "sveden-common": "/sveden/common/",
    "sveden-documents": "/sveden/document/",
    "sveden-employees": "/sveden/employees/",
    "criteria-index": "/criteria/",
    "criteria-page": "/criteria/russkiy-yazyk-5-9/",
    "vpr": "/vpr/",
    "demos": "/demos/",
    "food": "/food/",
    "search": "/search/",
    "news": "/news/",
    "news-item": "/news/itogovoe-sobesedovanie-2026/",
}


def require_chromium() -> str:
    if not CHROMIUM.is_file():
        pytest.fail(f"Chromium is missing: {CHROMIUM} does not exist. Install Debian's package (`apt-get install "
                    "chromium`); the browser tests never download a browser (`playwright install` is not used).",
                    pytrace=False)
    return str(CHROMIUM)


def require_axe() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing: {AXE} does not exist. Run `npm ci` in {ROOT} (package.json pins axe-core).",
                    pytrace=False)
    return AXE


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path, handler: type[QuietHandler] = QuietHandler) -> Iterator[str]:
    """Serve folder on a free loopback port; yields the origin, e.g. http://127.0.0.1:41234."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="browser-test-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# The violations only, small enough to send back from the page.
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }));
}"""


def run_axe(page: Any, inject: bool = True) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page (inject=False when axe is already there)."""
    if inject:
        page.evaluate(require_axe().read_text(encoding="utf-8"))  # not a tag: the page's policy forbids inline scripts
    return page.evaluate(AXE_RUN, AXE_TAGS)


def format_violations(violations: list[dict[str, Any]], where: str) -> str:
    """A readable report: rule id, impact, help, and the first targets with their HTML."""
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"][:8]:
            target = " ".join(" >>> ".join(t) if isinstance(t, list) else str(t) for t in node["target"])
            lines.append(f"    at {target}: {node['html'][:200]}")
            summary = (node.get("summary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 8:
            lines.append(f"    … and {len(violation['nodes']) - 8} more element(s)")
    return "\n".join(lines)


# Wait until CSS transitions and animations have finished (e.g. after a colour scheme switch).
SETTLE = """() => new Promise(resolve => {
  const done = () => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))
    .then(() => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  requestAnimationFrame(done);
})"""


def settle(page: Any) -> None:
    page.evaluate(SETTLE)


# Why the page scrolls sideways: the outermost elements sticking out of the viewport that no scroll container clips.
OVERFLOW_REPORT = """() => {
  const de = document.documentElement;
  const width = de.clientWidth;
  const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (el.classList.length ? '.' + Array.from(el.classList).join('.') : '');
  const clipped = el => {
    for (let a = el.parentElement; a && a !== document.body && a !== de; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const offenders = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 0.5 || clipped(el)) continue;
    offenders.add(el);
  }
  const outermost = Array.from(offenders).filter(el => !offenders.has(el.parentElement));
  return {
    scrollWidth: de.scrollWidth, clientWidth: width,
    offenders: outermost.slice(0, 12).map(el => {
      const path = [];
      for (let a = el; a && a !== document.body; a = a.parentElement) path.unshift(describe(a));
      const r = el.getBoundingClientRect();
      return path.slice(-4).join(' > ') + ` (right edge ${Math.round(r.right)}px, width ${Math.round(r.width)}px): `
        + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
    }),
  };
}"""

# What has the keyboard focus, in a form a test can search and a failure message can show.
ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {desc: 'body', id: '', inMenu: false, skip: false};
  return {
    desc: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (el.classList.length ? '.' + Array.from(el.classList).join('.') : '')
      + (el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : '')
      + ' «' + (el.textContent || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 30) + '»',
    id: el.id, inMenu: !!el.closest('nav.main-menu') && el.tagName === 'A',
    skip: el.matches('a.skip-link'),
  };
}"""

ROOT_FONT_SIZE = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)"

# The relative luminance (0 black … 1 white) of main's text colour and of the background behind it (rgb colours).
BODY_LUMINANCE = """() => {
  const luminance = color => {
    const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(v => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = el => {
    for (; el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (!/rgba\\(.*,\\s*0\\)$/.test(bg) && bg !== 'transparent') return bg;
    }
    return 'rgb(255, 255, 255)';
  };
  const main = document.querySelector('main') || document.body;
  return [luminance(getComputedStyle(main).color), luminance(background(main))];
}"""


@contextmanager
def launched_browser() -> Iterator[Any]:
    """Debian's Chromium through Playwright (never `playwright install`), closed afterwards."""
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
