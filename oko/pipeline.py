"""The build recipe: load → validate → routes → check → pages → render; writing is the caller's step.

Stage order is an invariant: every content issue is collected before anything is written, so a
failed build writes nothing (tests/test_build.py checks it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from oko.cms import CmsScriptMissingError, admin_files
from oko.errors import Issue, sorted_issues
from oko.files import FileInfo
from oko.history import last_changes
from oko.outputs.tables import plan_xlsx_bytes
from oko.project import Project, load_project
from oko.render import Assets, make_environment, markdown_to_html, render_page
from oko.rules import apply_severities, check_project
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
from oko.views.sveden import Download, add_sveden_routes, food_files, sveden_pages

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


def generate(root: Path) -> BuildResult:
    """Everything but writing: the site's files as bytes, or the issues that prevent it."""
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
    generated = {**schedule_files(schedules), **plan_files(project), **food_files(project)}
    downloads = _downloads(project, schedules, generated)
    pages = sorted([*build_pages(project, routes), *schedule_pages(schedules, project.config.base_url),
                    *sveden_pages(project, routes, downloads), *criteria_pages(project), *demos_pages(project),
                    *vpr_pages(project, schedules)], key=lambda page: page.url)
    for page in pages:
        page.data.setdefault("downloads", downloads)
    stamp_pages(pages, last_changes(root))
    issues += _render_markdown_bodies(project, routes, pages)
    files, found = _render(project, pages, routes)
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


def _markdown_sources(project: Project) -> dict[str, tuple[str, SourceDoc, int]]:
    """Markdown written in content: page and criteria bodies, the ВПР year's text for parents."""
    sources = {entry.source: (entry.doc.body, entry.doc, entry.doc.body_line)
               for entry in [*project.pages.values(), *project.criteria.values()]}
    for entry in project.vpr.values():
        if entry.model.for_parents:
            at = entry.doc.position(("for_parents",))
            sources[entry.source] = (entry.model.for_parents, entry.doc, (at.line + 1) if at else 1)
    return sources


def _render_markdown_bodies(project: Project, routes: Routes, pages: list[Page]) -> list[Issue]:
    issues: list[Issue] = []
    sources = _markdown_sources(project)
    for page in pages:
        if page.source not in sources:
            continue
        body, doc, first_line = sources[page.source]
        html, broken = markdown_to_html(body, _page_link_resolver(page.source, page.url, routes))
        page.data["body"] = html
        for target, at in zip(broken, _link_positions(body, first_line, broken), strict=True):
            issues.append(doc.issue(
                f"ссылка «{target}» никуда не ведёт: такого файла или страницы нет", at=at,
                hint=LINK_HINT,
            ))
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
        line_start = text.rfind("\n", 0, index) + 1
        positions.append(Position(body_line + text.count("\n", 0, index), index - line_start + 1))
    return positions


def _render(project: Project, pages: list[Page], routes: Routes) -> tuple[dict[str, bytes], list[Issue]]:
    template_dirs = [d for d in (project.root / "templates", DEFAULT_TEMPLATES) if d.is_dir()]
    assets = Assets.collect(template_dirs[0] / "assets") if template_dirs else Assets()
    owner = project.organisations.get(project.config.organisation) if project.config else None
    env = make_environment(template_dirs, assets, {
        "site": project.config,
        "owner": owner.model if owner else None,
        "menu": main_menu(project, routes),
        "menu_urls": sorted(set(routes.by_ref.values())),
        "ministry_links": MINISTRY_LINKS,
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
    for relative in project.files:
        files[relative] = (project.content / relative).read_bytes()
    files[".nojekyll"] = b""  # GitHub Pages: publish files and folders as they are
    return files, issues
