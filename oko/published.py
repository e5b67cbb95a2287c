"""Files of content/files: formats and sizes flagged, and only what the site links to is published.

Only what the site links to is published (`publishable_files`): a file in content/files that no
document, plan or page names stays unpublished, so a file added by mistake — or one planted in a pull
request to be fetched by its guessed address — never reaches the public site. Which links there are,
each kind tells (`Kind.links`, `Kind.linked_files`, `Kind.published`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from oko.errors import Issue
from oko.kind import Kind
from oko.links import Routes, resolve_link
from oko.project import Project
from oko.registry import registered

RULE_CODES = {
    "files.format": "формат файла — из разрешённых (files.allowed в site_config.yaml)",
    "files.size": "файл не больше files.max_size_mb",
    "files.unreferenced": "на каждый файл из content/files есть ссылка (файлы без ссылок не публикуются)",
}


def add_file_routes(routes: Routes, project: Project) -> None:
    """A file of content/files is linked to by its path: «files/x.pdf» → /files/x.pdf."""
    for file in project.files:
        routes.by_source[file] = "/" + file


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


def referenced_files(project: Project, routes: Routes, kinds: Iterable[Kind] | None = None) -> set[str]:
    """Every content/files path something links to: documents, plan evidence, Markdown pages."""
    kinds = registered() if kinds is None else tuple(kinds)
    used: set[str] = set()
    for kind in kinds:
        used |= kind.linked_files(project)
    for kind in kinds:
        for source, target in kind.links(project):
            url = resolve_link(target, source, routes)
            if url and url.startswith("/files/"):
                used.add(url.lstrip("/").partition("#")[0])
    return used


def publishable_files(project: Project, routes: Routes, kinds: Iterable[Kind] | None = None) -> set[str]:
    """The content files the site publishes («files/…», «food/…»): referenced ones and those kinds publish whole."""
    kinds = registered() if kinds is None else tuple(kinds)
    whole = set().union(*(kind.published(project) for kind in kinds))
    return (referenced_files(project, routes, kinds) & project.files.keys()) | whole


def no_unreferenced_files(project: Project, routes: Routes, kinds: Iterable[Kind] | None = None) -> Iterator[Issue]:
    """A file nothing links to is not published (see publishable_files): probably forgotten or misnamed."""
    used = referenced_files(project, routes, kinds)
    for path in project.files:
        if path not in used:
            yield Issue("warning", f"content/{path}",
                        "файл не опубликован: на него нет ни одной ссылки, а на сайт попадают только файлы,"
                        " на которые ссылаются документы, планы или страницы",
                        hint="добавьте его в content/documents.yaml или сошлитесь на него со страницы;"
                             " если файл не нужен на сайте, удалите его", code="files.unreferenced")
