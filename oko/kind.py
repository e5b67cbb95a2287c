"""A content kind: everything the engine knows about one kind of content, declared in one place.

Each kind (oko/kinds/<name>/) subclasses `Kind` and overrides only what it has. The pipeline
(oko/pipeline.py) runs the stages over the registered kinds (oko/registry.py) in `order`:

    load → derive → routes → rules → files → downloads → pages → render

Data flows one way: a stage receives a read-only `Context` (the project, the routes, what other
kinds derived) and returns values; no kind calls back into the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import BaseModel

from oko.errors import Issue
from oko.files import FileInfo
from oko.links import Routes
from oko.project import Entry, Project, load_folder
from oko.report_row import Row
from oko.site import MenuEntry, Page, Section
from oko.sources import SourceDoc


@dataclass(frozen=True)
class Download:
    """A generated file offered beside a page (a plan's or a schedule's spreadsheet)."""

    title: str
    page_url: str
    file_url: str
    info: FileInfo


@dataclass(frozen=True)
class Context:
    """What the stages after loading see: the project, the decided routes, every kind's derived value."""

    project: Project
    routes: Routes
    derived: Mapping[str, Any] = field(default_factory=dict)  # kind name → what its `derive` returned
    kinds: tuple[Kind, ...] = ()
    downloads: tuple[Download, ...] = ()  # generated files offered as documents, known from the pages stage on


@dataclass(frozen=True)
class Schema:
    """A JSON Schema for editors: its name in schemas/, the model, a title, and the files it describes."""

    name: str
    model: type[BaseModel]
    title: str
    pattern: str  # glob relative to the project; "" for Markdown front matter (no schema line there)


@dataclass(frozen=True)
class FolderForm:
    """A CMS collection of files in one folder (one file per entry)."""

    place: int  # order in the editor's list of collections
    name: str
    label: str
    folder: str
    schema: str
    markdown: bool = False
    summary: str = "{{title}}"


@dataclass(frozen=True)
class FileForm:
    name: str
    label: str
    file: str
    schema: str


@dataclass(frozen=True)
class FilesForm:
    """A CMS collection of named files (a registry, a year's schedule files, the subsections)."""

    place: int
    name: str
    label: str
    files: tuple[FileForm, ...]


Form = FolderForm | FilesForm


@dataclass(frozen=True)
class MarkdownSource:
    """Markdown written in content: the text, its file, the line its first line is on, and whether it is
    an indented YAML block (so positions in it shift by the indent)."""

    text: str
    doc: SourceDoc
    first_line: int
    indented: bool = False


class Kind:
    """One content kind. Class attributes declare; methods compute (each default does nothing)."""

    name: ClassVar[str]
    order: ClassVar[int]  # the stages run kinds in this order
    paths: ClassVar[tuple[str, ...]] = ()  # what it owns under content/: folders («plans») or files
    segments: ClassVar[tuple[str, ...]] = ()  # first URL segments it owns («plans» for /plans/…)
    folder: ClassVar[str] = ""  # the default loader: content/<folder>/*<suffix> validated by `model`
    suffix: ClassVar[str] = ".yaml"
    model: ClassVar[type[BaseModel] | None] = None
    rule_codes: ClassVar[dict[str, str]] = {}  # codes a site may set a level for in `rules:`
    menu: ClassVar[tuple[MenuEntry, ...]] = ()
    sections: ClassVar[tuple[Section, ...]] = ()
    schemas: ClassVar[tuple[Schema, ...]] = ()

    def load(self, project: Project, issues: list[Issue]) -> dict[str, Any]:
        """id → what was loaded (an Entry for most kinds); problems go to issues."""
        if not self.folder or self.model is None:
            return {}
        return load_folder(project, self.folder, self.suffix, self.model, issues)

    def entries(self, project: Project) -> Iterable[Entry[Any]]:
        """Every validated content file of this kind (the personal-data rule reads them all)."""
        return [value for value in project.entries.get(self.name, {}).values() if isinstance(value, Entry)]

    def derive(self, project: Project) -> tuple[Any, list[Issue]]:
        """A value other kinds may need (a year's assembled schedule), computed once after loading."""
        return None, []

    def add_routes(self, ctx: Context) -> list[Issue]:
        """Add this kind's URLs to ctx.routes (the routes stage is the only one that writes them)."""
        return []

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return ()

    def pages(self, ctx: Context) -> list[Page]:
        return []

    def files(self, ctx: Context) -> dict[str, bytes]:
        """Generated downloads (ICS, CSV, XLSX, JSON) by output path."""
        return {}

    def downloads(self, ctx: Context, files: Mapping[str, bytes]) -> list[Download]:
        """Generated files listed as documents of «Документы»."""
        return []

    def menu_items(self, ctx: Context) -> list[tuple[int, str, str]]:
        """(place, title, url) in the main menu: the declared entries whose reference exists."""
        return [(e.place, e.title, e.url) for e in self.menu if not e.ref or e.ref in ctx.routes.by_ref]

    def markdown(self, project: Project) -> dict[str, MarkdownSource]:
        """Markdown to render into its pages' `body`, by source file."""
        return {}

    def links(self, project: Project) -> Iterable[tuple[str, str]]:
        """(source, target) of every link written in this kind's content."""
        return ()

    def linked_files(self, project: Project) -> set[str]:
        """Files of content/files named directly («files/x.pdf»), not through a link."""
        return set()

    def published(self, project: Project) -> set[str]:
        """Content files published as they are, linked or not («food/…»)."""
        return set()

    def forms(self, project: Project) -> list[Form]:
        """The kind's collections in the form editor (oko/cms.py)."""
        return []

    def report_rows(self, project: Project, issues: list[Issue]) -> list[Row]:
        """Rows this kind adds to `check --report`, after the openness requirements."""
        return []
