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
from oko.sources import Position, SourceDoc, load_markdown_file, load_yaml_file
from oko.validate import validate

M = TypeVar("M", bound=BaseModel)
CONFIG_FILE = "site_config.yaml"
CONTENT_DIR = "content"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Entry(Generic[M]):
    """One validated content file: its id (the file name), its source with positions, its model."""

    id: str
    source: str  # path relative to content/, e.g. "plans/x.yaml"
    doc: SourceDoc
    model: M


@dataclass
class Project:
    """Everything a build knows about the site's content."""

    root: Path
    config: SiteConfig | None = None
    config_doc: SourceDoc | None = None
    organisations: dict[str, Entry[Organisation]] = field(default_factory=dict)
    plans: dict[str, Entry[Plan]] = field(default_factory=dict)
    pages: dict[str, Entry[PageMeta]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # under content/files, relative to content/

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
        shown = project.shown(path)
        if not SLUG.match(path.stem):
            issues.append(Issue(
                "error", shown, f"неподходящее имя файла «{path.name}»",
                hint="имя файла — латинские строчные буквы, цифры и дефисы, например plan-2025-2026" + path.suffix,
            ))
            continue
        doc, found = loader(path, shown)
        issues.extend(found)
        if doc is None:
            continue
        if not isinstance(doc.data, dict):
            issues.append(doc.issue("файл должен состоять из полей «ключ: значение»", at=Position(1, 1)))
            continue
        value, found = validate(doc, model)
        issues.extend(found)
        if value is not None:
            entries[path.stem] = Entry(path.stem, path.relative_to(project.content).as_posix(), doc, value)
    return entries
