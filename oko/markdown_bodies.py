"""The render stage for Markdown written in content: HTML bodies, and every problem at its line and column."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

from oko.errors import Issue
from oko.kind import MarkdownSource
from oko.links import LINK_HINT, Routes, relative_url, resolve_link
from oko.render import render_markdown
from oko.sanitize import Removal
from oko.sanitize_locate import locate
from oko.site import Page
from oko.sources import Position, SourceDoc


def render_markdown_bodies(sources: dict[str, MarkdownSource], routes: Routes, pages: list[Page]) -> list[Issue]:
    """Each page made from Markdown gets its `body` as HTML; broken links and removed HTML are Issues."""
    issues: list[Issue] = []
    for page in pages:
        if page.source not in sources:
            continue
        source = sources[page.source]
        body, doc, first_line, indented = source.text, source.doc, source.first_line, source.indented
        rendered = render_markdown(body, _page_link_resolver(page.source, page.url, routes))
        page.data["body"] = scrolling_tables(rendered.html)
        for target, at in zip(rendered.broken, _link_positions(body, first_line, rendered.broken), strict=True):
            issues.append(doc.issue(
                f"ссылка «{target}» никуда не ведёт: такого файла или страницы нет", at=_in_file(doc, at, indented),
                hint=LINK_HINT,
            ))
        issues += _removal_issues(rendered.removed, body, doc, first_line, indented)
    return issues


_TABLE_OPEN = re.compile(r"<table(?=[\s>])")
_TABLE_CLOSE = re.compile(r"</table>")


def scrolling_tables(html: Markup) -> Markup:
    """Each table of a Markdown body inside a focusable region that scrolls sideways on its own (WCAG 1.4.10:
    a data table may scroll, the page may not); the keyboard reaches it, a screen reader names it."""
    wrapped = _TABLE_OPEN.sub('<div class="table-scroll" role="region" tabindex="0" aria-label="Таблица">'
                              '<table', str(html))
    return Markup(_TABLE_CLOSE.sub("</table></div>", wrapped))  # sanitized HTML, tags only added


def _removal_issues(removed: list[Removal], body: str, doc: SourceDoc, first_line: int,
                    indented: bool) -> list[Issue]:
    """What the sanitizer took away, each located in the Markdown source (never a silent drop)."""
    if not removed:  # the usual case: no need to blank the code out of the body
        return []
    issues = []
    for removal, offset in zip(removed, locate(removed, _without_code(body)), strict=True):
        at = Position(first_line, 1) if offset is None else _position(body, first_line, offset)
        issues.append(doc.issue(removal.message, at=_in_file(doc, at, indented), level=removal.level,
                                hint=removal.hint, code="markdown.html"))
    return issues


def _page_link_resolver(source: str, page_url: str, routes: Routes) -> Callable[[str], str | None]:
    """Links in a Markdown page: resolved to site URLs, then made relative to the page."""

    def resolve(target: str) -> str | None:
        url = resolve_link(target, source, routes)
        return None if url is None else relative_url(url, page_url)

    return resolve


_CODE = re.compile(r"^(```|~~~).*?^\1[^\n]*$|(`+)[^\n]*?\2", re.MULTILINE | re.DOTALL)


def _without_code(body: str) -> str:
    """The body with code spans and fenced blocks blanked out (same length, same line breaks)."""
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)


def _position(text: str, first_line: int, index: int) -> Position:
    """The line and column of text[index], the text starting on line first_line."""
    line_start = text.rfind("\n", 0, index) + 1
    return Position(first_line + text.count("\n", 0, index), index - line_start + 1)


def _in_file(doc: SourceDoc, at: Position, indented: bool) -> Position:
    """A body position as a position in its file: a YAML block scalar (ВПР for_parents) is indented there."""
    if not indented:
        return at
    line = doc.line_text(at.line)
    return Position(at.line, at.column + len(line) - len(line.lstrip(" ")))


def _link_positions(body: str, body_line: int, targets: list[str]) -> list[Position]:
    """Where each broken link stands, in order; a target used twice is found twice."""
    if not targets:
        return []
    text = _without_code(body)
    searched_from: dict[str, int] = {}
    positions = []
    for target in targets:
        start = searched_from.get(target, 0)
        index = text.find(f"]({target}", start)
        index = text.find(target, start) if index < 0 else index + 2
        if index < 0:
            positions.append(Position(body_line, 1))
            continue
        searched_from[target] = index + len(target)
        positions.append(_position(text, body_line, index))
    return positions
