"""Files and folders under content/ that no kind reads: each one an error with a did-you-mean (issue 12).

A misspelt folder (content/shedules/) or a file no kind reads (content/plans/x.txt) would otherwise be
skipped without a word: nothing published, nothing reported. What each kind reads is its layout
(oko/registry.py `content_layouts`); hidden files and folders (.gitkeep) are the author's own.
"""

from __future__ import annotations

import difflib
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

from oko.errors import Issue
from oko.files import ProjectTree
from oko.kind import Kind
from oko.project import CONTENT_DIR
from oko.registry import content_layouts


def unknown_content(tree: ProjectTree, kinds: tuple[Kind, ...]) -> list[Issue]:
    """One error per unknown folder (its files are not listed again) and per unknown file."""
    layouts = content_layouts(kinds)
    prefix = f"{CONTENT_DIR}/"
    issues: list[Issue] = []
    reported: list[str] = []
    for path in sorted({*tree.folders, *tree.files}):
        if not path.startswith(prefix) or _hidden(path[len(prefix):]):
            continue
        relative = path[len(prefix):]
        if any(relative.startswith(folder + "/") for folder in reported):
            continue
        is_folder = path in tree.folders
        if _known(relative, is_folder, layouts):
            continue
        issues.append(_folder_issue(relative, layouts) if is_folder else _file_issue(relative, layouts))
        if is_folder:
            reported.append(relative)
    return issues


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/"))


def _known(relative: str, is_folder: bool, layouts: list[str]) -> bool:
    """A file matches a layout; a folder is on the way to one («schedules», «schedules/2025-2026»)."""
    if not is_folder:
        return any(_matches(relative, layout) for layout in layouts)
    depth = relative.count("/") + 1
    return any((_matches(relative, "/".join(layout.split("/")[:depth])) and layout.count("/") >= depth)
               or (layout.endswith("/**") and _matches(relative + "/x", layout)) for layout in layouts)


def _matches(relative: str, layout: str) -> bool:
    """fnmatch by path segments; «**» at the end takes any depth."""
    parts, pattern = relative.split("/"), layout.split("/")
    if pattern[-1] == "**":
        head = pattern[:-1]
        return len(parts) > len(head) and all(map(fnmatchcase, parts[: len(head)], head))
    return len(parts) == len(pattern) and all(map(fnmatchcase, parts, pattern))


def _folder_issue(relative: str, layouts: list[str]) -> Issue:
    parent, name = _split(relative)
    where = f"content/{parent}/" if parent else "content/"
    expected = [n for n in _expected_names(parent, layouts, folders=True) if not _is_pattern(n)]
    close = difflib.get_close_matches(name, expected, n=1, cutoff=0.6)
    if close:
        hint = f"возможно, {close[0]}: переименуйте папку или удалите её"
    elif expected:
        hint = f"в {where} бывают папки: {', '.join(expected)}"
    else:
        hint = f"в {where} папок не бывает: перенесите её файлы или удалите её"
    return Issue("error", f"{CONTENT_DIR}/{relative}/",
                 f"неизвестная папка «{name}» в {where}: её никто не читает, и на сайт из неё ничего не попадёт",
                 hint=hint)


def _file_issue(relative: str, layouts: list[str]) -> Issue:
    parent, name = _split(relative)
    where = f"content/{parent}/" if parent else "content/"
    expected = _expected_names(parent, layouts, folders=False)
    suffixes = [p[1:] for p in expected if p.startswith("*.") and not _is_pattern(p[1:])]
    names = [n for n in expected if not _is_pattern(n)]
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    stem = PurePosixPath(name).stem
    if close:
        hint = f"возможно, {close[0]}: переименуйте файл или удалите его"
    elif suffixes:
        hint = (f"возможно, {stem}{suffixes[0]}: в {where} читаются только файлы "
                + ", ".join(f"*{suffix}" for suffix in suffixes))
    elif names:
        hint = f"в {where} бывают файлы: {', '.join(names)}"
    else:
        hint = f"в {where} файлов не бывает: перенесите его в папку своего вида или удалите"
    return Issue("error", f"{CONTENT_DIR}/{relative}",
                 f"неизвестный файл «{name}» в {where}: его никто не читает, и на сайт он не попадёт", hint=hint)


def _is_pattern(name: str) -> bool:
    return any(char in name for char in "*?[")


def _split(relative: str) -> tuple[str, str]:
    parent, _, name = relative.rpartition("/")
    return parent, name


def _expected_names(parent: str, layouts: list[str], folders: bool) -> list[str]:
    """What may stand in `parent`: names or patterns one level below it («plans», «*.yaml»)."""
    depth = parent.count("/") + 1 if parent else 0
    found: list[str] = []
    for layout in layouts:
        pattern = layout.split("/")
        if len(pattern) <= depth or (depth and not _matches(parent, "/".join(pattern[:depth]))):
            continue
        if folders != (len(pattern) == depth + 1) and pattern[depth] != "**":
            found.append(pattern[depth])
    return sorted(dict.fromkeys(found))
