"""Load and validate a whole project: site_config.yaml and every content file, all issues collected."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from oko.config import SiteConfig
from oko.errors import Issue
from oko.models.organisation import Organisation
from oko.models.page import PageMeta
from oko.models.plan import Plan
from oko.models.schedule import ProcedureFile, ScheduleHeader
from oko.sources import Position, SourceDoc, load_markdown_file, load_yaml_file
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
    files: list[str] = field(default_factory=list)  # under content/files, relative to content/
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
    files_dir = project.content / "files"
    project.files = sorted(
        path.relative_to(project.content).as_posix()
        for path in files_dir.rglob("*") if path.is_file() and not path.name.startswith(".")
    ) if files_dir.is_dir() else []
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
