"""Read the itemprop markup of a built page the way Rosobrnadzor's checker does (MR v9 §3.1, §5).

The checker builds a tree of tagged elements only; a child counts under a main tag when it is its
descendant (wrappers without itemprop in between are fine). Nesting deeper than one level is not
counted by it, so each element is recorded with its nearest tagged ancestor.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class Tagged:
    """One element with an itemprop: its name, its nearest tagged ancestor, its text and link."""

    name: str
    parent: str | None
    text: str
    href: str | None
    hidden: bool  # hidden from visitors (hidden attribute, display:none, <meta>): MR wants data visible


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []  # open elements: tag, itemprop, hidden, text parts
        self.found: list[Tagged] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hidden = ("hidden" in values or "display:none" in (values.get("style") or "").replace(" ", "")
                  or tag == "meta" or (bool(self.stack) and self.stack[-1]["hidden"]))
        element = {"tag": tag, "itemprop": values.get("itemprop"), "hidden": hidden, "text": [],
                   "href": values.get("href") or values.get("content")}
        if tag in VOID:
            if element["itemprop"]:
                self._record(element)
            return
        self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index]["tag"] == tag:
                closed = self.stack[index:]
                del self.stack[index:]
                for element in reversed(closed):
                    if element["itemprop"]:
                        self._record(element)
                    if self.stack:
                        self.stack[-1]["text"] += element["text"]
                return

    def handle_data(self, data: str) -> None:
        if self.stack:
            self.stack[-1]["text"].append(data)

    def _record(self, element: dict) -> None:
        parent = next((e["itemprop"] for e in reversed(self.stack) if e["itemprop"] and e is not element), None)
        text = " ".join("".join(element["text"]).split())
        for name in element["itemprop"].split():
            self.found.append(Tagged(name, parent, text, element["href"], element["hidden"]))


def tagged_elements(html: str) -> list[Tagged]:
    """Every itemprop on the page, in document order of their closing tags."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.found
