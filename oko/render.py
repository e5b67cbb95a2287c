"""Rendering: one jinja2 environment with Russian-aware filters, and Markdown with checked links."""

from __future__ import annotations

import base64
import hashlib
import re
import traceback
from collections.abc import Callable, Iterable
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
from oko.cache import active as active_cache
from oko.cache import digest as cache_digest
from oko.errors import Issue
from oko.links import relative_url
from oko.sanitize import Removal, sanitize
from oko.site import Page

MARKDOWN_EXTENSIONS = ["tables", "attr_list", "footnotes", "admonition", "sane_lists"]
MARKDOWN_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"slugify": slugify_unicode, "toc_depth": "2-3"},
    "footnotes": {"BACKLINK_TITLE": "Вернуться к тексту (сноска %d)"},
}
_ALIGNMENT = re.compile(r"text-align: (left|center|right);")


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


class _TableAlignment(Treeprocessor):
    """A table column's alignment as a class of the theme: the policy allows no style attributes."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            match = _ALIGNMENT.fullmatch(element.get("style", "")) if element.tag in ("th", "td") else None
            if match:
                del element.attrib["style"]
                element.set("class", f"align-{match.group(1)}")


class _LinkExtension(Extension):
    def __init__(self, resolve: Callable[[str], str | None], broken: list[str]) -> None:
        super().__init__()
        self.resolve = resolve
        self.broken = broken

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # After inline processing (priority 20) so links exist; before the serializer.
        md.treeprocessors.register(_LinkResolver(md, self.resolve, self.broken), "oko_links", 5)
        md.treeprocessors.register(_TableAlignment(md), "oko_table_alignment", 4)


@dataclass(frozen=True)
class RenderedMarkdown:
    html: Markup  # sanitized
    broken: list[str]  # link targets that lead nowhere, in order
    removed: list[Removal]  # what the sanitizer took away, in order


def render_markdown(text: str, resolve: Callable[[str], str | None]) -> RenderedMarkdown:
    """Markdown → HTML cleaned against the allow-list (content is semi-trusted: it arrives by pull request).

    With a build cache active (oko/cache), the result for the same text is reused when every link it
    resolved resolves the same way again.
    """
    cache = active_cache()
    if cache is None:
        return _convert_markdown(text, resolve)
    key = cache_digest("markdown", text)
    hit = cache.get(key)
    if hit is not None:
        answers, rendered = hit
        if all(resolve(target) == url for target, url in answers):
            return rendered
    answers, rendered = traced_markdown(text, resolve)
    cache.put(key, (answers, rendered))
    return rendered


def traced_markdown(text: str, resolve: Callable[[str], str | None]
                    ) -> tuple[list[tuple[str, str | None]], RenderedMarkdown]:
    """The rendered Markdown and every (link target, where it led) asked on the way."""
    answers: list[tuple[str, str | None]] = []

    def recording(target: str) -> str | None:
        url = resolve(target)
        answers.append((target, url))
        return url

    return answers, _convert_markdown(text, recording)


def _convert_markdown(text: str, resolve: Callable[[str], str | None]) -> RenderedMarkdown:
    broken: list[str] = []
    md = markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, "toc", _LinkExtension(resolve, broken)],
        extension_configs=MARKDOWN_CONFIGS,
        output_format="html",
    )
    html, removed = sanitize(md.convert(text), skip_urls=broken)
    return RenderedMarkdown(Markup(html), broken, removed)


def markdown_to_html(text: str, resolve: Callable[[str], str | None]) -> tuple[Markup, list[str]]:
    """Markdown → sanitized HTML and the links that lead nowhere."""
    rendered = render_markdown(text, resolve)
    return rendered.html, rendered.broken


# The public pages' Content-Security-Policy, sent as <meta http-equiv> since a static site sets no headers:
# everything loads from the site itself (the site loads nothing from other hosts); Pagefind's search compiles
# WebAssembly ('wasm-unsafe-eval'); inline scripts only by hash; the favicon is a data: URL. A meta policy
# cannot carry frame-ancestors, report-uri or sandbox (browsers ignore them there): those need a server header.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
)


def script_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(inline_scripts: Iterable[str] = ()) -> str:
    """The policy, allowing the given inline scripts (e.g. a dev server's snippet) by their hashes."""
    hashes = "".join(f" {script_hash(source)}" for source in inline_scripts)
    return "; ".join(d + hashes if d.startswith("script-src ") else d for d in CONTENT_SECURITY_POLICY)


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


class TracingEnvironment(jinja2.Environment):
    """jinja2's environment that records, while `trace` is a list, every template a render loads
    (extends, include, import — cached or not) and every answer of a `traced` function."""

    trace: list[tuple[str, tuple[Any, ...], Any]] | None = None
    traced_functions: dict[str, Callable[..., Any]]

    def _load_template(self, name: Any, globals: Any) -> jinja2.Template:
        if self.trace is not None:
            self.trace.append(("template", (str(name),), None))
        return super()._load_template(name, globals)

    def traced(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function` that records its arguments and answer in the trace (to verify a cached page)."""
        self.traced_functions[name] = function

        def recording(*args: Any) -> Any:
            answer = function(*args)
            if self.trace is not None:
                self.trace.append((name, args, answer))
            return answer

        return recording


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, so serve's rebuilds (a new environment each)
    compile only the templates whose text changed: jinja2 gives each bucket the checksum of the source."""

    def __init__(self) -> None:
        self.codes: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.codes.get(bucket.key, ("", None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED = _CompiledTemplates()


def make_environment(template_dirs: list[Path], assets: Assets, globals_: dict[str, Any]) -> TracingEnvironment:
    """The one jinja2 environment: autoescape, StrictUndefined, Russian filters, `url` and `asset`."""
    env = TracingEnvironment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs]),
        bytecode_cache=_COMPILED,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.traced_functions = {}
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
    env.globals["content_security_policy"] = Markup(content_security_policy())  # quotes stay quotes
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
