"""Load and validate a whole project: site_config.yaml and every content file, all issues collected."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from oko.config import SiteConfig
from oko.errors import Issue
from oko.files import FileInfo, ProjectTree, UnsafeFileError, collect_files, scan_project
from oko.models.criteria import CriteriaMeta
from oko.models.demos import DemoFile, VprYear
from oko.models.documents import DocumentRegistry
from oko.models.organisation import Organisation
from oko.models.page import PageMeta
from oko.models.plan import Plan
from oko.models.schedule import ProcedureFile, ScheduleHeader
from oko.models.sveden import SvedenPage, subsection_model
from oko.sources import Position, SourceDoc, decode_text, parse_markdown, parse_yaml, too_big
from oko.sveden_spec import SUBSECTIONS
from oko.validate import validate

M = TypeVar("M", bound=BaseModel)
Parser = Callable[[str, str], tuple[SourceDoc | None, list[Issue]]]  # text, shown name → document, issues
CONFIG_FILE = "site_config.yaml"
CONTENT_DIR = "content"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
YEAR_FOLDER = re.compile(r"^(\d{4})-(\d{4})$")
SCHEDULE_HEADER = "schedule.yaml"


@dataclass
class Entry(Generic[M]):
    """One validated content file: its id (the file name), its source with positions, its model."""

    id: str
    source: str  # path relative to content/, e.g. "plans/x.yaml"
    doc: SourceDoc
    model: M


@dataclass
class ScheduleSources:
    """One year's folder under content/schedules: the header file and the other procedure files."""

    year: str  # the folder name, «2025-2026»
    header: Entry[ScheduleHeader] | None
    files: list[Entry[ProcedureFile]] = field(default_factory=list)


@dataclass
class Project:
    """Everything a build knows about the site's content."""

    root: Path
    tree: ProjectTree = field(default_factory=lambda: ProjectTree(Path()))  # what may be read (oko/files.py)
    config: SiteConfig | None = None
    config_doc: SourceDoc | None = None
    organisations: dict[str, Entry[Organisation]] = field(default_factory=dict)
    plans: dict[str, Entry[Plan]] = field(default_factory=dict)
    pages: dict[str, Entry[PageMeta]] = field(default_factory=dict)
    schedules: dict[str, ScheduleSources] = field(default_factory=dict)
    files: dict[str, FileInfo] = field(default_factory=dict)  # content/files/**, by "files/…" path
    food: dict[str, FileInfo] = field(default_factory=dict)  # content/food/**, published byte for byte
    documents: Entry[DocumentRegistry] | None = None
    sveden: dict[str, Entry[SvedenPage]] = field(default_factory=dict)  # by the subsection's URL slug
    criteria: dict[str, Entry[CriteriaMeta]] = field(default_factory=dict)
    demos: dict[str, Entry[DemoFile]] = field(default_factory=dict)
    vpr: dict[str, Entry[VprYear]] = field(default_factory=dict)  # by year, «2026»
    invalid: set[str] = field(default_factory=set)  # content files that exist but did not validate

    @property
    def content(self) -> Path:
        return self.root / CONTENT_DIR

    def shown(self, path: Path) -> str:
        """How a file is named in messages: relative to the project, with forward slashes."""
        return path.relative_to(self.root).as_posix()

    def read_content(self, relative: str) -> bytes:
        """The bytes of a scanned file under content/ («files/x.pdf»); UnsafeFileError if it is not safe now."""
        return self.tree.read(f"{CONTENT_DIR}/{relative}")


def load_project(root: Path) -> tuple[Project, list[Issue]]:
    """Read site_config.yaml and content/: models for what is valid, Issues for the rest."""
    project = Project(root=root, tree=scan_project(root, top_files=(CONFIG_FILE,)))
    issues: list[Issue] = list(project.tree.issues)  # links and special files: never read
    project.config_doc, project.config = _load_config(project, issues)
    project.organisations = _load_kind(project, "organisations", ".yaml", Organisation, parse_yaml, issues)
    project.plans = _load_kind(project, "plans", ".yaml", Plan, parse_yaml, issues)
    project.pages = _load_kind(project, "pages", ".md", PageMeta, parse_markdown, issues)
    project.schedules = _load_schedules(project, issues)
    project.files = collect_files(project.tree, "files")
    project.food = collect_files(project.tree, "food")
    registry = project.content / "documents.yaml"
    if project.tree.is_file(project.shown(registry)):
        project.documents = load_entry(project, registry, DocumentRegistry, parse_yaml, issues)
    project.sveden = _load_sveden(project, issues)
    project.criteria = _load_kind(project, "criteria", ".md", CriteriaMeta, parse_markdown, issues)
    project.demos = _load_kind(project, "demos", ".yaml", DemoFile, parse_yaml, issues)
    project.vpr = _load_kind(project, "vpr", ".yaml", VprYear, parse_yaml, issues)
    return project, issues


