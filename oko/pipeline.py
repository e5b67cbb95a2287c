"""The build recipe: load → validate → routes → check → pages → render; writing is the caller's step.

Stage order is an invariant: every content issue is collected before anything is written, so a
failed build writes nothing (tests/test_build.py checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from oko.cms import CmsScriptMissingError, admin_files
from oko.errors import Issue, sorted_issues
from oko.files import FileInfo, UnsafeFileError
from oko.history import last_changes
from oko.outputs.tables import plan_xlsx_bytes
from oko.project import Project, load_project
from oko.render import Assets, content_security_policy, make_environment, render_markdown, render_page
from oko.rules import apply_severities, check_project
from oko.rules.files import publishable_files
from oko.sanitize import Removal, locate
from oko.schedules import YearSchedule, assemble_schedules
from oko.site import (
    LINK_HINT,
    Page,
    Routes,
    build_pages,
    main_menu,
    plan_routes,
    relative_url,
    resolve_link,
    stamp_pages,
)
from oko.sources import Position, SourceDoc
from oko.views.assessment import add_assessment_routes, criteria_pages, demos_pages, vpr_pages
from oko.views.schedule import add_schedule_routes, schedule_files, schedule_pages
from oko.views.sveden import Download, add_sveden_routes, sveden_pages

DEFAULT_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

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


def generate(root: Path, inline_scripts: Iterable[str] = ()) -> BuildResult:
    """Everything but writing: the site's files as bytes, or the issues that prevent it.

    `inline_scripts` are scripts a caller injects into every page (the dev server's live reload): the pages'
    Content-Security-Policy allows exactly these, by hash.
    """
    project, issues = load_project(root)
    schedules, found = assemble_schedules(project)
    issues += found
    routes, found = plan_routes(project)
    add_schedule_routes(routes, schedules)
    add_sveden_routes(routes, project)
    add_assessment_routes(routes, project)
    issues += found
    issues += check_project(project, routes, schedules)
    if "index" not in project.pages and not any(i.file == "content/pages/index.md" for i in issues):
        issues.append(Issue("error", "content/pages/index.md", "нет главной страницы сайта",
                            hint="создайте content/pages/index.md с заголовком title"))
    issues = apply_severities(project, issues)
    if project.config is None or any(issue.is_error for issue in issues):
        return BuildResult(sorted_issues(issues))
    generated = {**schedule_files(schedules), **plan_files(project)}  # content files: _render copies them
    downloads = _downloads(project, schedules, generated)
    pages = sorted([*build_pages(project, routes), *schedule_pages(schedules, project.config.base_url),
                    *sveden_pages(project, routes, downloads), *criteria_pages(project), *demos_pages(project),
                    *vpr_pages(project, schedules)], key=lambda page: page.url)
    for page in pages:
        page.data.setdefault("downloads", downloads)
    stamp_pages(pages, last_changes(root))
    issues += _render_markdown_bodies(project, routes, pages)
    files, found = _render(project, pages, routes, inline_scripts)
    files.update(generated)
    issues += found
    if project.config.cms is not None:
        try:
            files.update(admin_files(project))
        except CmsScriptMissingError as exc:
            issues.append(Issue("error", "site_config.yaml", f"для форм /admin/ нет скрипта Sveltia CMS ({exc})",
                                hint="выполните `npm ci` в папке проекта (или уберите раздел cms из настроек)"))
    if any(issue.is_error for issue in issues):  # e.g. a broken Markdown link: nothing to write
        return BuildResult(sorted_issues(issues))
    return BuildResult(sorted_issues(issues), files, len(pages), project)


def plan_files(project: Project) -> dict[str, bytes]:
    """Each plan's table as a spreadsheet beside its page: /plans/<id>.xlsx."""
    return {f"plans/{plan_id}.xlsx": plan_xlsx_bytes(entry.model) for plan_id, entry in project.plans.items()}


def _downloads(project: Project, schedules: dict[str, YearSchedule], files: dict[str, bytes]) -> list[Download]:
    """Plans and schedules as documents of «Документы»: their pages and their spreadsheets."""
    found = [(entry.model.title, f"/plans/{plan_id}/", f"plans/{plan_id}.xlsx")
             for plan_id, entry in sorted(project.plans.items())]
    found += [(schedule.header.display_title, f"/schedule/{year}/", f"schedule/{year}/school.xlsx")
              for year, schedule in sorted(schedules.items())]
    return [Download(title, page_url, "/" + path, FileInfo(path, len(files[path]))) for title, page_url, path in found]


def _markdown_sources(project: Project) -> dict[str, tuple[str, SourceDoc, int, bool]]:
    """Markdown written in content: page and criteria bodies, the ВПР year's text for parents.

    Each is (text, document, line of the text's first line, whether the text is an indented YAML block).
    """
    sources = {entry.source: (entry.doc.body, entry.doc, entry.doc.body_line, False)
               for entry in [*project.pages.values(), *project.criteria.values()]}
    for entry in project.vpr.values():
        if entry.model.for_parents:
            at = entry.doc.position(("for_parents",))
            sources[entry.source] = (entry.model.for_parents, entry.doc, (at.line + 1) if at else 1, True)
    return sources


def _render_markdown_bodies(project: Project, routes: Routes, pages: list[Page]) -> list[Issue]:
    issues: list[Issue] = []
    sources = _markdown_sources(project)
    for page in pages:
        if page.source not in sources:
            continue
        body, doc, first_line, indented = sources[page.source]
        rendered = render_markdown(body, _page_link_resolver(page.source, page.url, routes))
        page.data["body"] = rendered.html
        for target, at in zip(rendered.broken, _link_positions(body, first_line, rendered.broken), strict=True):
            issues.append(doc.issue(
                f"ссылка «{target}» никуда не ведёт: такого файла или страницы нет", at=_in_file(doc, at, indented),
                hint=LINK_HINT,
            ))
        issues += _removal_issues(rendered.removed, body, doc, first_line, indented)
    return issues


def _removal_issues(removed: list[Removal], body: str, doc: SourceDoc, first_line: int,
                    indented: bool) -> list[Issue]:
    """What the sanitizer took away, each located in the Markdown source (never a silent drop)."""
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


def _render(project: Project, pages: list[Page], routes: Routes,
            inline_scripts: Iterable[str]) -> tuple[dict[str, bytes], list[Issue]]:
    template_dirs = [d for d in (project.root / "templates", DEFAULT_TEMPLATES) if d.is_dir()]
    assets = Assets.collect(template_dirs[0] / "assets") if template_dirs else Assets()
    owner = project.organisations.get(project.config.organisation) if project.config else None
    env = make_environment(template_dirs, assets, {
        "site": project.config,
        "owner": owner.model if owner else None,
        "menu": main_menu(project, routes),
        "menu_urls": sorted(set(routes.by_ref.values())),
        "ministry_links": MINISTRY_LINKS,
        "content_security_policy": Markup(content_security_policy(inline_scripts)),  # quotes stay quotes
    })
    # Links were checked by the rules, so every one resolves here.
    env.filters["resolve"] = lambda target, source: resolve_link(target, source, routes) or target
    files: dict[str, bytes] = dict(assets.files)
    issues: list[Issue] = []
    for page in pages:
        html, found = render_page(env, page)
        issues += found
        if html is not None:
            files[page.output_path] = html
    for relative in sorted(publishable_files(project, routes)):  # unlinked files are not published
        try:
            files[relative] = project.read_content(relative)
        except UnsafeFileError as exc:  # turned into a link or a FIFO since the scan
            issues.append(exc.issue)
    files[".nojekyll"] = b""  # GitHub Pages: publish files and folders as they are
    return files, issues
