"""Rendering: one jinja2 environment with Russian-aware filters, and Markdown with checked links."""

from __future__ import annotations

import hashlib
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import slugify_unicode
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from oko import ru
from oko.errors import Issue
from oko.site import Page, relative_url

MARKDOWN_EXTENSIONS = ["tables", "attr_list", "footnotes", "admonition", "sane_lists"]


class _LinkResolver(Treeprocessor):
    """Rewrites links between content files to site URLs and records the ones that lead nowhere."""

    def __init__(self, md: markdown.Markdown, resolve: Callable[[str], str | None], broken: list[str]) -> None:
        super().__init__(md)
        self.resolve = resolve
        self.broken = broken

    def run(self, root: Element) -> None:
        for element in root.iter():
            attribute = {"a": "href", "img": "src"}.get(element.tag)
            target = element.get(attribute) if attribute else None
            if attribute and target:
                resolved = self.resolve(target)
                if resolved is None:
                    self.broken.append(target)
                else:
                    element.set(attribute, resolved)


class _LinkExtension(Extension):
    def __init__(self, resolve: Callable[[str], str | None], broken: list[str]) -> None:
        super().__init__()
        self.resolve = resolve
        self.broken = broken

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # After inline processing (priority 20) so links exist; before the serializer.
        md.treeprocessors.register(_LinkResolver(md, self.resolve, self.broken), "oko_links", 5)


def markdown_to_html(text: str, resolve: Callable[[str], str | None]) -> tuple[Markup, list[str]]:
    """Markdown → HTML (trusted: school staff write it); returns the links that lead nowhere."""
    broken: list[str] = []
    md = markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, "toc", _LinkExtension(resolve, broken)],
        extension_configs={"toc": {"slugify": slugify_unicode, "toc_depth": "2-3"}},
        output_format="html",
    )
    return Markup(md.convert(text)), broken


@dataclass
class Assets:
    """Static theme files, published under content-hashed names for cache busting."""

    files: dict[str, bytes] = field(default_factory=dict)  # hashed output path → bytes
    names: dict[str, str] = field(default_factory=dict)  # "style.css" → "/assets/style.1a2b3c4d.css"

    @classmethod
    def collect(cls, directory: Path) -> Assets:
        assets = cls()
        if not directory.is_dir():
            return assets
        for path in sorted(p for p in directory.rglob("*") if p.is_file()):
            data = path.read_bytes()
            name = path.relative_to(directory).as_posix()
            digest = hashlib.sha256(data).hexdigest()[:10]
            stem, dot, ext = name.rpartition(".")
            hashed = f"assets/{stem}.{digest}.{ext}" if dot else f"assets/{name}.{digest}"
            assets.files[hashed] = data
            assets.names[name] = "/" + hashed
        return assets


def make_environment(template_dirs: list[Path], assets: Assets, globals_: dict[str, Any]) -> jinja2.Environment:
    """The one jinja2 environment: autoescape, StrictUndefined, Russian filters, `url` and `asset`."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        ru_date=ru.human_date,
        short_date=ru.short_date,
        month_name=ru.month_name,
        plural=lambda n, one, few, many: ru.plural(n, one, few, many),
        count=lambda n, one, few, many: ru.count(n, one, few, many),
    )

    @jinja2.pass_context
    def url(context: jinja2.runtime.Context, target: str) -> str:
        return relative_url(target, context["page"].url)

    @jinja2.pass_context
    def asset(context: jinja2.runtime.Context, name: str) -> str:
        return relative_url(assets.names[name], context["page"].url)

    env.filters["url"] = url
    env.globals["asset"] = asset
    env.globals.update(globals_)
    return env


def render_page(env: jinja2.Environment, page: Page) -> tuple[bytes | None, list[Issue]]:
    """Render one page; a template problem becomes an Issue naming the template and line."""
    try:
        html = env.get_template(page.template).render(page=page, **page.data)
    except jinja2.TemplateSyntaxError as exc:
        return None, [Issue("error", f"templates/{exc.name or page.template}", f"ошибка в шаблоне: {exc.message}",
                            exc.lineno)]
    except Exception as exc:  # any failure inside a template is the template's problem, shown as one
        name, line = _template_frame(exc, page.template)
        return None, [Issue("error", f"templates/{name}", f"ошибка в шаблоне при выводе {page.url}: "
                            f"{type(exc).__name__}: {exc}", line)]
    return html.encode("utf-8"), []


def _template_frame(exc: BaseException, default: str) -> tuple[str, int | None]:
    """The innermost template file and line in a traceback (jinja maps its frames to template lines)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".html"):
            return Path(frame.filename).name, frame.lineno
    return default, None
