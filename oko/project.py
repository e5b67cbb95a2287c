"""A project: site_config.yaml, content/files, and the entries each kind loaded; the loading steps kinds share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from oko.cache import active as active_cache
from oko.cache import digest as cache_digest
from oko.config import SiteConfig
from oko.errors import Issue
from oko.files import FileInfo, ProjectTree, UnsafeFileError
from oko.sources import Position, SourceDoc, decode_text, parse_markdown, parse_yaml, too_big
from oko.validate import validate

M = TypeVar("M", bound=BaseModel)
Parser = Callable[[str, str], tuple[SourceDoc | None, list[Issue]]]  # text, shown name → document, issues
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
    tree: ProjectTree = field(default_factory=lambda: ProjectTree(Path()))  # what may be read (oko/files.py)
    config: SiteConfig | None = None
    config_doc: SourceDoc | None = None
    files: dict[str, FileInfo] = field(default_factory=dict)  # content/files/**, by "files/…" path
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind name → id → what the kind loaded
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


def load_config(project: Project, issues: list[Issue]) -> tuple[SourceDoc | None, SiteConfig | None]:
    if any(issue.file == CONFIG_FILE for issue in project.tree.issues):
        return None, None  # a link or a special file, already reported
    if not project.tree.is_file(CONFIG_FILE):
        issues.append(Issue("error", CONFIG_FILE, "нет файла настроек сайта site_config.yaml",
                            hint="скопируйте site_config.yaml из демонстрационного сайта"))
        return None, None
    doc, config, found = _cached(project, CONFIG_FILE, SiteConfig, parse_yaml, _load_config)
    issues.extend(found)
    return doc, config


def load_folder(
    project: Project,
    folder: str,
    suffix: str,
    model: type[M],
    issues: list[Issue],
) -> dict[str, Entry[M]]:
    """content/<folder>/*<suffix>: one Entry per valid file, by its id."""
    parser = parse_markdown if suffix == ".md" else parse_yaml
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
    doc, value, found = _cached(project, shown, model, parser, _load_model)
    issues.extend(found)
    if doc is None or value is None:
        return None
    project.invalid.discard(source)
    return Entry(path.stem, source, doc, value)


def _load_model(project: Project, shown: str, model: type[M],
                parser: Parser) -> tuple[SourceDoc | None, M | None, list[Issue]]:
    doc, issues = read_source(project, project.root / shown, parser)
    if doc is None:
        return None, None, issues
    if not isinstance(doc.data, dict):
        return doc, None, [*issues, doc.issue("файл должен состоять из полей «ключ: значение»", at=Position(1, 1))]
    value, found = validate(doc, model)
    return doc, value, issues + found


def _load_config(project: Project, shown: str, model: type[SiteConfig],
                 parser: Parser) -> tuple[SourceDoc | None, SiteConfig | None, list[Issue]]:
    doc, issues = read_source(project, project.root / shown, parser)
    if doc is None:
        return None, None, issues
    config, found = validate(doc, model)
    return doc, config, issues + found


def _cached(project: Project, shown: str, model: type[M], parser: Parser,
            load: Callable[[Project, str, type[M], Parser], tuple[SourceDoc | None, M | None, list[Issue]]],
            ) -> tuple[SourceDoc | None, M | None, list[Issue]]:
    """A file loaded and validated — from the build cache when the same bytes were loaded by the same
    engine into the same model (oko/cache); the cached issues are the ones the file had then."""
    cache = active_cache()
    size = project.tree.sizes.get(shown, 0)
    if cache is None or too_big(size, shown) is not None:
        return load(project, shown, model, parser)
    try:
        raw = project.tree.read(shown)
    except UnsafeFileError:
        return load(project, shown, model, parser)  # says why
    key = cache_digest("source", shown, f"{model.__module__}.{model.__qualname__}", parser.__name__, raw)
    hit = cache.get(key)
    if hit is not None:
        return hit
    loaded = load(project, shown, model, parser)
    cache.put(key, loaded)
    return loaded
