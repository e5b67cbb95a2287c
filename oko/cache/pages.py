"""Rendered pages from the cache: a page is re-rendered only when something it used has changed.

The key is a digest of the page itself (its url, template, data — everything its template sees of it)
and of the context all pages share (settings, menu, asset names, inline scripts). The trace of the
render records each template it loaded and each traced function's answer (`resolve` of links); a hit
is used only when every template still has the same text and every answer is the same.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

import jinja2

from oko.cache.digests import SharedDigests
from oko.cache.store import BuildCache, digest
from oko.errors import Issue
from oko.render import TracingEnvironment, render_page
from oko.site import Page

Trace = list[tuple[str, tuple[Any, ...], Any]]


@dataclass
class Rendered:
    html: bytes | None
    issues: list[Issue]
    trace: Trace


def render_traced(env: TracingEnvironment, page: Page) -> Rendered:
    env.trace = []
    try:
        html, issues = render_page(env, page)
        return Rendered(html, issues, env.trace)
    finally:
        env.trace = None


@dataclass
class PageCache:
    """Looks pages up in (and stores them into) a BuildCache for one environment."""

    env: TracingEnvironment
    cache: BuildCache
    context_key: str
    _templates: dict[str, str | None] = field(default_factory=dict)
    digests: SharedDigests = field(default_factory=lambda: SharedDigests())

    def key(self, page: Page) -> str | None:
        """Before any page renders (nothing changes the pages meanwhile), so a value shared by many pages
        (a whole schedule) is pickled once and stands in the others' pickles by its digest."""
        try:
            return digest("page", self.context_key, self.digests.dumps(page))
        except Exception:  # something in its data cannot be pickled: always rendered
            return None

    def lookup(self, key: str | None) -> bytes | None:
        hit = self.cache.get(key) if key is not None else None
        if hit is None:
            return None
        trace, html = hit
        return html if all(self._same(step) for step in trace) else None

    def store(self, key: str | None, rendered: Rendered) -> None:
        if key is not None and rendered.html is not None and not rendered.issues:
            self.cache.put(key, (self._completed(rendered.trace), rendered.html))

    def _completed(self, trace: Trace) -> Trace:
        """Template steps get the digest of the template's text (recorded once each), to compare later."""
        done: Trace = []
        seen: set[str] = set()
        for name, args, answer in trace:
            if name == "template":
                if args[0] in seen:
                    continue
                seen.add(args[0])
                answer = self._template_digest(args[0])
            done.append((name, args, answer))
        return done

    def _same(self, step: tuple[str, tuple[Any, ...], Any]) -> bool:
        name, args, answer = step
        if name == "template":
            return self._template_digest(args[0]) == answer
        function = self.env.traced_functions.get(name)
        return function is not None and function(*args) == answer

    def _template_digest(self, name: str) -> str | None:
        if name not in self._templates:
            self._templates[name] = template_digest(self.env, name)
        return self._templates[name]


def template_digest(env: jinja2.Environment, name: str) -> str | None:
    """The template `name` as the loader finds it now (which folder, which text); None when there is none."""
    assert env.loader is not None
    try:
        source, filename, _ = env.loader.get_source(env, name)
    except jinja2.TemplateNotFound:
        return None
    return hashlib.sha256(f"{filename}\0{source}".encode()).hexdigest()
