"""The documents kind: the registry file, its rules, the files it names, its schema and form."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oko.errors import Issue
from oko.kind import Context, FileForm, FilesForm, Form, Kind, Schema
from oko.kinds.documents import NAME, REGISTRY_FILE, registry
from oko.kinds.documents.model import DocumentRegistry
from oko.kinds.documents.rules import RULE_CODES, document_files_exist, document_ids_unique
from oko.project import Project, load_entry
from oko.sources import parse_yaml


class Documents(Kind):
    name = NAME
    order = 50
    paths = (REGISTRY_FILE,)
    rule_codes = RULE_CODES
    schemas = (Schema("documents", DocumentRegistry, "Реестр документов", f"content/{REGISTRY_FILE}"),)

    def load(self, project: Project, issues: list[Issue]) -> dict[str, Any]:
        path = project.content / REGISTRY_FILE
        if not project.tree.is_file(project.shown(path)):
            return {}
        entry = load_entry(project, path, DocumentRegistry, parse_yaml, issues)
        return {NAME: entry} if entry is not None else {}

    def rules(self, ctx: Context) -> Iterable[Issue]:
        return [*document_files_exist(ctx.project), *document_ids_unique(ctx.project)]

    def linked_files(self, project: Project) -> set[str]:
        entry = registry(project)
        documents = entry.model.documents if entry else []
        return {path for document in documents
                for path in (document.file, document.signature.file if document.signature else None) if path}

    def forms(self, project: Project) -> list[Form]:
        return [FilesForm(80, "documents", "Документы", (
            FileForm("registry", "Реестр документов", f"content/{REGISTRY_FILE}", "documents"),))]


KIND = Documents()
