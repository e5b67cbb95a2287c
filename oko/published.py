"""Files and documents: every referenced file exists; formats, sizes and orphans are flagged.

Only what the site links to is published (`publishable_files`): a file in content/files that no
document, plan or page names stays unpublished, so a file added by mistake — or one planted in a pull
request to be fetched by its guessed address — never reaches the public site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from oko.errors import Issue
from oko.project import Project
from oko.site import Routes, resolve_link

RULE_CODES = {
    "files.missing": "файл, на который ссылается документ, есть в content/files",
    "files.format": "формат файла — из разрешённых (files.allowed в site_config.yaml)",
    "files.size": "файл не больше files.max_size_mb",
    "files.unreferenced": "на каждый файл из content/files есть ссылка (файлы без ссылок не публикуются)",
    "documents.duplicate_id": "идентификаторы документов не повторяются",
}
_MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.MULTILINE)


def document_files_exist(project: Project) -> Iterator[Issue]:
    """A document's file (and its detached signature) is in content/files."""
    if project.documents is None:
        return
    for index, document in enumerate(project.documents.model.documents):
        for path, value in ((("file",), document.file),
                            (("signature", "file"), document.signature.file if document.signature else None)):
            if value and value not in project.files:
                yield project.documents.doc.issue(
                    f"файл «{value}» не найден в content/files", ("documents", index, *path),
                    hint="положите файл в папку content/files или исправьте имя", code="files.missing")


def document_ids_unique(project: Project) -> Iterator[Issue]:
    if project.documents is None:
        return
    seen: dict[str, int] = {}
    for index, document in enumerate(project.documents.model.documents):
        if document.id in seen:
            yield project.documents.doc.issue(
                f"идентификатор «{document.id}» уже есть у документа № {seen[document.id] + 1}",
                ("documents", index, "id"), code="documents.duplicate_id")
        seen.setdefault(document.id, index)


def allowed_formats_and_sizes(project: Project) -> Iterator[Issue]:
    """Formats outside the allow-list and oversize files are warnings: a visitor may not open them."""
    settings = project.config.files if project.config else None
    if settings is None:
        return
    allowed = {ext.lower().lstrip(".") for ext in settings.allowed}
    for info in project.files.values():
        shown = f"content/{info.path}"
        if info.extension not in allowed:
            yield Issue("warning", shown, f"формат «.{info.extension}» не из разрешённых",
                        hint="разрешены: " + ", ".join(sorted(allowed)) + " (files.allowed в site_config.yaml)",
                        code="files.format")
        if info.size > settings.max_size_mb * 1024 * 1024:
            yield Issue("warning", shown, f"файл весит {info.human_size}, больше {settings.max_size_mb:g} МБ",
                        hint="уменьшите файл (сожмите PDF, уменьшите картинки) или разбейте на части",
                        code="files.size")


def referenced_files(project: Project, routes: Routes) -> set[str]:
    """Every content/files path something links to: documents, plan evidence, Markdown pages."""
    used: set[str] = set()
    if project.documents:
        for document in project.documents.model.documents:
            used |= {path for path in (document.file, document.signature.file if document.signature else None) if path}
    targets = [(entry.source, link.link) for entry in project.plans.values()
               for _, item in entry.model.located_items() for link in item.evidence]
    for entry in [*project.pages.values(), *project.criteria.values()]:
        targets += [(entry.source, a or b) for a, b in _MARKDOWN_LINK.findall(entry.doc.body)]
    for vpr in project.vpr.values():
        targets += [(vpr.source, a or b) for a, b in _MARKDOWN_LINK.findall(vpr.model.for_parents or "")]
    used |= {material.file for entry in project.demos.values() for demo in entry.model.demos
             for material in demo.materials if material.file}
    for source, target in targets:
        url = resolve_link(target, source, routes)
        if url and url.startswith("/files/"):
            used.add(url.lstrip("/").partition("#")[0])
    return used


def publishable_files(project: Project, routes: Routes) -> set[str]:
    """The content files the site publishes («files/…», «food/…»): referenced ones and the /food/ menus."""
    return (referenced_files(project, routes) & project.files.keys()) | project.food.keys()


def no_unreferenced_files(project: Project, routes: Routes) -> Iterator[Issue]:
    """A file nothing links to is not published (see publishable_files): probably forgotten or misnamed."""
    used = referenced_files(project, routes)
    for path in project.files:
        if path not in used:
            yield Issue("warning", f"content/{path}",
                        "файл не опубликован: на него нет ни одной ссылки, а на сайт попадают только файлы,"
                        " на которые ссылаются документы, планы или страницы",
                        hint="добавьте его в content/documents.yaml или сошлитесь на него со страницы;"
                             " если файл не нужен на сайте, удалите его", code="files.unreferenced")
