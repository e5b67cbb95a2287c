"""The Markdown stage made ready: bodies the cache lacks are rendered up front, in forked workers when many.

oko/markdown_bodies.py then renders every body through render_markdown, which finds each in the cache
(see oko/render.py); what it finds was rendered from the same text with the same link answers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from oko.cache.store import active, digest
from oko.kind import MarkdownSource
from oko.links import Routes
from oko.markdown_bodies import _page_link_resolver
from oko.parallel import run_all
from oko.render import traced_markdown
from oko.site import Page


def prepare_markdown(sources: dict[str, MarkdownSource], routes: Routes, pages: list[Page]) -> None:
    cache = active()
    if cache is None:
        return
    missing: list[tuple[str, str, Callable[[str], str | None]]] = []
    for page in pages:
        source = sources.get(page.source) if page.source else None
        if source is None:
            continue
        resolve = _page_link_resolver(page.source, page.url, routes)
        key = digest("markdown", source.text)
        hit = cache.entries.get(key) and cache.get(key)
        if hit is None or not all(resolve(target) == url for target, url in hit[0]):
            missing.append((key, source.text, resolve))
    done: set[str] = set()
    tasks = []
    for key, text, resolve in missing:
        if key not in done:  # one text on two pages: rendered once here, checked again for each page later
            done.add(key)
            tasks.append((key, partial(traced_markdown, text, resolve)))
    for (key, _), result in zip(tasks, run_all([task for _, task in tasks]), strict=True):
        cache.put(key, result)
