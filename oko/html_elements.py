"""The start tags of an HTML fragment in document order, with their attributes and where each stands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(frozen=True)
class Element:
    tag: str
    attributes: tuple[tuple[str, str], ...]
    offset: int = field(default=0, compare=False)  # where its start tag begins in the parsed text
    source: str = field(default="", compare=False)  # the start tag as written



class _Elements(HTMLParser):
    """The elements of an HTML fragment in document order, skipping what lies inside content-dropping tags."""

    def __init__(self, text: str, skip_content: frozenset[str]) -> None:
        super().__init__(convert_charrefs=True)
        self._skip_content = skip_content
        self.found: list[Element] = []
        self._skipping: list[str] = []  # the open content-dropping element and same-named ones nested in it
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        tag = "img" if tag == "image" else tag  # as every HTML parser (and so nh3) reads it
        if self._skipping:
            if tag == self._skipping[0] and not closed:
                self._skipping.append(tag)
            return
        line, column = self.getpos()
        attributes = tuple((name, value or "") for name, value in attrs)
        self.found.append(Element(tag, attributes, self._line_starts[line - 1] + column,
                                   self.get_starttag_text() or ""))
        if tag in self._skip_content and not closed:
            self._skipping.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and tag == self._skipping[0]:
            self._skipping.pop()


def elements(html: str, skip_content: frozenset[str]) -> list[Element]:
    """The elements of a fragment in document order (for the source, with where each start tag stands),
    skipping what lies inside the `skip_content` tags (those whose content the sanitizer drops)."""
    parser = _Elements(html, skip_content)
    parser.feed(html)
    parser.close()
    return parser.found
