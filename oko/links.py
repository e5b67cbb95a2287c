"""Links between content files: where every file and reference ends up, and how a link resolves.

URLs are site-absolute («/plans/x/»); templates turn them into relative links with the `url`
filter (`relative_url`), so the site works under a sub-path and from a folder. Each kind adds its
routes in the routes stage (oko/pipeline.py); every later stage only reads them.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

# First path segments the engine keeps for itself; each kind adds its own (`Kind.segments`).
ENGINE_SEGMENTS = frozenset({"files", "assets", "search", "admin", "pagefind", "documents"})
EXTERNAL_PREFIXES = ("http://", "https://", "mailto:", "tel:", "webcal://")
LINK_HINT = (
    "на другие файлы содержимого ссылайтесь относительным путём (../plans/имя.yaml), "
    "на страницы — page:имя, на планы — plan:имя, на файлы из content/files — files/имя.pdf"
)


@dataclass
class Routes:
    """Where every content file and reference ends up: the basis of link resolution."""

    by_source: dict[str, str] = field(default_factory=dict)  # "plans/x.yaml" → "/plans/x/"
    by_ref: dict[str, str] = field(default_factory=dict)  # "plan:x" → "/plans/x/"
    titles: dict[str, str] = field(default_factory=dict)  # url → title

    def add(self, source: str, ref: str, url: str, title: str) -> None:
        self.by_source[source] = url
        self.by_ref[ref] = url
        self.titles[url] = title


def resolve_link(target: str, source: str, routes: Routes) -> str | None:
    """A link written in a content file → a site-absolute URL (external links pass as they are).

    `target` may be an external address, «#anchor», a reference «plan:id» / «page:id», or a path to
    another content file relative to `source` (or to content/). None means it leads nowhere.
    """
    target = target.strip()
    if target.startswith(EXTERNAL_PREFIXES) or target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    suffix = f"#{fragment}" if fragment else ""
    if path in routes.by_ref:
        return routes.by_ref[path] + suffix
    base = posixpath.dirname(source)
    # Relative to the file, then to content/ («files/x.pdf», or «/files/x.pdf» as the form editor writes it).
    for candidate in (posixpath.normpath(posixpath.join(base, path)), posixpath.normpath(path.lstrip("/"))):
        if candidate in routes.by_source:
            return routes.by_source[candidate] + suffix
    return None


def relative_url(target: str, current: str) -> str:
    """A site-absolute URL as seen from the page at `current`: «/plans/» from «/plans/x/» is «../»."""
    if target.startswith(EXTERNAL_PREFIXES) or target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    current_dir = current if current.endswith("/") else posixpath.dirname(current) + "/"
    relative = posixpath.relpath(path, current_dir)
    if path.endswith("/"):
        relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{fragment}" if fragment else "")


_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)


def markdown_link_targets(text: str) -> list[str]:
    """Targets of the inline links and link definitions in Markdown text, in order."""
    return [a or b for a, b in _MARKDOWN_LINK.findall(text)]
