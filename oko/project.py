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
from oko.files import FileInfo, collect_files
from oko.models.criteria import CriteriaMeta
from oko.models.demos import DemoFile, VprYear
from oko.models.documents import DocumentRegistry
from oko.models.organisation import Organisation
from oko.models.page import PageMeta
from oko.models.plan import Plan
from oko.models.schedule import ProcedureFile, ScheduleHeader
from oko.models.sveden import SvedenPage, subsection_model
from oko.sources import Position, SourceDoc, load_markdown_file, load_yaml_file
from oko.sveden_spec import SUBSECTIONS
from oko.validate import validate

M = TypeVar("M", bound=BaseModel)
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


def load_project(root: Path) -> tuple[Project, list[Issue]]:
    """Read site_config.yaml and content/: models for what is valid, Issues for the rest."""
    project = Project(root=root)
    issues: list[Issue] = []
    project.config_doc, project.config = _load_config(project, issues)
    project.organisations = _load_kind(project, "organisations", "*.yaml", Organisation, load_yaml_file, issues)
    project.plans = _load_kind(project, "plans", "*.yaml", Plan, load_yaml_file, issues)
    project.pages = _load_kind(project, "pages", "*.md", PageMeta, load_markdown_file, issues)
    project.schedules = _load_schedules(project, issues)
    project.files = collect_files(project.content, "files")
    project.food = collect_files(project.content, "food")
    registry = project.content / "documents.yaml"
    if registry.is_file():
        project.documents = load_entry(project, registry, DocumentRegistry, load_yaml_file, issues)
    project.sveden = _load_sveden(project, issues)
    project.criteria = _load_kind(project, "criteria", "*.md", CriteriaMeta, load_markdown_file, issues)
    project.demos = _load_kind(project, "demos", "*.yaml", DemoFile, load_yaml_file, issues)
    project.vpr = _load_kind(project, "vpr", "*.yaml", VprYear, load_yaml_file, issues)
    return project, issues


def _load_config(project: Project, issues: list[Issue]) -> tuple[SourceDoc | None, SiteConfig | None]:
    path = project.root / CONFIG_FILE
    if not path.is_file():
        issues.append(Issue("error", CONFIG_FILE, "нет файла настроек сайта site_config.yaml",
                            hint="скопируйте site_config.yaml из демонстрационного сайта"))
        return None, None
    doc, found = load_yaml_file(path, CONFIG_FILE)
    issues.extend(found)
    if doc is None:
        return None, None
    config, found = validate(doc, SiteConfig)
    issues.extend(found)
    return doc, config


def _load_kind(
    project: Project,
    folder: str,
    pattern: str,
    model: type[M],
    loader: Callable[[Path, str], tuple[SourceDoc | None, list[Issue]]],
    issues: list[Issue],
) -> dict[str, Entry[M]]:
    entries: dict[str, Entry[M]] = {}
    directory = project.content / folder
    if not directory.is_dir():
        return entries
    for path in sorted(directory.glob(pattern)):
        entry = load_entry(project, path, model, loader, issues)
        if entry is not None:
            entries[entry.id] = entry
    return entries


def load_entry(
    project: Project,
    path: Path,
    model: type[M],
    loader: Callable[[Path, str], tuple[SourceDoc | None, list[Issue]]],
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
    doc, found = loader(path, shown)
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
    directory = project.content / "schedules"
    if not directory.is_dir():
        return schedules
    for folder in sorted(p for p in directory.iterdir() if p.is_dir()):
        match = YEAR_FOLDER.match(folder.name)
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            issues.append(Issue("error", project.shown(folder), f"неподходящее имя папки «{folder.name}»",
                                hint="папка графика называется по учебному году, например 2025-2026"))
            continue
        header_path = folder / SCHEDULE_HEADER
        if not header_path.is_file():
            issues.append(Issue("error", project.shown(folder), "в папке графика нет файла schedule.yaml",
                                hint="schedule.yaml описывает учебный год: периоды, каникулы, классы и часы"))
            continue
        header = load_entry(project, header_path, ScheduleHeader, load_yaml_file, issues)
        files = [entry for path in sorted(folder.glob("*.yaml")) if path.name != SCHEDULE_HEADER
                 if (entry := load_entry(project, path, ProcedureFile, load_yaml_file, issues)) is not None]
        schedules[folder.name] = ScheduleSources(folder.name, header, files)
    return schedules


def _load_sveden(project: Project, issues: list[Issue]) -> dict[str, Entry[SvedenPage]]:
    """content/sveden/<file>.yaml, one per subsection of «Сведения об образовательной организации»."""
    entries: dict[str, Entry[SvedenPage]] = {}
    directory = project.content / "sveden"
    if not directory.is_dir():
        return entries
    by_file = {subsection.file: subsection for subsection in SUBSECTIONS}
    for path in sorted(directory.glob("*.yaml")):
        subsection = by_file.get(path.stem)
        if subsection is None:
            close = difflib.get_close_matches(path.stem, list(by_file), n=1, cutoff=0.5)
            issues.append(Issue(
                "error", project.shown(path), f"«{path.name}» — не подраздел «Сведений об образовательной организации»",
                hint=f"возможно, вы имели в виду «{close[0]}.yaml»" if close else "файлы: " + ", ".join(by_file)))
            continue
        entry = load_entry(project, path, subsection_model(subsection), load_yaml_file, issues)
        if entry is not None:
            entries[subsection.slug] = entry
    return entries
