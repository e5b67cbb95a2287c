"""Files of a project: the one safe walker and reader for content/ and templates/, and what a published
file is (format, size).

Content arrives by pull request, so it is semi-trusted (STYLE.md, lesson 14): nothing outside the
project may be read or published through it. Every loader takes its list of files from `scan_project`
and its bytes from `ProjectTree.read`; nothing else in Око walks content/.

Decisions:
- A symbolic link under content/ is allowed only when it resolves to a regular file inside content/
  (one order published under two names, a file shared by two subsections): the bytes are still the
  project's own and the pull request shows them. Its bytes are read from the target.
- Every other link is an error named by the link's path: one leading out of content/ (to /etc/passwd,
  /proc/self/environ, ../../.git/config), to a folder (even one inside content/: a second copy of a
  tree, and a way to loops), nowhere, or in a loop.
- Every link under templates/ is an error: the theme is read by jinja's loader and the asset
  collector, which follow links, and a theme has no reason for one.
- FIFOs, devices and sockets are errors and are never opened (opening a FIFO would block the build).
- A read opens every path component with O_NOFOLLOW (and the file with O_NONBLOCK, then checks with
  fstat that it is a regular file), so a file swapped for a link or a FIFO after the scan fails to
  open instead of being followed.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from oko.errors import Issue

DEFAULT_ALLOWED = ("pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "odp", "pptx", "rtf", "txt", "csv",
                   "jpg", "jpeg", "png", "gif", "svg", "webp", "zip", "sig")
DEFAULT_MAX_MB = 15
CONTENT = "content"
TEMPLATES = "templates"
MAX_FOLDER_DEPTH = 32  # folders inside content/ or templates/ (the walk recurses once per level)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC
_REPLACE_LINK = "положите в папку сам файл вместо ссылки на него"


@dataclass(frozen=True)
class FileInfo:
    """A published file as a visitor should see it announced: «PDF, 1,2 МБ» (1493 п.4: purpose and format)."""

    path: str  # relative to content/, e.g. "files/ustav.pdf"
    size: int

    @property
    def extension(self) -> str:
        return Path(self.path).suffix.lstrip(".").lower()

    @property
    def format(self) -> str:
        return self.extension.upper() or "файл"

    @property
    def human_size(self) -> str:
        return human_size(self.size)

    @property
    def label(self) -> str:
        return f"{self.format}, {self.human_size}"


def human_size(size: int) -> str:
    """«812 байт», «35 КБ», «1,2 МБ» (decimal comma, as Russian writes it)."""
    if size < 1024:
        return f"{size} байт"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} КБ"
    return f"{size / 1024 / 1024:.1f} МБ".replace(".", ",")


class UnsafeFileError(Exception):
    """A file that must not be read (a link, a special file, a path leaving the project), as an Issue."""

    def __init__(self, shown: str, message: str, hint: str = "") -> None:
        super().__init__(f"{shown}: {message}")
        self.issue = Issue("error", shown, message, hint=hint)


@dataclass
class ProjectTree:
    """What a scan of the project found: every regular file that may be read, the folders, the refusals."""

    root: Path
    files: dict[str, str] = field(default_factory=dict)  # project-relative path → the path holding its bytes
    sizes: dict[str, int] = field(default_factory=dict)
    folders: set[str] = field(default_factory=set)
    issues: list[Issue] = field(default_factory=list)

    def is_file(self, relative: str) -> bool:
        return relative in self.files

    def listing(self, folder: str, suffix: str = "", recursive: bool = False) -> list[str]:
        """Readable files directly in folder (or at any depth) whose names end with suffix, sorted."""
        prefix = folder.rstrip("/") + "/"
        return sorted(path for path in self.files if path.startswith(prefix) and path.endswith(suffix)
                      and (recursive or "/" not in path[len(prefix):]))

    def subfolders(self, folder: str) -> list[str]:
        prefix = folder.rstrip("/") + "/"
        return sorted(path for path in self.folders if path.startswith(prefix) and "/" not in path[len(prefix):])

    def read(self, relative: str) -> bytes:
        """The bytes of a scanned file (an allowed link's target's); UnsafeFileError if it changed since."""
        if relative not in self.files:
            raise UnsafeFileError(relative, "файл не найден среди файлов проекта")
        try:
            return read_inside(self.root, self.files[relative])
        except UnsafeFileError as exc:
            raise UnsafeFileError(relative, exc.issue.message, exc.issue.hint) from exc


def scan_project(root: Path, top_files: tuple[str, ...] = (), folders: tuple[str, ...] = (CONTENT, TEMPLATES),
                 ) -> ProjectTree:
    """Walk content/ and templates/ without following links: regular files listed, the rest refused."""
    tree = ProjectTree(root)
    try:
        root_fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return tree
    try:
        for name in top_files:
            _visit(tree, root_fd, name, name)
        for name in folders:
            _visit(tree, root_fd, name, name)
    finally:
        os.close(root_fd)
    return tree


def _visit(tree: ProjectTree, dir_fd: int, name: str, relative: str) -> None:
    try:
        info = os.stat(name, dir_fd=dir_fd, follow_symlinks=False)
    except FileNotFoundError:
        return
    except OSError as exc:
        tree.issues.append(_os_issue(relative, exc))
        return
    if stat.S_ISLNK(info.st_mode):
        _link(tree, dir_fd, name, relative)
    elif stat.S_ISDIR(info.st_mode):
        _walk(tree, dir_fd, name, relative)
    elif stat.S_ISREG(info.st_mode):
        tree.files[relative] = relative
        tree.sizes[relative] = info.st_size
    else:
        tree.issues.append(Issue("error", relative, "это не обычный файл (именованный канал, устройство или сокет):"
                                 " такие файлы не читаются и не публикуются", hint="удалите его из папки"))


def _walk(tree: ProjectTree, dir_fd: int, name: str, relative: str) -> None:
    if relative.count("/") >= MAX_FOLDER_DEPTH:
        tree.issues.append(Issue("error", relative, f"слишком глубокая вложенность папок: больше {MAX_FOLDER_DEPTH}"
                                 " уровней", hint="разложите файлы по папкам попроще"))
        return
    try:
        fd = os.open(name, _DIR_FLAGS, dir_fd=dir_fd)
    except OSError as exc:
        tree.issues.append(_os_issue(relative, exc))
        return
    try:
        tree.folders.add(relative)
        with os.scandir(fd) as entries:
            names = sorted(entry.name for entry in entries)
        for child in names:
            _visit(tree, fd, child, f"{relative}/{child}")
    except OSError as exc:
        tree.issues.append(_os_issue(relative, exc))
    finally:
        os.close(fd)


def _link(tree: ProjectTree, dir_fd: int, name: str, relative: str) -> None:
    """A link is kept only when it is under content/ and resolves to a regular file inside content/."""
    target = os.readlink(name, dir_fd=dir_fd)
    if "/" not in relative:  # site_config.yaml, content/ or templates/ itself
        tree.issues.append(Issue("error", relative, f"символическая ссылка на «{target}»: проект читается только"
                                 " из настоящих файлов и папок", hint="замените ссылку самим файлом или папкой"))
        return
    if not relative.startswith(CONTENT + "/"):
        tree.issues.append(Issue("error", relative, f"символическая ссылка на «{target}» в папке оформления: "
                                 "шаблоны и стили читаются только из настоящих файлов", hint=_REPLACE_LINK))
        return
    content = os.path.realpath(os.path.join(tree.root, CONTENT))
    try:
        resolved = os.path.realpath(os.path.join(tree.root, relative), strict=True)
    except OSError as exc:
        looped = exc.errno == errno.ELOOP
        tree.issues.append(Issue(
            "error", relative,
            f"символическая ссылка на «{target}» зацикливается: ссылки ведут друг на друга по кругу" if looped
            else f"символическая ссылка на «{target}» никуда не ведёт: такого файла нет", hint=_REPLACE_LINK))
        return
    if os.path.commonpath([content, resolved]) != content:
        tree.issues.append(Issue("error", relative, f"символическая ссылка на «{target}» ведёт за пределы папки "
                                 "content: такие файлы не читаются и не публикуются", hint=_REPLACE_LINK))
        return
    try:
        info = os.stat(resolved, follow_symlinks=False)
    except OSError as exc:
        tree.issues.append(_os_issue(relative, exc))
        return
    if not stat.S_ISREG(info.st_mode):
        kind = "папку" if stat.S_ISDIR(info.st_mode) else "не обычный файл"
        tree.issues.append(Issue("error", relative, f"символическая ссылка на {kind} «{target}»: содержимое читается"
                                 " только из настоящих папок и обычных файлов", hint=_REPLACE_LINK))
        return
    tree.files[relative] = f"{CONTENT}/{Path(resolved).relative_to(content).as_posix()}"
    tree.sizes[relative] = info.st_size


def read_inside(root: Path, relative: str) -> bytes:
    """The bytes of root/relative: no component may be a link or «..», and the file must be regular."""
    parts = relative.split("/")
    if any(part in ("", ".", "..") for part in parts):
        raise UnsafeFileError(relative, "путь к файлу выходит за пределы проекта")
    fds = [os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)]
    try:
        for index, part in enumerate(parts):
            flags = _FILE_FLAGS if index == len(parts) - 1 else _DIR_FLAGS
            try:
                fds.append(os.open(part, flags, dir_fd=fds[-1]))
            except OSError as exc:
                raise UnsafeFileError(relative, _os_issue(relative, exc).message) from exc
        return _read_regular(fds[-1], relative)
    finally:
        for fd in fds:
            os.close(fd)


def read_regular(path: Path) -> bytes:
    """The bytes of one file that is not a link, a FIFO, a device or a socket (OSError otherwise)."""
    fd = os.open(path, _FILE_FLAGS)
    try:
        return _read_regular(fd, str(path))
    finally:
        os.close(fd)


def _read_regular(fd: int, shown: str) -> bytes:
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        raise UnsafeFileError(shown, "это не обычный файл (именованный канал, устройство или сокет): "
                              "такие файлы не читаются и не публикуются")
    chunks = list(iter(lambda: os.read(fd, 1 << 20), b""))
    return b"".join(chunks)


def _os_issue(relative: str, exc: OSError) -> Issue:
    """An OSError met while walking or reading, in Russian (a link put in place after the scan: ELOOP)."""
    messages = {
        errno.ELOOP: "файл или папка заменены символической ссылкой во время сборки",
        errno.ENOTDIR: "папка заменена символической ссылкой или файлом во время сборки",
        errno.ENOENT: "файл исчез во время сборки",
        errno.EACCES: "нет прав на чтение",
        errno.EPERM: "нет прав на чтение",
    }
    return Issue("error", relative, messages.get(exc.errno or 0, f"файл не читается ({exc.strerror})"))


def collect_files(tree: ProjectTree, folder: str) -> dict[str, FileInfo]:
    """Every file under content/<folder> (hidden files skipped), by content-relative path."""
    prefix = f"{CONTENT}/"
    found: dict[str, FileInfo] = {}
    for path in tree.listing(f"{CONTENT}/{folder}", recursive=True):
        relative = path[len(prefix):]
        if not any(part.startswith(".") for part in relative.split("/")[1:]):
            found[relative] = FileInfo(relative, tree.sizes[path])
    return found

