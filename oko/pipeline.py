"""The build recipe over the registered kinds: load → derive → routes → check → site → render.

Writing (and the search index, the «post» stage) is the caller's step (oko/write.py). Stage order is
an invariant: every content issue is collected before anything is written, so a failed build writes
nothing (tests/test_build.py checks it). Each stage gets what the earlier ones returned; no kind calls
back into the pipeline.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup

from oko.cache import BuildCache, using
from oko.cache import active as active_cache
from oko.cache import digest as cache_digest
from oko.cache.pages import PageCache, render_traced
from oko.cache.prepare import prepare_markdown
from oko.cms import CmsScriptMissingError, admin_files
from oko.contacts import school_contacts
from oko.errors import Issue, sorted_issues
from oko.files import UnsafeFileError, collect_files, scan_project
from oko.history import last_changes
from oko.home import home_page_missing
from oko.kind import Context, Kind
from oko.kinds.organisations import owner
from oko.links import Routes, resolve_link
from oko.markdown_bodies import render_markdown_bodies
from oko.parallel import run_all
from oko.project import CONFIG_FILE, Project, load_config
from oko.published import add_file_routes, publishable_files
from oko.registry import registered
from oko.render import Assets, TracingEnvironment, content_security_policy, make_environment
from oko.rules import apply_severities, check_project
from oko.site import Page, menu_items, search_page, stamp_pages
from oko.unknown_content import unknown_content

# The default theme: inside an installed package (oko/theme, see pyproject.toml), else the checkout's templates/.
DEFAULT_TEMPLATES = next((d for d in (Path(__file__).resolve().parent / "theme",) if d.is_dir()),
                         Path(__file__).resolve().parent.parent / "templates")

# Links every page's footer carries (ПП РФ № 1802, п.17: official sites of the ministries).
MINISTRY_LINKS = (
    ("Министерство просвещения Российской Федерации", "https://edu.gov.ru/"),
    ("Министерство науки и высшего образования Российской Федерации", "https://minobrnauki.gov.ru/"),
)


@dataclass
class BuildResult:
    issues: list[Issue]
    files: dict[str, bytes] = field(default_factory=dict)
    pages: int = 0
    project: Project | None = None  # what was loaded, for callers that report on it (check --report)

    def failed(self, strict: bool = False) -> bool:
        return any(issue.is_error or strict for issue in self.issues)


def generate(root: Path, inline_scripts: Iterable[str] = (), cache: BuildCache | None = None) -> BuildResult:
    """Everything but writing: the site's files as bytes, or the issues that prevent it.

    `inline_scripts` are scripts a caller injects into every page (the dev server's live reload): the pages'
    Content-Security-Policy allows exactly these, by hash. With a `cache` (oko/cache), what an earlier
    build computed from the same inputs is reused; the result is the same bytes either way.
    """
    with using(cache):
        return _generate(root, tuple(inline_scripts))


def _generate(root: Path, inline_scripts: tuple[str, ...]) -> BuildResult:
    kinds = registered()
    project, issues = load_project(root, kinds)
    derived, found = derive(project, kinds)
    issues += found
    routes, found = plan_routes(project, derived, kinds)
    issues += found
    ctx = Context(project, routes, derived, kinds)
    issues += check_project(ctx)
    issues += home_page_missing(project, issues)
    issues = apply_severities(project, issues)
    if project.config is None or any(issue.is_error for issue in issues):
        return BuildResult(sorted_issues(issues))
    generated = _generated_files(ctx)  # _render copies content
    ctx = dataclasses.replace(ctx, downloads=tuple(d for kind in kinds for d in kind.downloads(ctx, generated)))
    pages = sorted([search_page(), *(page for kind in kinds for page in kind.pages(ctx))], key=lambda page: page.url)
    for page in pages:  # each page the files offered beside it: an edit of one plan re-renders that plan's page only
        page.data.setdefault("downloads", [d for d in ctx.downloads if d.page_url == page.url])
    stamp_pages(pages, last_changes(root), [section for kind in kinds for section in kind.sections])
    markdown = {source: text for kind in kinds for source, text in kind.markdown(project).items()}
    prepare_markdown(markdown, routes, pages)
    issues += render_markdown_bodies(markdown, routes, pages)
    files, found = _render(ctx, pages, inline_scripts)
    files.update(generated)
    issues += found
    if project.config.cms is not None:
        try:
            files.update(admin_files(project))
        except CmsScriptMissingError as exc:  # the site is built without /admin/ (an installed Око has no npm)
            issues.append(exc.issue())
    if any(issue.is_error for issue in issues):  # e.g. a broken Markdown link: nothing to write
        return BuildResult(sorted_issues(issues))
    return BuildResult(sorted_issues(issues), files, len(pages), project)


def _generated_files(ctx: Context) -> dict[str, bytes]:
    """The kinds' downloads (ICS, CSV, XLSX, JSON): a function of the content alone, so reused from the cache
    while no file of the project changed (a kind reads nothing else: they get only ctx)."""
    cache = active_cache()
    key = _content_key(ctx.project) if cache is not None else None
    if cache is not None and key is not None and (hit := cache.get(key)) is not None:
        return hit
    generated = {path: data for kind in ctx.kinds for path, data in kind.files(ctx).items()}
    if cache is not None and key is not None:
        cache.put(key, generated)
    return generated


def _content_key(project: Project) -> str | None:
    """A digest of every file the scan found (names and bytes); None when one cannot be read now."""
    hasher = hashlib.sha256()
    for relative in sorted(project.tree.files):
        try:
            data = project.tree.read(relative)
        except UnsafeFileError:
            return None
        hasher.update(f"{relative}\0{len(data)}\0".encode())
        hasher.update(data)
    return cache_digest("generated files", hasher.digest())


def load_project(root: Path, kinds: tuple[Kind, ...] | None = None) -> tuple[Project, list[Issue]]:
    """Read site_config.yaml, content/files and each kind's files: models for what is valid, Issues for the rest.

    Every file is read through the safe walker (project.tree, oko/files.py), whatever its kind.
    """
    project = Project(root=root, tree=scan_project(root, top_files=(CONFIG_FILE,)))
    issues: list[Issue] = list(project.tree.issues)  # links and special files: never read
    project.config_doc, project.config = load_config(project, issues)
    project.files = collect_files(project.tree, "files")
    for kind in registered() if kinds is None else kinds:
        project.entries[kind.name] = kind.load(project, issues)
    issues += unknown_content(project.tree, registered() if kinds is None else kinds)
    return project, issues


def derive(project: Project, kinds: tuple[Kind, ...]) -> tuple[dict[str, Any], list[Issue]]:
    """What kinds compute once from the loaded project for others to use (the assembled schedules)."""
    derived: dict[str, Any] = {}
    issues: list[Issue] = []
    for kind in kinds:
        value, found = kind.derive(project)
        issues += found
        if value is not None:
            derived[kind.name] = value
    return derived, issues


def plan_routes(project: Project, derived: dict[str, Any] | None = None,
                kinds: tuple[Kind, ...] | None = None) -> tuple[Routes, list[Issue]]:
    """Decide every URL (the only stage that does): each kind's, then content/files by path."""
    kinds = registered() if kinds is None else kinds
    derived = derive(project, kinds)[0] if derived is None else derived
    ctx = Context(project, Routes(), derived, kinds)
    issues = [issue for kind in kinds for issue in kind.add_routes(ctx)]
    add_file_routes(ctx.routes, project)
    return ctx.routes, issues


def _render_pages(env: TracingEnvironment, pages: list[Page], shared: Any) -> list[tuple[bytes | None, list[Issue]]]:
    """Each page's HTML (or its template issues): from the cache when nothing it used changed, the rest
    rendered — in forked workers when there are many (oko/parallel.py)."""
    cache = active_cache()
    if cache is None:
        return [(rendered.html, rendered.issues) for rendered in run_all([partial(render_traced, env, page)
                                                                          for page in pages])]
    store = PageCache(env, cache, "")
    try:
        context_key = cache_digest("pages", store.digests.dumps(shared))
    except Exception:  # unpicklable settings: nothing cached
        context_key = None
    store.context_key = context_key or ""
    keys = [store.key(page) if context_key else None for page in pages]
    results: list[tuple[bytes | None, list[Issue]] | None] = [None] * len(pages)
    for index, key in enumerate(keys):
        html = store.lookup(key)
        if html is not None:
            results[index] = (html, [])
    missing = [index for index, result in enumerate(results) if result is None]
    for index, rendered in zip(missing, run_all([partial(render_traced, env, pages[i]) for i in missing]), strict=True):
        store.store(keys[index], rendered)
        results[index] = (rendered.html, rendered.issues)
    return [result for result in results if result is not None]


def _render(ctx: Context, pages: list[Page], inline_scripts: tuple[str, ...]) -> tuple[dict[str, bytes], list[Issue]]:
    project, routes = ctx.project, ctx.routes
    template_dirs = [d for d in (project.root / "templates", DEFAULT_TEMPLATES) if d.is_dir()]
    # A site that overrides only some templates keeps the theme's assets: the first assets/ folder found.
    asset_dirs = [d / "assets" for d in template_dirs if (d / "assets").is_dir()]
    assets = Assets.collect(asset_dirs[0]) if asset_dirs else Assets()
    site_owner = owner(project)
    shared = {
        "site": project.config,
        "owner": site_owner.model if site_owner else None,
        "menu": menu_items(item for kind in ctx.kinds for item in kind.menu_items(ctx)),
        "menu_urls": sorted(set(routes.by_ref.values())),
        "ministry_links": MINISTRY_LINKS,
        "contacts": school_contacts(project),  # every footer (oko/contacts.py)
        "content_security_policy": Markup(content_security_policy(inline_scripts)),  # quotes stay quotes
    }
    env = make_environment(template_dirs, assets, shared)
    # Links were checked by the rules, so every one resolves here.
    env.filters["resolve"] = env.traced("resolve",
                                        lambda target, source: resolve_link(target, source, routes) or target)
    files: dict[str, bytes] = dict(assets.files)
    issues: list[Issue] = []
    for page, (html, found) in zip(pages, _render_pages(env, pages, (shared, assets.names)), strict=True):
        issues += found
        if html is not None:
            files[page.output_path] = html
    for relative in sorted(publishable_files(project, routes, ctx.kinds)):  # unlinked files are not published
        try:
            files[relative] = project.read_content(relative)
        except UnsafeFileError as exc:  # turned into a link or a FIFO since the scan
            issues.append(exc.issue)
    files[".nojekyll"] = b""  # GitHub Pages: publish files and folders as they are
    return files, issues
