"""Rules for the document registry: every named file exists, ids are unique."""

from __future__ import annotations

from collections.abc import Iterator

from oko.errors import Issue
from oko.kinds.documents import registry
from oko.project import Project

RULE_CODES = {
    "files.missing": "файл, на который ссылается документ, есть в content/files",
    "documents.duplicate_id": "идентификаторы документов не повторяются",
}


def document_files_exist(project: Project) -> Iterator[Issue]:
    """A document's file (and its detached signature) is in content/files."""
    entry = registry(project)
    if entry is None:
        return
    for index, document in enumerate(entry.model.documents):
        for path, value in ((("file",), document.file),
                            (("signature", "file"), document.signature.file if document.signature else None)):
            if value and value not in project.files:
                yield entry.doc.issue(
                    f"файл «{value}» не найден в content/files", ("documents", index, *path),
                    hint="положите файл в папку content/files или исправьте имя", code="files.missing")


def document_ids_unique(project: Project) -> Iterator[Issue]:
    entry = registry(project)
    if entry is None:
        return
    seen: dict[str, int] = {}
    for index, document in enumerate(entry.model.documents):
        if document.id in seen:
            yield entry.doc.issue(
                f"идентификатор «{document.id}» уже есть у документа № {seen[document.id] + 1}",
                ("documents", index, "id"), code="documents.duplicate_id")
        seen.setdefault(document.id, index)
