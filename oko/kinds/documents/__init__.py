"""The document registry (content/documents.yaml): every order, report and licence the site publishes.

This is the one place that knows documents: «Сведения» name them by id, the home page lists the
newest, rules check their files and signatures.
"""

from __future__ import annotations

from dataclasses import dataclass

from oko.files import FileInfo
from oko.kinds.documents.model import Document, DocumentRegistry
from oko.project import Entry, Project

NAME = "documents"
REGISTRY_FILE = "documents.yaml"  # under content/


def registry(project: Project) -> Entry[DocumentRegistry] | None:
    return project.entries.get(NAME, {}).get(NAME)


@dataclass(frozen=True)
class DocView:
    """A document as a page shows it: its link, and «PDF, 1,2 МБ» for a local file."""

    document: Document
    url: str
    info: FileInfo | None

    @property
    def label(self) -> str:
        return self.info.label if self.info else "внешний сайт"


def document_views(project: Project) -> dict[str, DocView]:
    views: dict[str, DocView] = {}
    entry = registry(project)
    if entry is None:
        return views
    for document in entry.model.documents:
        info = project.files.get(document.file) if document.file else None
        url = f"/{document.file}" if document.file else (document.url or "")
        views[document.id] = DocView(document, url, info)
    return views