def read_source(project: Project, path: Path, parser: Parser) -> tuple[SourceDoc | None, list[Issue]]:
    """One scanned text file parsed; a file that turned unsafe since the scan is an Issue, not a read."""
    shown = project.shown(path)
    if (issue := too_big(project.tree.sizes.get(shown, 0), shown)) is not None:
        return None, [issue]
    try:
        raw = project.tree.read(shown)
    except UnsafeFileError as exc:
        return None, [exc.issue]
    text, issues = decode_text(raw, shown)
    if text is None:
        return None, issues
    return parser(text, shown)


def _load_config(project: Project, issues: list[Issue]) -> tuple[SourceDoc | None, SiteConfig | None]:
    path = project.root / CONFIG_FILE
    if any(issue.file == CONFIG_FILE for issue in project.tree.issues):
        return None, None  # a link or a special file, already reported
    if not project.tree.is_file(CONFIG_FILE):
        issues.append(Issue("error", CONFIG_FILE, "нет файла настроек сайта site_config.yaml",
                            hint="скопируйте site_config.yaml из демонстрационного сайта"))
        return None, None
    doc, found = read_source(project, path, parse_yaml)
    issues.extend(found)
    if doc is None:
        return None, None
    config, found = validate(doc, SiteConfig)
    issues.extend(found)
    return doc, config


def _load_kind(
    project: Project,
    folder: str,
    suffix: str,
    model: type[M],
    parser: Parser,
    issues: list[Issue],
) -> dict[str, Entry[M]]:
    entries: dict[str, Entry[M]] = {}
    for relative in project.tree.listing(f"{CONTENT_DIR}/{folder}", suffix):
        entry = load_entry(project, project.root / relative, model, parser, issues)
        if entry is not None:
            entries[entry.id] = entry
    return entries


def load_entry(
    project: Project,
    path: Path,
    model: type[M],
    parser: Parser,
    issues: list[Issue],
) -> Entry[M] | None:
    """One content file: name checked, text loaded, data validated; problems go to issues."""
    shown = project.shown(path)
    if not SLUG.match(path.stem):
        project.invalid.add(path.relative_to(project.content).as_posix())
        issues.append(Issue(
            "error", shown, f"неподходящее имя файла «{path.name}»",
            hint="имя файла — латинские строчные буквы, цифры и дефисы, например plan-2025-2026" + path.suffix,
        ))
        return None
    source = path.relative_to(project.content).as_posix()
    project.invalid.add(source)  # until it proves valid
    doc, found = read_source(project, path, parser)
    issues.extend(found)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        issues.append(doc.issue("файл должен состоять из полей «ключ: значение»", at=Position(1, 1)))
        return None
    value, found = validate(doc, model)
    issues.extend(found)
    if value is None:
        return None
    project.invalid.discard(source)
    return Entry(path.stem, source, doc, value)


def _load_schedules(project: Project, issues: list[Issue]) -> dict[str, ScheduleSources]:
    """content/schedules/<year>/: schedule.yaml plus any other files of procedures."""
    schedules: dict[str, ScheduleSources] = {}
    for relative in project.tree.subfolders(f"{CONTENT_DIR}/schedules"):
        folder = project.root / relative
        match = YEAR_FOLDER.match(folder.name)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            issues.append(Issue("error", project.shown(folder), f"неподходящее имя папки «{folder.name}»",
                                hint="папка графика называется по учебному году, например 2025-2026"))
            continue
        header_path = folder / SCHEDULE_HEADER
        if not project.tree.is_file(project.shown(header_path)):
            issues.append(Issue("error", project.shown(folder), "в папке графика нет файла schedule.yaml",
                                hint="schedule.yaml описывает учебный год: периоды, каникулы, классы и часы"))
            continue
        header = load_entry(project, header_path, ScheduleHeader, parse_yaml, issues)
        files = [entry for path in map(project.root.joinpath, project.tree.listing(relative, ".yaml"))
                 if path.name != SCHEDULE_HEADER
                 if (entry := load_entry(project, path, ProcedureFile, parse_yaml, issues)) is not None]
        schedules[folder.name] = ScheduleSources(folder.name, header, files)
    return schedules


def _load_sveden(project: Project, issues: list[Issue]) -> dict[str, Entry[SvedenPage]]:
    """content/sveden/<file>.yaml, one per subsection of «Сведения об образовательной организации»."""
    entries: dict[str, Entry[SvedenPage]] = {}
    by_file = {subsection.file: subsection for subsection in SUBSECTIONS}
    for path in map(project.root.joinpath, project.tree.listing(f"{CONTENT_DIR}/sveden", ".yaml")):
        subsection = by_file.get(path.stem)
        if subsection is None:
            close = difflib.get_close_matches(path.stem, list(by_file), n=1, cutoff=0.5)
            issues.append(Issue(
                "error", project.shown(path), f"«{path.name}» — не подраздел «Сведений об образовательной организации»",
                hint=f"возможно, вы имели в виду «{close[0]}.yaml»" if close else "файлы: " + ", ".join(by_file)))
            continue
        entry = load_entry(project, path, subsection_model(subsection), parse_yaml, issues)
        if entry is not None:
            entries[subsection.slug] = entry
    return entries
